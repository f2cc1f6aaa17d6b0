import PizZip from "pizzip";

/**
 * Word drafts written part by part the way Word writes them (namespaces, revision ids, relationship
 * files), so that each test says in XML exactly what Word would have saved.
 */

export const NAMESPACES = [
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"',
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"',
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"',
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"',
  'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"',
  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"',
  'xmlns:v="urn:schemas-microsoft-com:vml"',
  'xmlns:o="urn:schemas-microsoft-com:office:office"',
  'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"',
  'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"',
  'mc:Ignorable="w14"',
].join(" ");

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** The parts of a hand-written draft besides the body. */
export interface DraftParts {
  styles?: string;
  numbering?: string;
  comments?: string;
  footnotes?: string;
  header?: string;
  footer?: string;
}

/**
 * A .docx whose body is `body` (WordprocessingML block content) and whose other parts hold the given
 * content (the inside of `w:styles`, `w:numbering`, `w:comments`, `w:footnotes`, `w:hdr`, `w:ftr`).
 */
export function wordDraft(body: string, parts: DraftParts = {}): Uint8Array {
  const zip = new PizZip();
  const rels: string[] = [];
  const overrides: string[] = [];
  const add = (
    key: keyof DraftParts,
    root: string,
    file: string,
    type: string,
    contentType: string,
  ): string | undefined => {
    const content = parts[key];
    if (content === undefined) return undefined;
    const id = `rId${rels.length + 1}`;
    zip.file(`word/${file}`, `${DECLARATION}<w:${root} ${NAMESPACES}>${content}</w:${root}>`);
    rels.push(`<Relationship Id="${id}" Type="${REL}/${type}" Target="${file}"/>`);
    overrides.push(
      `<Override PartName="/word/${file}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.${contentType}+xml"/>`,
    );
    return id;
  };
  add("styles", "styles", "styles.xml", "styles", "styles");
  add("numbering", "numbering", "numbering.xml", "numbering", "numbering");
  add("comments", "comments", "comments.xml", "comments", "comments");
  add("footnotes", "footnotes", "footnotes.xml", "footnotes", "footnotes");
  const header = add("header", "hdr", "header1.xml", "header", "header");
  const footer = add("footer", "ftr", "footer1.xml", "footer", "footer");
  const sectPr = `<w:sectPr w:rsidR="00A10000">${header ? `<w:headerReference w:type="default" r:id="${header}"/>` : ""}${footer ? `<w:footerReference w:type="default" r:id="${footer}"/>` : ""}<w:pgSz w:w="11906" w:h="16838"/></w:sectPr>`;
  zip.file(
    "word/document.xml",
    `${DECLARATION}<w:document ${NAMESPACES}><w:body>${body}${sectPr}</w:body></w:document>`,
  );
  zip.file(
    "word/_rels/document.xml.rels",
    `${DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`,
  );
  zip.file(
    "_rels/.rels",
    `${DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  zip.file(
    "[Content_Types].xml",
    `${DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>${overrides.join("")}</Types>`,
  );
  return zip.generate({ type: "uint8array", compression: "DEFLATE" });
}

/** A paragraph of plain runs, as Word writes one (revision ids, `xml:space` where needed). */
export function p(text: string, pPr = ""): string {
  const runs = text
    .split("\n")
    .map((line) => `<w:r w:rsidRPr="00C20000"><w:t xml:space="preserve">${line}</w:t></w:r>`)
    .join("<w:r><w:br/></w:r>");
  return `<w:p w:rsidR="00A10000" w:rsidRDefault="00A10000">${pPr === "" ? "" : `<w:pPr>${pPr}</w:pPr>`}${runs}</w:p>`;
}

/** A list paragraph: `w:numPr` with `numId` and `ilvl`. */
export function li(text: string, numId: number, ilvl = 0, pPr = ""): string {
  return p(text, `${pPr}<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`);
}

/** A level of an abstract numbering definition. */
export function lvl(
  ilvl: number,
  numFmt: string,
  lvlText: string,
  extra: { start?: number; suff?: string; restart?: number; pStyle?: string; isLgl?: boolean } = {},
): string {
  return `<w:lvl w:ilvl="${ilvl}" w:tplc="04090019"><w:start w:val="${extra.start ?? 1}"/><w:numFmt w:val="${numFmt}"/>${extra.restart === undefined ? "" : `<w:lvlRestart w:val="${extra.restart}"/>`}${extra.pStyle ? `<w:pStyle w:val="${extra.pStyle}"/>` : ""}${extra.isLgl ? "<w:isLgl/>" : ""}${extra.suff ? `<w:suff w:val="${extra.suff}"/>` : ""}<w:lvlText w:val="${lvlText}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr></w:lvl>`;
}
