// After tsc: mark dist/cjs as CommonJS (the package itself is ESM), make the CLI executable, and write the
// JSON Schema file that ships as meeting-summary-docx/schema.json.
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";

const root = new URL("../", import.meta.url);
writeFileSync(new URL("dist/cjs/package.json", root), `${JSON.stringify({ type: "commonjs" }, null, 2)}\n`);
chmodSync(new URL("dist/esm/cli/main.js", root), 0o755);

const { toJsonSchema } = await import("../dist/esm/index.js");
mkdirSync(new URL("schema/", root), { recursive: true });
writeFileSync(
  new URL("schema/meeting-summary.schema.json", root),
  `${JSON.stringify(toJsonSchema(), null, 2)}\n`,
);
