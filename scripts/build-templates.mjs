// Writes the built-in templates to templates/*.docx from the built library (run `npm run build` first).
// The bytes are deterministic, so a rebuild from unchanged code leaves the committed files unchanged, and a
// test checks that templates/report.docx equals a fresh build.
import { mkdirSync, writeFileSync } from "node:fs";

const root = new URL("../", import.meta.url);
let buildReportTemplate;
try {
  ({ buildReportTemplate } = await import("../dist/esm/layout/report.js"));
} catch (cause) {
  throw new Error("build-templates: dist/esm is missing or stale; run `npm run build` first", { cause });
}

mkdirSync(new URL("templates/", root), { recursive: true });
const target = new URL("templates/report.docx", root);
writeFileSync(target, await buildReportTemplate());
console.log(`wrote ${target.pathname}`);
