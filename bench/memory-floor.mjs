// The memory floor of scripts/check-memory.mjs: the least resident memory a process needs to write its
// 2,000 documents, in a process of its own (peak RSS is a whole process's). The texts of the same
// summaries, in the same order, become document.xml by plain string joins (a paragraph each, in a run
// with fonts and size, escaped), compressed and zipped into the report template with our DEFLATE and zip
// writer: no template engine, no validation, nothing kept between documents. Prints the peak RSS in MB.
// `--compiled`: the same, after importing the package and having docxtemplater compile every built-in
// template and layout check-memory renders with (inspectTemplate, which keeps nothing), and rendering
// nothing through them: what compiling templates alone leaves to the rest of a process.
import { readFileSync } from "node:fs";
import { deflatePart, writeZip } from "../dist/esm/template/docx-zip.js";
import { openTemplate } from "../dist/esm/template/open.js";
import { seed, variedReport } from "./corpus.mjs";

if (process.argv.includes("--compiled")) {
  const { builtInTemplate, inspectTemplate } = await import("meeting-summary-docx");
  for (const name of ["report", "document", "minutes"]) {
    for (const layout of [undefined, { fonts: "plain" }])
      inspectTemplate(await builtInTemplate(name, layout));
  }
}

const source = openTemplate(readFileSync(new URL("../templates/report.docx", import.meta.url)));
const summaries = [seed, ...[10, 50, 100, 200].map((n, i) => variedReport(n, 94, i + 1))];

/** Every text of a summary, in order. */
function texts(value, out = []) {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const item of value) texts(item, out);
  else if (value && typeof value === "object") for (const item of Object.values(value)) texts(item, out);
  return out;
}
const escapeXml = (text) =>
  text.replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"));
const run = (text) =>
  `<w:p><w:pPr><w:ind w:firstLine="640"/></w:pPr><w:r><w:rPr><w:rFonts w:ascii="FangSong_GB2312" ` +
  `w:eastAsia="FangSong_GB2312"/><w:sz w:val="32"/></w:rPr><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;

for (let i = 0; i < 2000; i++) {
  // A copy, as a render reads its input afresh.
  const summary = structuredClone(summaries[i % summaries.length]);
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document><w:body>${texts(summary).map(run).join("")}</w:body></w:document>`;
  writeZip(
    source.parts.map((part) => (part.name === "word/document.xml" ? deflatePart(part.name, xml) : part)),
  );
}
console.log(JSON.stringify({ peakMb: (process.resourceUsage().maxRSS * 1024) / (1024 * 1024) }));
