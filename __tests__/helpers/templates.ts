import PizZip from "pizzip";
import { builtInTemplate } from "../../src/template/builtin";

/**
 * Fixture templates made at test time from the built-in report template, so that no binary file is
 * committed and each fixture says in code what it contains.
 */

/** The built-in report template with its document.xml (or another part) changed by `edit`. */
export async function reportWith(
  edit: (xml: string) => string,
  part = "word/document.xml",
): Promise<Uint8Array> {
  const zip = new PizZip(await builtInTemplate("report"));
  const file = zip.file(part);
  if (!file) throw new Error(`no ${part} in the report template`);
  zip.file(part, edit(file.asText()));
  return zip.generate({ type: "uint8array", compression: "DEFLATE" });
}

/** Replaces the first occurrence of `from`, failing loudly if the template no longer has it. */
export function replaceOnce(xml: string, from: string, to: string): string {
  if (!xml.includes(from)) throw new Error(`the template has no ${from}`);
  return xml.replace(from, to);
}

/** Broken templates, by the name a person would give the file, each with one mistake an editor makes. */
export const brokenTemplates: Record<string, (xml: string) => string> = {
  "unclosed-tag.docx": (xml) => replaceOnce(xml, "{title}", "{title"),
  "unopened-tag.docx": (xml) => replaceOnce(xml, "{recipient}：", "recipient}："),
  "duplicate-open-brace.docx": (xml) => replaceOnce(xml, "{title}", "{{title}"),
  "unclosed-loop.docx": (xml) => replaceOnce(xml, "{/closing}", ""),
  "unopened-loop-end.docx": (xml) => replaceOnce(xml, "{#closing}", ""),
  "mismatched-loop.docx": (xml) => replaceOnce(xml, "{/isLevel4}", "{/isLevel3}"),
  "raw-tag-not-alone.docx": (xml) => replaceOnce(xml, "{@signOff}", "落款：{@signOff}"),
};

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/**
 * Adds a default header holding `paragraphs` (WordprocessingML `<w:p>` elements) to a template: the part,
 * its relationship, its content type and the reference from the section.
 */
export function addHeader(docx: Uint8Array, paragraphs: string): Uint8Array {
  const zip = new PizZip(docx);
  zip.file(
    "word/header1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr ${W}>${paragraphs}</w:hdr>`,
  );
  const rels = zip.file("word/_rels/document.xml.rels")?.asText() ?? "";
  zip.file(
    "word/_rels/document.xml.rels",
    rels.replace(
      "</Relationships>",
      '<Relationship Id="rIdHeader1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/></Relationships>',
    ),
  );
  const types = zip.file("[Content_Types].xml")?.asText() ?? "";
  zip.file(
    "[Content_Types].xml",
    types.replace(
      "</Types>",
      '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/></Types>',
    ),
  );
  const body = zip.file("word/document.xml")?.asText() ?? "";
  zip.file(
    "word/document.xml",
    replaceOnce(body, "<w:sectPr>", '<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader1"/>'),
  );
  return zip.generate({ type: "uint8array", compression: "DEFLATE" });
}

let rsid = 0x00a10000;
const nextRsid = () => (rsid++).toString(16).toUpperCase().padStart(8, "0");

/**
 * What Word does to a template when someone edits and saves it: every run cut into pieces of a few
 * characters (so `{title}` becomes `{ti` + `tle}`), proofing marks between the pieces, revision ids on
 * paragraphs and runs, a rendered page break and bookmarks. Run properties are kept on every piece.
 */
export function asEditedInWord(xml: string): string {
  let out = xml.replace(
    /<w:p>/g,
    () => `<w:p w:rsidR="${nextRsid()}" w:rsidRDefault="${nextRsid()}" w:rsidP="${nextRsid()}">`,
  );
  out = out.replace(
    /<w:r>(<w:rPr>.*?<\/w:rPr>)?<w:t xml:space="preserve">([^<]*)<\/w:t><\/w:r>/g,
    (_, rPr: string | undefined, text: string) => {
      const pieces = text.match(/.{1,3}/gsu) ?? [text];
      return pieces
        .map(
          (piece, i) =>
            `${i > 0 ? '<w:proofErr w:type="spellStart"/>' : ""}<w:r w:rsidR="${nextRsid()}" w:rsidRPr="${nextRsid()}">${rPr ?? ""}<w:t xml:space="preserve">${piece}</w:t></w:r>${i > 0 ? '<w:proofErr w:type="spellEnd"/>' : ""}`,
        )
        .join("");
    },
  );
  // In the body: a bookmark around the title, and the page break Word records where it last broke the page.
  if (out.includes('<w:pStyle w:val="GwTitle"/></w:pPr>')) {
    out = out.replace(
      '<w:pStyle w:val="GwTitle"/></w:pPr>',
      '<w:pStyle w:val="GwTitle"/></w:pPr><w:bookmarkStart w:id="0" w:name="_Toc1"/>',
    );
    out = out.replace(/(<w:pStyle w:val="GwTitle"\/><\/w:pPr>.*?)(<\/w:p>)/, '$1<w:bookmarkEnd w:id="0"/>$2');
    out = out.replace(
      '<w:pStyle w:val="GwHeading1"/></w:pPr>',
      '<w:pStyle w:val="GwHeading1"/></w:pPr><w:r><w:lastRenderedPageBreak/></w:r>',
    );
  }
  return out;
}
