// Writes docs/messages.md from the message catalogues gathered in src/messages/all.ts (run
// `npm run build` first). A test checks that the committed file is what this writes.
import { writeFileSync } from "node:fs";

let messagesMarkdown;
try {
  ({ messagesMarkdown } = await import("../dist/esm/messages/all.js"));
} catch (cause) {
  throw new Error("build-messages-doc: dist/esm is missing or stale; run `npm run build` first", { cause });
}
const target = new URL("../docs/messages.md", import.meta.url);
writeFileSync(target, messagesMarkdown());
console.log(`wrote ${target.pathname}`);
