// Builds examples/own-fields/own-fields.docx, the example of docs/custom-templates.md for fields of your own: the
// built-in report template with two fields no summary holds, filled from examples/own-fields/own-fields.data.json
// (`--data`, or the `data` option):
//   - the header carries the unit's name, {unitName}, in 楷体 over a thin rule;
//   - under the date, the 附注 of GB/T 9704 7.3.6, "（联系人：{contact.name}，联系电话：{contact.phone}）",
//     two characters in from the left, before the attachments' pages.
// Run `npm run build` first (it uses the built zip helper for fixed timestamps). The output is deterministic.
import { readFileSync, writeFileSync } from "node:fs";
import PizZip from "pizzip";

const root = new URL("../", import.meta.url);
let zipToBytes;
try {
  ({ zipToBytes } = await import("../dist/esm/template/zip.js"));
} catch (cause) {
  throw new Error("build-own-fields-template: dist/esm is missing; run `npm run build` first", { cause });
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

const run = (text, font) =>
  `<w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="${font}"/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr><w:t xml:space="preserve">${text}</w:t></w:r>`;

const header = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr ${W}><w:p><w:pPr><w:jc w:val="center"/><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="4" w:color="auto"/></w:pBdr><w:spacing w:after="0"/></w:pPr>${run("{unitName}", "楷体_GB2312")}</w:p></w:hdr>`;

// The 附注: in the body style (first line indented two characters), right after the sign-off.
const note = `<w:p><w:pPr><w:pStyle w:val="GwBody"/></w:pPr><w:r><w:t xml:space="preserve">（联系人：{contact.name}，联系电话：{contact.phone}）</w:t></w:r></w:p>`;

const zip = new PizZip(readFileSync(new URL("templates/report.docx", root)));
const edit = (name, change) => {
  const file = zip.file(name);
  if (!file) throw new Error(`build-own-fields-template: templates/report.docx has no ${name}`);
  const before = file.asText();
  const after = change(before);
  if (after === before) throw new Error(`build-own-fields-template: nothing changed in ${name}`);
  zip.file(name, after);
};

zip.file("word/header1.xml", header);
edit("word/_rels/document.xml.rels", (xml) =>
  xml.replace(
    "</Relationships>",
    '<Relationship Id="rIdOwnHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/></Relationships>',
  ),
);
edit("[Content_Types].xml", (xml) =>
  xml.replace(
    "</Types>",
    '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/></Types>',
  ),
);
edit("word/document.xml", (xml) =>
  xml
    .replace("<w:sectPr>", '<w:sectPr><w:headerReference w:type="default" r:id="rIdOwnHeader"/>')
    .replace(
      '<w:p><w:r><w:t xml:space="preserve">{@signOff}</w:t></w:r></w:p>',
      `<w:p><w:r><w:t xml:space="preserve">{@signOff}</w:t></w:r></w:p>${note}`,
    ),
);

const target = new URL("examples/own-fields/own-fields.docx", root);
writeFileSync(target, zipToBytes(zip));
console.log(`wrote ${target.pathname}`);
