// After tsc and finish-build: the CLI as it ships, in dist/cli/. Loading ~300 modules one by one (zod,
// date-fns, docxtemplater, xmldom, commander, ours) was most of a CLI start-up, so esbuild bundles
// dist/esm/cli/main.js into chunks: cli.js holds commander and the commands (all that --help and --version
// load); the model, the template engine, the import and each prebuilt template sit in chunks of their
// own that a command loads when it runs. The chunks are then turned into CommonJS, which V8 can compile
// from a code cache (src/cli/launch.ts): main.js (the package's `bin`) and pool.js (where a render worker
// starts, beside the pool code that starts it) run them through the launcher. The modules tsc wrote for the
// CLI are left out of the package: the bundle is the CLI.

import { createHash } from "node:crypto";
import { chmodSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { build } from "esbuild";
import { bundleForNode, commonJsChunk, TARGET } from "./node-bundle.mjs";

const root = new URL("../", import.meta.url);
const path = (file) => new URL(file, root).pathname;
const out = path("dist/cli/");

rmSync(out, { recursive: true, force: true });
const chunks = await bundleForNode(
  { cli: path("dist/esm/cli/main.js"), "pool-worker": path("dist/esm/pool.js") },
  out,
  path("."),
);
mkdirSync(out, { recursive: true });
/** The hash of each chunk's text, which names its code cache (src/cli/launch.ts). */
const hashes = {};
for (const chunk of chunks) {
  const text = await commonJsChunk(chunk);
  writeFileSync(chunk.path, text);
  hashes[basename(chunk.path)] = createHash("sha256").update(text).digest("hex").slice(0, 20);
}
writeFileSync(`${out}package.json`, `${JSON.stringify({ type: "commonjs" }, null, 2)}\n`);

await build({
  entryPoints: [path("dist/esm/cli/launch.js")],
  outfile: `${out}launch.js`,
  bundle: true,
  format: "cjs",
  platform: "node",
  target: TARGET,
  logLevel: "warning",
});
const launcher = (entry) =>
  `"use strict";\nrequire("./launch.js").launch(require("node:path").join(__dirname, "${entry}"), ${JSON.stringify(hashes)});\n`;
writeFileSync(`${out}main.js`, `#!/usr/bin/env node\n${launcher("cli.js")}`);
writeFileSync(`${out}pool.js`, launcher("pool-worker.js"));
chmodSync(`${out}main.js`, 0o755);

rmSync(path("dist/esm/cli/"), { recursive: true, force: true });
rmSync(path("dist/cjs/cli/"), { recursive: true, force: true });
// Every catalogue gathered, the CLI's too: for docs/messages.md and the tests, which read src/. Without the
// CLI beside it, it would ship an import of nothing.
for (const build of ["esm", "cjs"]) {
  for (const ext of [".js", ".d.ts"]) rmSync(path(`dist/${build}/messages/all${ext}`), { force: true });
}
