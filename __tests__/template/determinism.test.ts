import type { LayoutOptions } from "../../src/layout/options";
import { renderSummary } from "../../src/render-summary";
import type { BuiltInTemplate } from "../../src/template/builtin";
import { forTemplate, fullFactsSummary, minimalSummary, seedReport } from "../fixtures/summaries";

const templates: BuiltInTemplate[] = ["report", "document", "minutes"];
const layouts: (LayoutOptions | undefined)[] = [
  undefined,
  { fonts: "plain" },
  { margins: "screen", linesPerPage: 20 },
];

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("base64");
}

/** Every template × layout, rendered once each in turn; `round` renders go around that many times. */
async function renderAll(render: typeof renderSummary, rounds: number): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const summaries = [seedReport(), fullFactsSummary(), minimalSummary()];
  for (let round = 0; round < rounds; round++) {
    for (const template of templates) {
      for (const [l, layout] of layouts.entries()) {
        for (const [s, summary] of summaries.entries()) {
          const key = `${template} layout ${l} summary ${s}`;
          const options = layout ? { template, layout } : { template };
          const bytes = await render(forTemplate(summary, template), options);
          out.set(key, [...(out.get(key) ?? []), hex(bytes)]);
        }
      }
    }
  }
  return out;
}

describe("same input, same bytes", () => {
  it("gives every template and layout the same bytes on every render of a process, templates alternating", async () => {
    const renders = await renderAll(renderSummary, 3);
    expect(renders.size).toBe(templates.length * layouts.length * 3);
    for (const [key, bytes] of renders) {
      expect({ key, distinct: new Set(bytes).size }).toEqual({ key, distinct: 1 });
    }
  }, 60_000);

  it("gives a fresh copy of the library (as a new process has) the bytes the first one gives", async () => {
    const first = await renderAll(renderSummary, 1);
    let fresh: typeof renderSummary | undefined;
    jest.isolateModules(() => {
      fresh = (require("../../src/render-summary") as typeof import("../../src/render-summary"))
        .renderSummary;
    });
    const again = await renderAll(fresh as typeof renderSummary, 1);
    expect(again).toEqual(first);
  }, 60_000);
});
