// Builds examples/branch-letterhead.docx, the worked example of docs/custom-templates.md, from the built-in
// report template: what a branch would do in Word, done by code so that it can be rebuilt and reviewed.
//   - a header with the branch's name in red 小标宋 over a red rule, and the meeting's kind under it;
//   - a footer line above the "— N —" page numbers, with a thin rule over it;
//   - everything else (styles, tags, the loop paragraphs) left as it is.
// Run `npm run build` first (it uses the built zip helper for fixed timestamps). The output is deterministic.
import { readFileSync, writeFileSync } from "node:fs";
import PizZip from "pizzip";

const root = new URL("../", import.meta.url);
let zipToBytes;
try {
  ({ zipToBytes } = await import("../dist/esm/template/zip.js"));
} catch (cause) {
  throw new Error("build-example-template: dist/esm is missing; run `npm run build` first", { cause });
}

const BRANCH = "中共某某单位机关第一党支部";
const RED = "C00000";
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A run in a CJK font with Times New Roman for Latin text; size in half-points. */
const run = (text, { font = "仿宋_GB2312", size = 28, color } = {}) =>
  `<w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="${font}"/>${
    color ? `<w:color w:val="${color}"/>` : ""
  }<w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr><w:t xml:space="preserve">${text}</w:t></w:r>`;

// The header: the branch's name (fixed text, red 小标宋 2号), a red rule under it, then the meeting's
// kind from the summary ({meeting.kind}, empty when the summary has none) in 楷体 4号, right-aligned.
const header = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr ${W}>${[
  `<w:p><w:pPr><w:jc w:val="center"/><w:pBdr><w:bottom w:val="single" w:sz="18" w:space="4" w:color="${RED}"/></w:pBdr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>${run(BRANCH, { font: "方正小标宋简体", size: 44, color: RED })}</w:p>`,
  `<w:p><w:pPr><w:jc w:val="right"/><w:spacing w:before="60" w:after="0"/></w:pPr>${run("{meeting.kind}", { font: "楷体_GB2312" })}</w:p>`,
].join("")}</w:hdr>`;

// A footer line with a thin red rule over it, above the page number paragraph the report template has.
const footerLine = `<w:p><w:pPr><w:jc w:val="center"/><w:pBdr><w:top w:val="single" w:sz="6" w:space="4" w:color="${RED}"/></w:pBdr><w:spacing w:after="0"/></w:pPr>${run(`${BRANCH}编印`, { size: 21 })}</w:p>`;

const zip = new PizZip(readFileSync(new URL("templates/report.docx", root)));
const edit = (name, change) => {
  const file = zip.file(name);
  if (!file) throw new Error(`build-example-template: templates/report.docx has no ${name}`);
  const before = file.asText();
  const after = change(before);
  if (after === before) throw new Error(`build-example-template: nothing changed in ${name}`);
  zip.file(name, after);
};

// One header part for odd pages and one for even ones (the report template has odd/even footers).
zip.file("word/header1.xml", header);
zip.file("word/header2.xml", header);
edit("word/_rels/document.xml.rels", (xml) =>
  xml.replace(
    "</Relationships>",
    `${[1, 2]
      .map(
        (n) =>
          `<Relationship Id="rIdBranchHeader${n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header${n}.xml"/>`,
      )
      .join("")}</Relationships>`,
  ),
);
edit("[Content_Types].xml", (xml) =>
  xml.replace(
    "</Types>",
    `${[1, 2]
      .map(
        (n) =>
          `<Override PartName="/word/header${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>`,
      )
      .join("")}</Types>`,
  ),
);
edit("word/document.xml", (xml) =>
  xml.replace(
    "<w:sectPr>",
    '<w:sectPr><w:headerReference w:type="default" r:id="rIdBranchHeader1"/><w:headerReference w:type="even" r:id="rIdBranchHeader2"/>',
  ),
);
for (const name of ["word/footer1.xml", "word/footer2.xml"]) {
  edit(name, (xml) => xml.replace(/(<w:ftr [^>]*>)/, `$1${footerLine}`));
}

const target = new URL("examples/branch-letterhead.docx", root);
writeFileSync(target, zipToBytes(zip));
console.log(`wrote ${target.pathname}`);
