import { renderSummary } from "../../src/render-summary";
import { fullFactsSummary, seedLines, seedReport } from "../fixtures/summaries";
import { paragraphs, partXml } from "../helpers/docx";

const RECTIFICATION_TITLE = "机关第一党支部2025年度组织生活会查摆问题整改清单";
/** The title on its page: too long for a line, broken long over short between words. */
const RECTIFICATION_PAGE_TITLE = "机关第一党支部2025年度组织生活会\n查摆问题整改清单";
const EVALUATION_TITLE = "机关第一党支部2025年度民主评议党员结果汇总表";

let full: Uint8Array;
beforeAll(async () => {
  full = await renderSummary(fullFactsSummary());
});

const texts = (docx: Uint8Array) => paragraphs(docx).map((p) => p.text);
const find = (docx: Uint8Array, text: string) => paragraphs(docx).find((p) => p.text === text)?.xml ?? "";

describe("the 附件说明", () => {
  it("comes after the body and before the sign-off, numbered, the titles as given", () => {
    const all = texts(full);
    const at = all.indexOf("特此报告。");
    expect(all.slice(at, at + 5)).toEqual([
      "特此报告。",
      `附件：1.${RECTIFICATION_TITLE}`,
      `2.${EVALUATION_TITLE}`,
      "中共机关第一支部委员会",
      "2026年1月20日",
    ]);
  });

  it("sits one blank line below the body, indented 2, wrapped lines aligned with the names", () => {
    const first = find(full, `附件：1.${RECTIFICATION_TITLE}`);
    expect(first).toContain('<w:spacing w:before="579"/>');
    // Names start 2 + 3 (附件：) + 1 (1.) = 6 characters in; the first line hangs back to 2.
    expect(first).toContain('<w:ind w:left="1920" w:hanging="1280"/>');
    expect(find(full, `2.${EVALUATION_TITLE}`)).toContain('<w:ind w:left="1920" w:hanging="320"/>');
  });

  it("names a single attachment without a number, and its page 附件", async () => {
    const summary = fullFactsSummary();
    summary.attachments = [{ title: "整改清单", table: "rectification" }];
    const docx = await renderSummary(summary);
    expect(texts(docx)).toContain("附件：整改清单");
    expect(find(docx, "附件：整改清单")).toContain('<w:ind w:left="1600" w:hanging="960"/>');
    expect(texts(docx)).toContain("附件");
  });

  it("leaves nothing behind when there are no attachments: the seed reproduces line for line", async () => {
    const all = texts(await renderSummary(seedReport()));
    expect(all).toEqual(seedLines());
  });
});

describe("the attachment pages", () => {
  it("follow the sign-off, each with its label, the same title, and its table", () => {
    const all = texts(full);
    const from = all.indexOf("2026年1月20日") + 1;
    const pages = all.slice(from);
    expect(pages.slice(0, 8)).toEqual([
      "附件1",
      RECTIFICATION_PAGE_TITLE,
      "序号",
      "存在问题",
      "整改措施",
      "责任人",
      "完成时限",
      "整改状态",
    ]);
    expect(pages.slice(8, 14)).toEqual([
      "1",
      "理论学习的系统性不够，学用结合不紧",
      "制定年度学习计划，每月开展一次集中学习研讨，每名党员每季度撰写一篇学习体会",
      "李某某",
      "2026年3月31日",
      "整改中",
    ]);
    const second = pages.indexOf("附件2");
    expect(pages.slice(second)).toEqual([
      "附件2",
      "机关第一党支部2025年度\n民主评议党员结果汇总表",
      "评议等次",
      "人数",
      "占评定等次党员比例",
      ...["优秀", "6", "27.3%", "合格", "16", "72.7%", "基本合格", "0", "0%", "不合格", "0", "0%"],
      ...["预备党员（不确定等次）", "1", "—", "合计", "23", "100%"],
    ]);
  });

  it("start a new page with 附件N in 黑体 flush left, the title centred in the title style two lines below", () => {
    const label = find(full, "附件1");
    expect(label).toContain("<w:pageBreakBefore/>");
    expect(label).toContain('<w:rFonts w:ascii="黑体" w:cs="黑体" w:eastAsia="黑体" w:hAnsi="黑体"/>');
    expect(label).not.toContain("<w:pStyle");
    const title = find(full, RECTIFICATION_PAGE_TITLE);
    expect(title).toContain('<w:pStyle w:val="GwTitle"/>');
    expect(title).toContain('<w:spacing w:before="579"/>');
  });

  it("set tables in 4号 仿宋 with at-least line spacing, borders, and a header row repeated on every page", () => {
    const body = partXml(full);
    const tables = [...body.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map(([t]) => t);
    expect(tables).toHaveLength(2);
    for (const table of tables) {
      const rows = [...table.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map(([r]) => r);
      expect(rows[0]).toContain("<w:tblHeader/>");
      expect(rows.slice(1).some((r) => r.includes("<w:tblHeader/>"))).toBe(false);
      expect(table).toContain('<w:top w:val="single" w:color="000000" w:sz="4"/>');
      // Every cell paragraph takes the table text style: at least 20 pt a line, off the grid.
      const cellParagraphs = [...table.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map(([p]) => p);
      expect(cellParagraphs.every((p) => p.includes('<w:pStyle w:val="GwTableText"/>'))).toBe(true);
      expect(table).not.toMatch(/<w:spacing /);
      expect(new Set([...table.matchAll(/<w:sz w:val="(\d+)"\/>/g)].map(([, v]) => v))).toEqual(
        new Set(["28"]),
      );
    }
    const rectificationRows = (tables[0] ?? "").match(/<w:tr>/g) ?? [];
    expect(rectificationRows).toHaveLength(5);
  });
});
