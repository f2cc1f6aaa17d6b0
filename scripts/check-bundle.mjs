// npm run check:bundle — the browser bundle of renderSummary, built with esbuild (minified, ES modules,
// code splitting) from the built package (run `npm run build` first). Counts what a browser loads to
// render with the default template: the entry, the chunks it imports, and the prebuilt report template
// (a dynamic import); the other templates and the layout builders (`docx`) load only when asked for.
// Prints minified and gzip sizes and exits 1 when they exceed the limits. `--json` prints the figures.
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

export const LIMITS = { minified: 450_000, gzip: 130_000 };

export async function measureBundle() {
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
  return { minified, gzip, chunks: loaded.size, allChunks: all };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const size = await measureBundle();
  const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
  if (process.argv.includes("--json")) console.log(JSON.stringify(size));
  else {
    console.log(
      `renderSummary in a browser (esbuild, minified, default template): ${kb(size.minified)} minified / ${kb(size.gzip)} gzip, ` +
        `${size.chunks} files (limits ${kb(LIMITS.minified)} / ${kb(LIMITS.gzip)}); every chunk together: ${kb(size.allChunks)}`,
    );
  }
  if (size.minified > LIMITS.minified || size.gzip > LIMITS.gzip) {
    console.error("check-bundle: the bundle is over its limits");
    process.exitCode = 1;
  }
}
