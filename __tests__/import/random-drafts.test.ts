/**
 * Drafts put together at random from the lines reports are made of, in any order, with any layout: the
 * import never crashes. It returns a valid summary, or refuses the draft with an InvalidDraftError.
 * A seeded generator keeps every run the same.
 */
import { MeetingSummaryError } from "../../src/errors/index";
import { importDraft } from "../../src/import/index";
import { validateSummary } from "../../src/model/parse";

const LINES = [
  "组织生活会情况报告",
  "中共某某支部委员会",
  "机关党委：",
  "一、会前准备",
  "二、会议召开",
  "三、下一步",
  "十一、其他",
  "（一）认真学习。支部学习。",
  "（二）",
  "（三）征求意见",
  "1.建立台账。逐项整改。",
  "1、",
  "（1）每月调度。",
  "①细则",
  "一是提高认识。",
  "三是",
  "特此报告。",
  "附件：1.问题清单",
  "2.评议结果",
  "附件",
  "附件2",
  "2026年1月18日",
  "2026年*月*日",
  "2026年2月30日",
  "**同志发言。",
  "# 标题",
  "## 一、准备",
  "### 学习",
  "- 条目",
  "| 序号 | 存在问题 | 整改措施 |",
  "| --- | --- | --- |",
  "| 1 | 问题 | 措施 |",
  "",
  "　　",
  "\t",
  "支部召开支委会研究部署，制定会议方案，全体党员参加。",
];
const LAYOUT = ["", "　　", "\t", "  "];

function generator(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
}

describe("random drafts", () => {
  it("never crash the import: a valid summary, or an InvalidDraftError", () => {
    const next = generator(20260118);
    let imported = 0;
    for (let round = 0; round < 400; round++) {
      const count = 1 + next(30);
      const lines = Array.from(
        { length: count },
        () => `${LAYOUT[next(4)]}${LINES[next(LINES.length)]}${LAYOUT[next(4)]}`,
      );
      // Every other draft has a title and three sections in order, the random lines around them.
      if (round % 2 === 0) {
        lines.unshift("组织生活会情况报告");
        for (const [k, heading] of ["一、会前准备", "二、会议召开", "三、下一步"].entries()) {
          lines.splice(1 + Math.min(lines.length - 1, next(4) + k * 3), 0, heading, "支部学习。");
        }
      }
      const text = lines.join(next(2) === 0 ? "\n" : "\r\n");
      for (const format of ["text", "markdown"] as const) {
        try {
          const { summary } = importDraft(text, { format });
          expect(validateSummary(summary).ok).toBe(true);
          imported++;
        } catch (error) {
          if (!(error instanceof MeetingSummaryError) || error.code !== "invalid_draft") {
            throw new Error(`${format} draft ${JSON.stringify(text)} failed: ${String(error)}`);
          }
          expect(error.issues.length).toBeGreaterThan(0);
        }
      }
    }
    // Some of them read as reports, so both paths are exercised.
    expect(imported).toBeGreaterThan(50);
  });
});
