// npm run check:bundle — the browser bundle of renderSummary, built with esbuild (minified, ES modules,
// code splitting) from the built package (run `npm run build` first). Counts what a browser loads to
// render with the default template: the entry, the chunks it imports, and the prebuilt report template
// (a dynamic import); the other templates and the layout patcher load only when asked for.
// Prints minified and gzip sizes and exits 1 when they exceed the limits. `--json` prints the figures;
// `--by-package` adds what each package (and each stage of ours) takes of them.
// So that the figure stays honest, every chunk the counted code can load later must be one a default
// render never needs (OPTIONAL below); a chunk of anything else loaded lazily makes the check fail until it
// is counted or named here.
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

export const LIMITS = { minified: 450_000, gzip: 130_000 };

/** What the counted code loads only when asked for: the other built-in templates and other layouts. */
const OPTIONAL = [
  ["template/prebuilt/document.js", "the document template"],
  ["template/prebuilt/minutes.js", "the minutes template"],
  ["layout/patch.js", "the layout patcher, for a layout other than the default"],
  ["layout/pagination.js", "the page count of the document template (红头文件), for its 版记"],
];

/** Where an input of the bundle comes from: a package (zod split by layer), or a folder of dist/esm. */
function packageOf(input) {
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)/.exec(input);
  if (dependency) {
    const [, name, rest] = dependency;
    const layer = name === "zod" ? /^v4\/(core|classic|mini|locales)\//.exec(rest) : null;
    return layer ? `zod (${layer[1]})` : name;
  }
  if (input.includes("dist/browser/docxtemplater")) return "docxtemplater (browser build)";
  const ours = /dist\/esm\/(.*)\.js$/.exec(input);
  if (!ours) return input;
  const [folder, file] = ours[1].split("/");
  if (folder === "template" && file === "prebuilt") return "prebuilt report template";
  if (folder === "template" && file?.startsWith("vocabulary")) return "tag vocabulary";
  if (folder === "template" && /messages$/.test(file ?? "")) return "messages (template)";
  if (folder === "model" && /messages$/.test(file ?? "")) return "messages (model)";
  return file === undefined ? `src/${folder}` : `src/${folder}/`;
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** A source map's segments: [column, source index] per segment, per line (the columns absolute). */
function* segments(mappings) {
  let source = 0;
  for (const line of mappings.split(";")) {
    let column = 0;
    const out = [];
    for (const segment of line.split(",")) {
      if (segment === "") continue;
      const fields = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = B64.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += fields[0];
      if (fields.length > 1) source += fields[1];
      out.push([column, fields.length > 1 ? source : -1]);
    }
    yield out;
  }
}

/**
 * The loaded code split by package through the source maps: each package's minified bytes, and the gzip
 * size of its code alone (gzip finds less to share within one package, so these add up to more than the
 * bundle's gzip size: read them as each package's weight, not as parts of a sum).
 */
function byPackage(loaded, files) {
  const code = new Map();
  for (const name of loaded) {
    const file = files.get(name);
    const map = files.get(`${name}.map`);
    if (!file || !map) continue;
    const { sources, mappings } = JSON.parse(map.text);
    const lines = file.text.split("\n");
    let li = 0;
    let current = -1;
    for (const marks of segments(mappings)) {
      const line = lines[li++] ?? "";
      let from = 0;
      for (const [column, source] of marks) {
        const owner = current < 0 ? "(esbuild's glue)" : packageOf(sources[current]);
        code.set(owner, (code.get(owner) ?? "") + line.slice(from, column));
        from = column;
        if (source >= 0) current = source;
      }
      const owner = current < 0 ? "(esbuild's glue)" : packageOf(sources[current]);
      code.set(owner, (code.get(owner) ?? "") + line.slice(from));
    }
  }
  return [...code]
    .map(([name, text]) => ({ name, minified: text.length, gzip: gzipSync(text, { level: 9 }).length }))
    .sort((a, b) => b.minified - a.minified);
}

export async function measureBundle({ packages = false } = {}) {
  const root = new URL("../", import.meta.url).pathname;
  const result = await build({
    stdin: {
      contents: 'export { renderSummary } from "./dist/esm/index.js";',
      resolveDir: root,
      sourcefile: "entry.js",
    },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    splitting: true,
    outdir: "out",
    write: false,
    metafile: true,
    sourcemap: packages ? "external" : false,
    logLevel: "silent",
  });
  const files = new Map(result.outputFiles.map((f) => [f.path.slice(f.path.lastIndexOf("/out/") + 1), f]));
  const outputs = result.metafile.outputs;
  const loaded = new Set();
  const load = (name) => {
    if (loaded.has(name)) return;
    loaded.add(name);
    for (const imported of outputs[name].imports)
      if (imported.kind === "import-statement") load(imported.path);
  };
  const entry = Object.keys(outputs).find((name) => outputs[name].entryPoint);
  load(entry);
  const report = Object.keys(outputs).find((name) =>
    Object.keys(outputs[name].inputs).some((input) => input.endsWith("template/prebuilt/report.js")),
  );
  load(report);
  // The chunks the counted ones load with import(): each must be one a default render never needs.
  const lazy = new Set();
  for (const name of loaded)
    for (const imported of outputs[name].imports)
      if (imported.kind === "dynamic-import" && !loaded.has(imported.path)) lazy.add(imported.path);
  const notCounted = [...lazy].map((name) => {
    const inputs = Object.keys(outputs[name].inputs).filter(
      (input) => outputs[name].inputs[input].bytesInOutput > 0,
    );
    const known = OPTIONAL.find(([file]) => inputs.some((input) => input.endsWith(`dist/esm/${file}`)));
    return {
      chunk: name,
      what: known ? known[1] : undefined,
      minified: files.get(name)?.contents.length ?? 0,
      inputs,
    };
  });
  let minified = 0;
  let gzip = 0;
  for (const name of loaded) {
    const file = files.get(name);
    if (!file) continue;
    minified += file.contents.length;
    gzip += gzipSync(file.contents, { level: 9 }).length;
  }
  let all = 0;
  for (const file of result.outputFiles) if (file.path.endsWith(".js")) all += file.contents.length;
  const size = { minified, gzip, chunks: loaded.size, allChunks: all, notCounted };
  return packages ? { ...size, packages: byPackage(loaded, files) } : size;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const packages = process.argv.includes("--by-package");
  const size = await measureBundle({ packages });
  const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
  if (process.argv.includes("--json")) console.log(JSON.stringify(size));
  else {
    console.log(
      `renderSummary in a browser (esbuild, minified, default template): ${kb(size.minified)} minified / ${kb(size.gzip)} gzip, ` +
        `${size.chunks} files (limits ${kb(LIMITS.minified)} / ${kb(LIMITS.gzip)}); every chunk together: ${kb(size.allChunks)}`,
    );
    for (const lazy of size.notCounted)
      console.log(
        `  not counted (loaded only when asked for): ${lazy.what ?? lazy.inputs.join(", ")}, ${kb(lazy.minified)}`,
      );
    if (packages) {
      console.log("\nby package: minified, gzip of its code alone");
      for (const p of size.packages)
        console.log(`${kb(p.minified).padStart(10)} ${kb(p.gzip).padStart(10)}  ${p.name}`);
    }
  }
  if (size.minified > LIMITS.minified || size.gzip > LIMITS.gzip) {
    console.error("check-bundle: the bundle is over its limits");
    process.exitCode = 1;
  }
  for (const lazy of size.notCounted.filter((chunk) => chunk.what === undefined)) {
    console.error(
      `check-bundle: ${lazy.chunk} (${lazy.inputs.join(", ")}) loads lazily and is not counted: count it, or name it in OPTIONAL if a default render never loads it`,
    );
    process.exitCode = 1;
  }
}
