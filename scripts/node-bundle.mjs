// One chunk of an esbuild ES module bundle as CommonJS, for the bundles that ship as CommonJS (the CLI's,
// scripts/build-cli.mjs, and the library's for `require`, scripts/build-node.mjs): imports of other
// chunks become require calls (a lazy import, a require when it runs); import.meta.url becomes the file's
// URL; strict, as the ES module was. The modules the chunk holds are listed at its top, one a line, for
// whoever reads a stack trace (the transform drops the bundle's comments that marked where each begins).
import { transform } from "esbuild";

/**
 * @param {string} text - the chunk as esbuild wrote it (ES module)
 * @param {string[]} inputs - the modules in it (from the build's metafile)
 * @param {string} target - esbuild's target, e.g. "node20"
 * @returns {Promise<string>} the chunk as CommonJS
 */
export async function commonJsChunk(text, inputs, target) {
  const { code } = await transform(text.replace(/^#!.*\n/, ""), {
    format: "cjs",
    platform: "node",
    target,
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
