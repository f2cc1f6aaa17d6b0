import { readFileSync } from "node:fs";
import { join } from "node:path";
import { toJsonSchema } from "../../src/model/json-schema";

describe("toJsonSchema", () => {
  it("describes a summary with its required fields, Chinese descriptions and no Date branch", () => {
    const schema = toJsonSchema() as { required: string[]; $defs: Record<string, { anyOf?: unknown[] }> };
    expect(schema.required).toEqual(["title", "preparation", "organization", "outcomes"]);
    expect(schema.$defs.Date?.anyOf).toEqual([
      { type: "string", format: "date", pattern: "^\\d{4}-\\d{2}-\\d{2}$" },
      { $ref: "#/$defs/LiteralDate" },
    ]);
  });

  it("matches the shipped schema/meeting-summary.schema.json (rebuilt by npm run build)", () => {
    const file = join(__dirname, "..", "..", "schema", "meeting-summary.schema.json");
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(toJsonSchema());
  });
});
