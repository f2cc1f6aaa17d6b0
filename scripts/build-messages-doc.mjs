// Writes docs/messages.md from the message catalogues gathered in src/messages/all.ts, bundled from the
// sources with esbuild (the CLI's catalogues are not in dist/esm: the CLI ships bundled). A test checks
// that the committed file is what this writes.
import { writeFileSync } from "node:fs";
import { build } from "esbuild";

const bundle = await build({
  entryPoints: [new URL("../src/messages/all.ts", import.meta.url).pathname],
  bundle: true,
  format: "esm",
  platform: "node",
  write: false,
  logLevel: "warning",
});
const code = bundle.outputFiles[0].text;
const { messagesMarkdown } = await import(
  `data:text/javascript;base64,${Buffer.from(code).toString("base64")}`
);
const target = new URL("../docs/messages.md", import.meta.url);
writeFileSync(target, messagesMarkdown());
console.log(`wrote ${target.pathname}`);
