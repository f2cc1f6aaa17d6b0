import { toView } from "../../src/format/view";
import { validateSummary } from "../../src/model/parse";
import type { MeetingSummary } from "../../src/model/types";
import { minimalSummary } from "../fixtures/summaries";

const withBlocks = (blocks: MeetingSummary["preparation"]["blocks"]): MeetingSummary => ({
  ...minimalSummary(),
  preparation: { heading: "会前准备", blocks },
});

describe("an item's level, for drafts that skip one", () => {
  it("numbers 1. items straight in a section at level 3, and their sub-items at level 4", () => {
    const summary = withBlocks([
      {
        type: "item",
        level: 3,
        heading: "制定方案",
        text: "支部研究制定方案。",
        blocks: [{ type: "item", heading: "细则" }],
      },
      { type: "item", level: 3, heading: "学习研讨" },
    ]);
    expect(validateSummary(summary).ok).toBe(true);
    const blocks = toView(summary).sections[0]?.blocks ?? [];
    expect(blocks.map((b) => [b.number, b.heading, b.level, b.isLevel3])).toEqual([
      ["1.", "制定方案。", 3, true],
      ["（1）", "细则", 4, false],
      ["2.", "学习研讨", 3, true],
    ]);
  });

  it("numbers （1） straight under （一） at level 4", () => {
    const summary = withBlocks([
      { type: "item", heading: "对照检查", blocks: [{ type: "item", level: 4, heading: "查摆问题" }] },
    ]);
    expect(toView(summary).sections[0]?.blocks.map((b) => b.number)).toEqual(["（一）", "（1）"]);
  });

  it("refuses a level shallower than the item's place, and nesting below （1）", () => {
    const shallow = withBlocks([
      { type: "item", heading: "a", blocks: [{ type: "item", level: 2, heading: "b" }] },
    ]);
    expect(validateSummary(shallow).issues.map((i) => [i.code, i.path])).toEqual([
      ["level_too_shallow", ["preparation", "blocks", 0, "blocks", 0, "level"]],
    ]);
    const deep = withBlocks([
      { type: "item", level: 4, heading: "a", blocks: [{ type: "item", heading: "b" }] },
    ]);
    expect(validateSummary(deep).issues.map((i) => i.code)).toEqual(["too_deep"]);
  });
});
