/**
 * The drafts corpus (fixtures/drafts): reports typed the way clerks and assistants type them. Each draft is
 * imported, checked for what matters in it, and rendered: every character of the draft comes out in order,
 * apart from the numbers (the library's to print) and the layout (indentation, blank lines).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { formatChineseDate } from "../../src/format/date";
import { type ImportDraftResult, importDraft } from "../../src/import/index";
import { readMarkdownDraft } from "../../src/import/markdown";
import { readLead } from "../../src/import/recognise";
import { readTextDraft } from "../../src/import/text";
import type { Block, ItemBlock } from "../../src/model/types";
import { renderSummary } from "../../src/render-summary";
import { decodeText } from "../../src/text/decode";
import { paragraphTexts } from "../helpers/docx";

const dir = join(__dirname, "..", "fixtures", "drafts");
const bytes = (name: string) => new Uint8Array(readFileSync(join(dir, name)));
const load = (name: string): ImportDraftResult => importDraft(bytes(name), { locale: "zh-CN" });
const codes = (r: ImportDraftResult) => r.warnings.map((w) => w.code);
const item = (b: Block | undefined) => b as ItemBlock;

/** A paragraph's text without the number it starts with. */
function unnumbered(text: string): string {
  const lead = readLead(text);
  return lead ? lead.rest.replace(/^[ \t\u3000]+/, "") : text;
}

/** A 附件说明 line ("附件：1.…", or a "2.…" under it) or an attachment's mark ("附件2"): checked on their own. */
function isAttachmentLine(text: string, titles: string[]): boolean {
  if (/^附\s*件\s*\d*$/.test(text) || /^附件[:：]/.test(text)) return true;
  return (
    /^\d+\./.test(text) && titles.some((t) => text.replace(/^\d+\./, "").replace(/[。；;，,]$/, "") === t)
  );
}

/** The draft's text as it must survive: numbers and layout off; 附件说明 lines and tables left to their own tests. */
function draftText(name: string, titles: string[], hasRectification: boolean): string {
  const text = decodeText(bytes(name)).text;
  const reading = name.endsWith(".md") ? readMarkdownDraft(text) : readTextDraft(text);
  // Other tables are kept cell by cell, in order; a 整改清单 becomes the library's table.
  const isRectification = (table: string[][]) =>
    hasRectification && (table[0] ?? []).some((c) => c.includes("问题"));
  return reading.paragraphs
    .filter((p) => !(p.table && isRectification(p.table)) && !isAttachmentLine(p.text, titles))
    .map((p) => (p.table ? p.table.flat().join("") : unnumbered(p.text)))
    .join("")
    .replace(/[ \t\u3000]/g, "");
}

/** The rendered document's text, numbers off, without the 附件说明 lines and the tables the library builds. */
async function printedText(result: ImportDraftResult, titles: string[]): Promise<string> {
  const texts = paragraphTexts(await renderSummary(result.summary));
  // The rectification table: its header, then each row's cells (empty cells are not paragraphs).
  const cells = new Set(["序号", "存在问题", "整改措施", "责任人", "完成时限", "整改状态"]);
  for (const [i, r] of (result.summary.rectification ?? []).entries()) {
    for (const cell of [String(i + 1), r.problem, r.measure, r.owner, r.status]) if (cell) cells.add(cell);
    if (typeof r.deadline === "string") cells.add(formatChineseDate(r.deadline));
  }
  const tableStart = texts.indexOf("序号");
  let tableEnd = tableStart;
  while (tableStart >= 0 && tableEnd < texts.length && cells.has(texts[tableEnd] as string)) tableEnd++;
  const withoutTable = tableStart < 0 ? texts : [...texts.slice(0, tableStart), ...texts.slice(tableEnd)];
  return withoutTable
    .filter((t) => !isAttachmentLine(t, titles))
    .map(unnumbered)
    .join("")
    .replace(/\n/g, "")
    .replace(/[ \t\u3000]/g, "");
}

const reports = readdirSync(dir)
  .filter((n) => n !== "not-a-report.txt")
  .sort();

describe("every draft of the corpus", () => {
  it("has at least twenty reports", () => {
    expect(reports.length).toBeGreaterThanOrEqual(20);
  });

  it.each(reports)("%s imports the same twice (deterministic)", (name) => {
    expect(load(name)).toEqual(load(name));
  });

  it.each(reports)("%s renders every character of its text, in order", async (name) => {
    const result = load(name);
    const titles = (result.summary.attachments ?? []).map((a) => a.title);
    expect(await printedText(result, titles)).toBe(
      draftText(name, titles, result.summary.rectification !== undefined),
    );
  });
});

describe("what each draft is read as", () => {
  it("a two-line title stays two lines; full-width indentation and blank lines are layout", () => {
    const { summary, warnings } = load("branch-annual-two-line-title.txt");
    expect(warnings).toEqual([]);
    expect(summary.title).toBe("中共县财政局机关第二支部委员会\n关于召开2025年度组织生活会情况的报告");
    expect(summary.recipient).toBe("县直机关工委");
    // （一） headings on their own line, their paragraphs below them.
    expect(summary.preparation.blocks[0]).toEqual({
      type: "item",
      heading: "深入学习研讨",
      blocks: [
        "支部通过“三会一课”、主题党日等形式，组织党员集中学习习近平新时代中国特色社会主义思想，开展专题研讨2次，每名党员撰写学习心得1篇。",
      ],
    });
    expect(summary.outcomes.blocks[1]).toMatchObject({ type: "ordinals", items: expect.any(Array) });
    expect(summary).toMatchObject({
      closing: ["特此报告。"],
      signature: "中共县财政局机关第二支部委员会",
      date: "2026-01-18",
    });
  });

  it("a 民主生活会 report with four sections: the fourth goes to sections, a masked date stays as typed", () => {
    const { summary, explanations } = load("leadership-democratic-four-sections.txt");
    expect(summary.recipient).toBe("市委办公室、市纪委监委、市委组织部");
    expect(summary.preparation.blocks).toHaveLength(4);
    expect(summary.sections?.map((s) => s.heading)).toEqual(["整改措施具体可行"]);
    expect(summary.date).toEqual({ text: "2026年*月*日" });
    expect(explanations.map((e) => e.message)).toContain(
      "第 21 行成文日期“2026年*月*日”不是完整的阿拉伯数字日期，按原样印出。",
    );
  });

  it("an assistant's Markdown: bold run-in headings, 1. straight under （一）, a 整改清单 table in the attachment", () => {
    const { summary, warnings } = load("rectification-assistant.md");
    expect(warnings).toEqual([]);
    expect(summary.title).toBe("关于巡察反馈问题整改落实情况的报告");
    expect(item(item(summary.organization.blocks[0]).blocks?.[0])).toEqual({
      type: "item",
      heading: "健全学习制度",
      text: "修订党工委理论学习中心组学习制度，全年开展集中学习12次。",
    });
    expect(summary.sections?.[0]?.blocks).toEqual([
      "持续巩固整改成果，防止问题反弹回潮。",
      "建立长效机制，把整改成果转化为制度成果。",
    ]);
    expect(summary.signature).toBe("中共某某街道工作委员会");
    expect(summary.attachments).toEqual([{ title: "巡察反馈问题整改清单", table: "rectification" }]);
    expect(summary.rectification?.[2]).toEqual({
      problem: "制度执行不够严格",
      measure: "开展制度执行情况专项检查",
      owner: "王某某",
      status: "长期坚持",
    });
  });

  it("a 纪要 without recipient or sign-off: its items are headings on their own line", () => {
    const { summary } = load("branch-minutes.txt");
    expect(summary.title).toBe("第三党支部2025年度组织生活会纪要");
    expect(summary.recipient).toBeUndefined();
    expect(summary.opening?.[0]).toMatch(/^2026年1月16日下午/);
    expect(summary.outcomes.blocks.map((b) => item(b).heading)).toEqual([
      "对查摆出的问题，由支委会在1月31日前形成整改清单，逐项明确责任人和时限。",
      "3月底前，支部召开专题会议，听取整改进展情况汇报。",
      "将此次组织生活会情况形成报告，按要求报机关党委。",
    ]);
    expect(summary.signature).toBeUndefined();
  });

  it("broken numbering: every skip and repeat is a warning naming the line, in order, and printed in order", () => {
    const { summary, warnings } = load("broken-numbering.txt");
    expect(warnings.map((w) => w.message)).toEqual([
      "第 6 行编号为“（三）”，按顺序应为“（二）”（编号重复或跳号），将印为“（二）”。",
      "第 11 行编号为“3.”，按顺序应为“2.”（编号重复或跳号），将印为“2.”。",
      "第 12 行编号为“二、”，按顺序应为“三、”（编号重复或跳号），将印为“三、”。",
      "第 14 行以“三是”开头，按顺序应为“二是”，将印为“二是”。",
      "第 15 行编号为“五、”，按顺序应为“四、”（编号重复或跳号），将印为“四、”。",
    ]);
    expect(warnings[0]).toMatchObject({ path: ["preparation", "blocks", 1, "heading"], source: { line: 6 } });
    expect(summary.sections?.[0]?.heading).toBe("下一步工作");
  });

  it("GBK, UTF-8 with a BOM and CRLF, and UTF-16 files read alike", () => {
    expect(load("gbk-education-bureau.txt").summary).toMatchObject({
      recipient: "局机关党委",
      signature: "教育局机关党支部",
      date: "2026-01-19",
    });
    expect(load("windows-crlf-bom.txt").summary.preparation.blocks).toEqual([
      "支部组织党员集中学习2次，开展谈心谈话30人次，征求意见建议9条。",
    ]);
    expect(load("utf16-notepad.txt").summary.title).toBe("统计局党支部2025年度组织生活会情况报告");
  });

  it("an assistant's Markdown: bold recipient, bullet lists, ordered lists under 二、, a sign-off typed as two lines", () => {
    const { summary } = load("assistant-democratic.md");
    expect(summary.recipient).toBe("县委组织部、县纪委监委");
    expect(item(summary.preparation.blocks[1]).blocks).toEqual([
      "召开基层党员、服务对象座谈会2场；",
      "发放征求意见表120份，收回115份；",
      "梳理归纳意见建议26条。",
    ]);
    expect(item(summary.preparation.blocks[2]).blocks?.[0]).toBe(
      "班子成员之间、班子成员与分管股室负责人之间普遍开展谈心谈话，共开展谈心谈话48人次。",
    );
    expect(summary.organization.blocks[1]).toEqual({
      type: "item",
      level: 3,
      heading: "周某某代表班子作对照检查，并带头作个人发言。",
    });
    expect(summary).toMatchObject({ signature: "中共县住房和城乡建设局党组", date: "2026-01-16" });
  });

  it("Markdown headings without numbers: ## a section, ### an item", () => {
    const { summary } = load("markdown-unnumbered-headings.md");
    expect(summary.preparation).toEqual({
      heading: "会前准备",
      blocks: [
        { type: "item", heading: "学习研讨", blocks: ["支部组织党员集中学习党章党规，开展研讨交流。"] },
        { type: "item", heading: "征求意见", blocks: ["支部通过多种方式征求意见建议12条。"] },
      ],
    });
    expect(summary.signature).toBe("第二党支部委员会");
  });

  it("skipped levels come back as typed: 1. under 一、, （1） under （一）", async () => {
    const { summary, explanations } = load("skipped-levels.txt");
    expect(summary.preparation.blocks.map((b) => item(b).level)).toEqual([3, 3, 3]);
    expect(item(item(summary.organization.blocks[0]).blocks?.[0]).level).toBe(4);
    expect(item(item(summary.outcomes.blocks[0]).blocks?.[0])).toEqual({
      type: "item",
      heading: "每月调度一次整改进展。",
    });
    expect(explanations.map((e) => e.message)).toContain(
      "第 5 行“1.”直接位于“一、”之下，跳过了一个层次，按原样以“1.”的层次编号。",
    );
    const texts = paragraphTexts(await renderSummary(summary));
    expect(texts).toEqual(
      expect.arrayContaining([
        "1.制定方案。支部研究制定会议方案，明确会议主题和时间安排。",
        "（1）查摆问题。对照巡察反馈意见查摆问题5个。",
        "（1）每月调度一次整改进展。",
        "2.健全制度。修订完善物资采购、公务用车等制度4项。",
      ]),
    );
  });

  it("headings on their own line and run in, in the same report", () => {
    const { summary } = load("headings-own-line.txt");
    expect(item(summary.preparation.blocks[0]).blocks).toHaveLength(2);
    expect(item(item(summary.organization.blocks[0]).blocks?.[0])).toEqual({
      type: "item",
      heading: "支部书记作对照检查",
      text: "支部书记代表支委会从四个方面查摆问题，剖析根源，提出整改措施。",
    });
  });

  it("masked names and dates are text, not Markdown", () => {
    const { summary } = load("masked-names-and-date.txt");
    expect(summary.title).toBe("****专题组织生活会情况报告");
    expect(summary.recipient).toBe("****党委");
    expect(item(summary.preparation.blocks[0]).text).toBe(
      "**同志带领全体党员学习了有关文件，党员**、***分别作了交流发言。",
    );
    expect(summary.date).toEqual({ text: "2026年*月*日" });
  });

  it("a 附件说明 with two lines and two attachment pages of text", () => {
    const { summary, warnings } = load("attachments-note-list.txt");
    expect(warnings).toEqual([]);
    expect(summary.attachments).toEqual([
      {
        title: "机关第四党支部查摆问题清单",
        paragraphs: ["一、理论学习的主动性还不够强。", "二、组织生活的质量还有待提高。"],
      },
      {
        title: "机关第四党支部民主评议党员结果汇总表",
        paragraphs: ["参加评议党员10名，其中优秀2名、合格8名。"],
      },
    ]);
    expect(summary).toMatchObject({ signature: "机关第四党支部委员会", date: "2026-01-20" });
  });

  it("tabs after numbers, trailing spaces and blank lines are layout", () => {
    const { summary } = load("tabs-and-blank-lines.txt");
    expect(summary.preparation).toEqual({
      heading: "会前准备",
      blocks: [
        { type: "item", heading: "加强学习", text: "支部组织党员集中学习4次。" },
        { type: "item", heading: "征求意见", text: "支部征求意见建议10条。" },
      ],
    });
    expect(summary).toMatchObject({ signature: "第三党支部", date: "2026-01-26" });
  });

  it("a date in Chinese numerals stays as typed; headings ending in a colon run in", () => {
    const { summary } = load("themed-democratic-chinese-date.txt");
    expect(summary.title).toBe("中共市文化广电旅游局党组\n关于巡视整改专题民主生活会情况的报告");
    expect(summary.date).toEqual({ text: "二〇二六年一月十日" });
    expect(summary.organization.blocks[0]).toEqual({
      type: "item",
      heading: "对照检查：",
      text: "党组书记代表党组班子作对照检查，班子成员逐一作个人对照检查。",
    });
    expect(summary.preparation.blocks[1]).toMatchObject({
      type: "ordinals",
      items: expect.arrayContaining(["专题研讨。班子成员围绕巡视反馈意见进行研讨交流。"]),
    });
  });

  it("a report with nothing but its title and three sections", () => {
    expect(load("minimal-no-recipient.txt").summary).toEqual({
      title: "社区党支部组织生活会情况报告",
      preparation: { heading: "会前准备", blocks: ["支部召开支委会研究部署，制定会议方案。"] },
      organization: { heading: "会议召开", blocks: ["1月18日，支部召开组织生活会，全体党员参加。"] },
      outcomes: { heading: "下一步工作", blocks: ["支部将抓好问题整改。"] },
    });
  });

  it("numbers typed in other styles: (一), １．, 1、 are read, and printed the standard way", () => {
    const { summary, explanations } = load("number-styles.txt");
    expect(summary.preparation.blocks[0]).toEqual({
      type: "item",
      heading: "学习研讨",
      text: "支部组织党员集中学习2次。",
    });
    expect(summary.outcomes.blocks[0]).toEqual({
      type: "item",
      level: 3,
      heading: "强化学习",
      text: "每月开展一次集中学习。",
    });
    expect(explanations.map((e) => e.message)).toEqual(
      expect.arrayContaining([
        "第 5 行编号“(一)”按公文格式印为“（一）”。",
        "第 11 行编号“1、”按公文格式印为“1.”。",
      ]),
    );
  });

  it("five sections and another closing formula", () => {
    const { summary } = load("five-sections-closing.txt");
    expect(summary.sections?.map((s) => s.heading)).toEqual(["整改措施", "民主评议党员情况"]);
    expect(summary.closing).toEqual(["以上报告，请审阅。"]);
  });

  it("tables: a 整改清单 becomes the rectification list, any other table is kept cell by cell with a warning", () => {
    const { summary, warnings } = load("tables-in-attachments.md");
    expect(summary.attachments?.map((a) => a.title)).toEqual(["整改问题清单", "党员参会情况表"]);
    expect(summary.rectification).toHaveLength(2);
    expect(summary.attachments?.[1]?.paragraphs).toEqual([
      "姓名",
      "参会情况",
      "张某",
      "参加",
      "李某",
      "请假（因公出差）",
    ]);
    expect(warnings.map((w) => [w.code, w.source])).toEqual([
      ["table_as_paragraphs", { line: 11 }],
      ["table_as_paragraphs", { line: 45 }],
    ]);
  });

  it("a section heading with text run in: the heading stands alone, with a warning; a signature without a date", () => {
    const { summary, warnings } = load("section-run-in-signature-only.txt");
    expect(summary.preparation).toEqual({
      heading: "会前准备。",
      blocks: ["支部制定方案，组织学习，征求意见，开展谈心谈话。"],
    });
    expect(codes({ summary, warnings, explanations: [], format: "text" })).toEqual([
      "section_run_in",
      "section_run_in",
      "section_run_in",
    ]);
    expect(summary.signature).toBe("自然资源局机关第五党支部");
    expect(summary.date).toBeUndefined();
  });

  it("ordinals inside items, after their heading", () => {
    const { summary } = load("ordinals-in-items.txt");
    expect(summary.preparation.blocks[0]).toEqual({
      type: "item",
      heading: "学习研讨",
      text: "支部坚持把学习贯穿始终：",
      blocks: [
        {
          type: "ordinals",
          items: ["集中学习。组织党员集中学习3次。", "个人自学。党员结合岗位自学有关篇目。"],
        },
      ],
    });
  });

  it("a notice is no report: a clear error, no summary", () => {
    expect(() => load("not-a-report.txt")).toThrow(
      expect.objectContaining({
        code: "invalid_draft",
        issues: [expect.objectContaining({ code: "no_sections" })],
      }),
    );
  });
});

describe("the 民主评议党员 table", () => {
  it("becomes the evaluation facts when it is exactly the table they print", () => {
    const { summary, warnings } = load("evaluation-results.md");
    expect(warnings).toEqual([]);
    expect(summary.evaluation).toEqual({
      excellent: 3,
      qualified: 9,
      basicallyQualified: 0,
      unqualified: 0,
      probationary: 1,
    });
    expect(summary.attachments).toEqual([
      { title: "机关第二党支部民主评议党员结果汇总表", table: "evaluation" },
    ]);
  });

  it("stays cells when a figure differs from what the library would print", () => {
    const text = decodeText(bytes("evaluation-results.md")).text.replace("25%", "25.0%");
    const { summary, warnings } = importDraft(text);
    expect(summary.evaluation).toBeUndefined();
    expect(summary.attachments?.[0]?.paragraphs).toContain("25.0%");
    expect(warnings.map((w) => w.code)).toEqual(["table_as_paragraphs"]);
  });
});
