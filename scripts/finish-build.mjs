// After tsc: mark dist/cjs as CommonJS (the package itself is ESM), bundle docxtemplater for browsers, and
// write the JSON Schema file that ships as meeting-summary-docx/schema.json. (The template builders of
// src/layout, which use the `docx` package, run at build time only: scripts/build-templates.mjs.)
import { mkdirSync, writeFileSync } from "node:fs";
import { build } from "esbuild";

const root = new URL("../", import.meta.url);

// docxtemplater for browsers (package.json's `browser` field names it in place of docxtemplater): the pinned
// docxtemplater bundled with template/docxtemplater-dom.js standing in for @xmldom/xmldom, of which it
// needs only the reading of two small parts. CommonJS, as docxtemplater itself, so that both builds and
// every bundler load it as they load docxtemplater.
await build({
  entryPoints: [new URL("node_modules/docxtemplater/js/docxtemplater.js", root).pathname],
  outfile: new URL("dist/browser/docxtemplater.cjs", root).pathname,
  bundle: true,
  format: "cjs",
  platform: "browser",
  alias: { "@xmldom/xmldom": new URL("dist/esm/template/docxtemplater-dom.js", root).pathname },
  banner: {
    js: "/*! docxtemplater (MIT), bundled for browsers by meeting-summary-docx without @xmldom/xmldom */",
  },
  logLevel: "warning",
});
writeFileSync(new URL("dist/cjs/package.json", root), `${JSON.stringify({ type: "commonjs" }, null, 2)}\n`);

const { toJsonSchema } = await import("../dist/esm/index.js");
mkdirSync(new URL("schema/", root), { recursive: true });
writeFileSync(
  new URL("schema/meeting-summary.schema.json", root),
  `${JSON.stringify(toJsonSchema(), null, 2)}\n`,
);
