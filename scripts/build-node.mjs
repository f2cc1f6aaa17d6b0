// After tsc and finish-build: the library as Node loads it. Node's `import` of the package (the `node`
// condition of `exports`) gets dist/node/, its `require` dist/node-cjs/: our modules and our dependencies'
// in a few chunks, instead of ~170 modules loaded one by one (zod alone is 95, most of them locales we
// never use) and docxtemplater's CommonJS read through Node's CommonJS lexer. That is ~17 MB less resident
// memory on import, and less for a long-running process to carry (scripts/check-memory.mjs measures it).
// Its main entry is src/index-node.ts: the built-in templates render from their shipped programs
// (src/template/prebuilt-programs.ts). The prebuilt document and minutes templates, the layout patch and the page estimate stay chunks of
// their own, loaded when a render asks for them, as in dist/esm. pool.js sits beside the chunks: a render
// pool starts its workers from the file beside its own code (src/pool.ts). Bundlers and browsers keep
// dist/esm and dist/cjs, with docxtemplater bundled without xmldom (finish-build.mjs).
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { bundleForNode, commonJsChunk } from "./node-bundle.mjs";

const root = new URL("../", import.meta.url);
const path = (file) => new URL(file, root).pathname;

const chunks = await bundleForNode(
  {
    index: path("dist/esm/index-node.js"),
    node: path("dist/esm/node.js"),
    pool: path("dist/esm/pool.js"),
  },
  path("dist/node/"),
  path("."),
  { chunkNames: "chunk-[hash]" },
);

for (const [folder, type] of [
  ["dist/node/", "module"],
  ["dist/node-cjs/", "commonjs"],
]) {
  rmSync(path(folder), { recursive: true, force: true });
  mkdirSync(path(folder), { recursive: true });
  writeFileSync(path(`${folder}package.json`), `${JSON.stringify({ type }, null, 2)}\n`);
}
for (const chunk of chunks) {
  const name = basename(chunk.path);
  writeFileSync(path(`dist/node/${name}`), chunk.text);
  writeFileSync(path(`dist/node-cjs/${name}`), await commonJsChunk(chunk));
}
