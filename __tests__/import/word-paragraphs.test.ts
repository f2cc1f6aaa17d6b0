/**
 * The recogniser fed what a Word reader hands it: paragraphs numbered from 1, alignment and heading hints,
 * numbers that Word's automatic numbering displays (with a tab after them), manual line breaks, tables.
 */
import type { DraftParagraph } from "../../src/import/draft";
import { recogniseDraft } from "../../src/import/recognise";

let n = 0;
const p = (text: string, hints?: DraftParagraph["hints"]): DraftParagraph => {
  n += 1;
  return hints ? { text, source: { paragraph: n }, hints } : { text, source: { paragraph: n } };
};
const table = (rows: string[][]): DraftParagraph => {
  n += 1;
  return { text: "", source: { paragraph: n }, table: rows };
};

function wordDraft(): DraftParagraph[] {
  n = 0;
  return [
    p("中共某某支部委员会", { align: "center" }),
    p("关于召开2025年度组织生活会情况的报告", { align: "center" }),
    p("机关党委：", { align: "left" }),
    p("现将有关情况报告如下：", { align: "justify" }),
    p("一、\t会前准备", { level: 1 }),
    p("（一）\t认真学习。支部学习3次。", { listItem: true }),
    p("（二）\t征求意见。支部征求意见12条。", { listItem: true }),
    p("二、\t会议召开", { level: 1 }),
    p("会议由支部书记主持。\n全体党员参加。"),
    p("三、\t整改措施", { level: 1 }),
    p("1.\t建立台账。逐项明确责任人。", { listItem: true }),
    p("特此报告。"),
    p("附件：支部整改清单"),
    p("中共某某支部委员会", { align: "right" }),
    p("2026年1月20日", { align: "right" }),
    p("附件"),
    p("支部整改清单", { align: "center" }),
    table([
      ["序号", "存在问题", "整改措施", "责任人", "完成时限"],
      ["1", "学习不够深入", "制定学习计划", "张某", "2026年3月31日"],
    ]),
    table([
      ["备注", "说明"],
      ["甲", "乙"],
    ]),
  ];
}

describe("a Word draft's paragraphs", () => {
  it("are read as the report Word shows", () => {
    const { summary } = recogniseDraft({ paragraphs: wordDraft(), warnings: [] }, "zh-CN");
    expect(summary).toEqual({
      title: "中共某某支部委员会\n关于召开2025年度组织生活会情况的报告",
      recipient: "机关党委",
      opening: ["现将有关情况报告如下："],
      preparation: {
        heading: "会前准备",
        blocks: [
          { type: "item", heading: "认真学习", text: "支部学习3次。" },
          { type: "item", heading: "征求意见", text: "支部征求意见12条。" },
        ],
      },
      organization: { heading: "会议召开", blocks: ["会议由支部书记主持。", "全体党员参加。"] },
      outcomes: {
        heading: "整改措施",
        blocks: [{ type: "item", level: 3, heading: "建立台账", text: "逐项明确责任人。" }],
      },
      closing: ["特此报告。"],
      signature: "中共某某支部委员会",
      date: "2026-01-20",
      rectification: [
        { problem: "学习不够深入", measure: "制定学习计划", owner: "张某", deadline: "2026-03-31" },
      ],
      attachments: [
        { title: "支部整改清单", table: "rectification", paragraphs: ["备注", "说明", "甲", "乙"] },
      ],
    });
  });

  it("name the paragraph in every message", () => {
    const { warnings, explanations } = recogniseDraft({ paragraphs: wordDraft(), warnings: [] }, "zh-CN");
    expect(explanations[0]?.message).toBe("第 1–2 段作为标题（2 行，分行照录）。");
    expect(warnings.map((w) => w.message)).toEqual([
      "第 9 段含有手动换行符，各行（2 行）分别作为段落印出。",
      "第 19 段的表格无法作为表格保留（只有附件中的整改清单可以），已按单元格逐段保留（4 段）。",
    ]);
    expect(explanations.map((e) => e.message)).toContain(
      "第 18 段的表格作为整改清单（1 条），表头和序号由模板生成。",
    );
  });

  it("keep a centred title apart from a left-aligned line under it", () => {
    n = 0;
    const paragraphs = [
      p("组织生活会情况报告", { align: "center" }),
      p("某某支部", { align: "left" }),
      p("一、准备"),
      p("学习。"),
      p("二、召开"),
      p("开会。"),
      p("三、整改"),
      p("整改。"),
    ];
    const { summary } = recogniseDraft({ paragraphs, warnings: [] }, "en");
    expect(summary.title).toBe("组织生活会情况报告");
    expect(summary.opening).toEqual(["某某支部"]);
  });
});
