import { renderSummary } from "../src/render-summary";
import { builtInTemplate } from "../src/template/builtin";
import { forTemplate, minimalSummary } from "./fixtures/summaries";
import { paragraphTexts } from "./helpers/docx";

describe("renderSummary's options, as a host project passes them", () => {
  it("refuses a misspelt option, naming it and the option meant", async () => {
    await expect(renderSummary(minimalSummary(), { missingValue: "empty" } as never)).rejects.toThrow(
      new TypeError(
        "options.missingValue is not an option of renderSummary (did you mean missingValues?): use template, layout, missingValues, invalidCharacters, data, locale, onWarning",
      ),
    );
  });

  it("takes a template as a Blob, an ArrayBuffer or a Uint8Array, with the same result", async () => {
    const bytes = await builtInTemplate("document");
    const summary = forTemplate(minimalSummary(), "document");
    // Given as bytes, the template is one of your own: no page count, so no blank page before the 版记
    // (docs/layout.md), which the built-in name would add when the text ends on an even page.
    const expected = await renderSummary(summary, { template: bytes });
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    for (const template of [bytes.slice(), buffer, new Blob([buffer])]) {
      expect(Buffer.from(await renderSummary(summary, { template }))).toEqual(Buffer.from(expected));
    }
  });

  it("renders the same ArrayBuffer again as it holds then, and a Blob as it was", async () => {
    const report = await builtInTemplate("report");
    const summary = minimalSummary();
    const expected = Buffer.from(await renderSummary(summary, { template: "report" }));
    const buffer = new ArrayBuffer(report.length);
    const memory = new Uint8Array(buffer);
    memory.set(report);
    expect(Buffer.from(await renderSummary(summary, { template: buffer }))).toEqual(expected);
    // Written over in place: the same ArrayBuffer now holds no .docx at all.
    memory.fill(0);
    await expect(renderSummary(summary, { template: buffer })).rejects.toMatchObject({
      code: "invalid_template",
    });
    memory.set(report);
    expect(Buffer.from(await renderSummary(summary, { template: buffer }))).toEqual(expected);
    const blob = new Blob([report]);
    for (let i = 0; i < 3; i++) {
      expect(Buffer.from(await renderSummary(summary, { template: blob }))).toEqual(expected);
    }
  });

  it("accepts a summary written `as const` (readonly arrays) and undefined for an option left out", async () => {
    const summary = {
      title: "2025年度组织生活会情况报告",
      preparation: { heading: "会前准备", blocks: ["支部组织党员集中学习研讨2次。"] },
      organization: {
        heading: "会议召开",
        blocks: [{ type: "item", heading: "召开会议", text: "会议如期召开。" }],
      },
      outcomes: { heading: "成效", blocks: [{ type: "ordinals", items: ["思想认识进一步统一。"] }] },
    } as const;
    const layout = undefined;
    const bytes: Uint8Array<ArrayBuffer> = await renderSummary(summary, { layout, template: undefined });
    expect(paragraphTexts(bytes)).toContain("（一）召开会议。会议如期召开。");
  });
});
