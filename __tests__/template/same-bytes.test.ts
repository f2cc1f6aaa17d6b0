import { readFileSync } from "node:fs";
import { join } from "node:path";
import { renderSummary } from "../../src/render-summary";
import { minimalSummary } from "../fixtures/summaries";

describe("rendering the same summary twice", () => {
  it("gives the same bytes, the template's first use included", async () => {
    // A template buffer not used before: its first render goes through the checks of every part.
    const template = new Uint8Array(readFileSync(join(__dirname, "..", "..", "templates", "report.docx")));
    const first = await renderSummary(minimalSummary(), { template });
    const second = await renderSummary(minimalSummary(), { template });
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
  });

  it("gives the same bytes with a built-in template on its first use in a process", async () => {
    const layout = { linesPerPage: 19 };
    const first = await renderSummary(minimalSummary(), { template: "minutes", layout });
    const second = await renderSummary(minimalSummary(), { template: "minutes", layout });
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
  });
});
