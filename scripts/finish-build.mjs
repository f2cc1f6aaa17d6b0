// After tsc: mark dist/cjs as CommonJS (the package itself is ESM), bundle the `docx` package into the
// template builders, bundle docxtemplater for browsers, and write the JSON Schema file that ships as
// meeting-summary-docx/schema.json.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { build } from "esbuild";

const root = new URL("../", import.meta.url);

// docx is used only to build a template in a layout other than the default, and it brings @types/node
// along as a dependency of its own (Node types in every browser project that installs us). So it is a
// devDependency, bundled here into layout/builders.js of each build with the layout modules that use it;
// the builders' other imports (the rest of the library, pizzip) stay imports.
const docxOnly = (layoutDir) => ({
  name: "docx-only",
  setup(esbuild) {
    esbuild.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === "entry-point") return undefined;
      if (args.importer.includes("/node_modules/") || args.path === "docx") return undefined; // bundled
      const local =
        args.path.startsWith(".") && resolve(dirname(args.importer), args.path).startsWith(layoutDir);
      return local ? undefined : { path: args.path, external: true };
    });
  },
});
const builders = (dir) => new URL(`${dir}/layout/builders.js`, root).pathname;
await build({
  entryPoints: [builders("dist/esm")],
  outfile: builders("dist/esm"),
  allowOverwrite: true,
  bundle: true,
  format: "esm",
  platform: "neutral",
  mainFields: ["module", "main"],
  plugins: [docxOnly(new URL("dist/esm/layout/", root).pathname)],
  logLevel: "warning",
});
// The CommonJS builders: the ES bundle just made, as CommonJS; its remaining imports (../template/zip.js)
// name the same files in dist/cjs.
await build({
  entryPoints: [builders("dist/esm")],
  outfile: builders("dist/cjs"),
  allowOverwrite: true,
  bundle: true,
  format: "cjs",
  platform: "neutral",
  plugins: [docxOnly("/nothing/")],
  logLevel: "warning",
});
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
