// The bundles that ship for Node (the CLI's, scripts/build-cli.mjs, and the library's, scripts/build-node.mjs):
// ES module chunks bundled by esbuild, with our dependencies, and each chunk as CommonJS when wanted.
import { relative } from "node:path";
import { build, transform } from "esbuild";

/** The Node the bundles are written for. */
export const TARGET = "node20";

/**
 * `entryPoints` bundled for Node into chunks (kept in memory): each with its path in `outdir`, its text
 * (an ES module), and the modules in it.
 * @param {Record<string, string>} entryPoints - name → path of a module of dist/esm
 * @param {string} outdir - where the chunks are to go
 * @param {string} root - the package's folder
 * @param {{ chunkNames?: string }} [options]
 * @returns {Promise<{ path: string, text: string, inputs: string[] }[]>}
 */
export async function bundleForNode(entryPoints, outdir, root, options = {}) {
  const bundled = await build({
    entryPoints,
    outdir,
    absWorkingDir: root,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    mainFields: ["module", "main"],
    target: TARGET,
    ...(options.chunkNames && { chunkNames: options.chunkNames }),
    write: false,
    metafile: true,
    logLevel: "warning",
  });
  return bundled.outputFiles.map((file) => ({
    path: file.path,
    text: file.text,
    inputs: Object.keys(bundled.metafile.outputs[relative(root, file.path)].inputs),
  }));
}

/**
 * One chunk of such a bundle as CommonJS: imports of other chunks become require calls (a lazy import, a
 * require when it runs); import.meta.url becomes the file's URL; strict, as the ES module was. The modules
 * the chunk holds are listed at its top, one a line, for whoever reads a stack trace (the transform drops
 * the bundle's comments that marked where each begins).
 * @param {{ text: string, inputs: string[] }} chunk - a chunk of {@link bundleForNode}
 * @returns {Promise<string>} the chunk as CommonJS
 */
export async function commonJsChunk({ text, inputs }) {
  const { code } = await transform(text.replace(/^#!.*\n/, ""), {
    format: "cjs",
    platform: "node",
    target: TARGET,
    supported: { "dynamic-import": false },
    define: { "import.meta.url": "__importMetaUrl" },
    logLevel: "warning",
  });
  const meta = code.includes("__importMetaUrl")
    ? 'var __importMetaUrl = require("node:url").pathToFileURL(__filename).href;\n'
    : "";
  const contents = inputs.map((input) => `// ${input}\n`).join("");
  return `"use strict";\n${contents}${meta}${code}`;
}
