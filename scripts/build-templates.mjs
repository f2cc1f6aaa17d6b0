// Writes the built-in templates to templates/*.docx from the built library (run `npm run build` first).
// The bytes are deterministic, so a rebuild from unchanged code leaves the committed files unchanged, and a
// test checks that each templates/<name>.docx equals a fresh build.
import { mkdirSync, writeFileSync } from "node:fs";

const root = new URL("../", import.meta.url);
let builders;
try {
  const { buildReportTemplate } = await import("../dist/esm/layout/report.js");
  const { buildDocumentTemplate } = await import("../dist/esm/layout/document.js");
  const { buildMinutesTemplate } = await import("../dist/esm/layout/minutes.js");
  builders = { report: buildReportTemplate, document: buildDocumentTemplate, minutes: buildMinutesTemplate };
} catch (cause) {
  throw new Error("build-templates: dist/esm is missing or stale; run `npm run build` first", { cause });
}

mkdirSync(new URL("templates/", root), { recursive: true });
for (const [name, build] of Object.entries(builders)) {
  const target = new URL(`templates/${name}.docx`, root);
  writeFileSync(target, await build());
  console.log(`wrote ${target.pathname}`);
}
