import PizZip from "pizzip";

/** The text of a part of a .docx (e.g. "word/document.xml"). */
export function partXml(docx: Uint8Array, part = "word/document.xml"): string {
  const file = new PizZip(docx).file(part);
  if (!file) throw new Error(`no ${part} in the document`);
  return file.asText();
}

function decode(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** A paragraph as a reader sees it: its text (line breaks as "\n") and the XML it came from. */
export interface ReadParagraph {
  text: string;
  xml: string;
}

/** Every paragraph of the document body in order, with its text as Word would show it. */
export function paragraphs(docx: Uint8Array, part = "word/document.xml"): ReadParagraph[] {
  const body = partXml(docx, part);
  return [...body.matchAll(/<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g)].map(([xml]) => {
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<w:tab\/>/g)]
      .map((m) => (m[0].startsWith("<w:br") ? "\n" : m[0].startsWith("<w:tab") ? "\t" : decode(m[1] ?? "")))
      .join("");
    return { text, xml };
  });
}

/** The texts of the non-empty paragraphs, trimmed: what check-report-style readers compare. */
export function paragraphTexts(docx: Uint8Array): string[] {
  return paragraphs(docx)
    .map((p) => p.text.trim())
    .filter((t) => t !== "");
}
