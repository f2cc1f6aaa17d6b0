// npm pack / npm publish: the published package.json leaves out the `prepare` script. In a clone, prepare
// builds dist after `npm ci`; in an installed package dist is already there, and npm warns about a
// package's install scripts ("install scripts not yet covered by allowScripts"). `strip` (prepack) saves
// package.json and removes the script; `restore` (postpack) puts the saved file back byte for byte.
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";

const manifest = new URL("../package.json", import.meta.url);
const saved = new URL("../.package.json.prepack", import.meta.url);

const [command] = process.argv.slice(2);
if (command === "strip") {
  const text = readFileSync(manifest, "utf8");
  if (!existsSync(saved)) writeFileSync(saved, text);
  const json = JSON.parse(text);
  delete json.scripts.prepare;
  writeFileSync(manifest, `${JSON.stringify(json, null, 2)}\n`);
} else if (command === "restore") {
  if (existsSync(saved)) renameSync(saved, manifest);
} else {
  throw new Error("pack-manifest: use strip or restore");
}
