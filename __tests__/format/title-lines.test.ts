import { TITLE_CHARS_PER_LINE, titleLines } from "../../src/format/title-lines";
import { textWidthInChars } from "../../src/layout/sign-off";

describe("titleLines", () => {
  it("leaves a title that fits on a line, or one with the writer's own breaks, as it is", () => {
    expect(titleLines("巡视整改专题组织生活会总结报告")).toBe("巡视整改专题组织生活会总结报告");
    const given = "中共机关第一支部委员会\n关于召开2025年度组织生活会情况的报告";
    expect(titleLines(given)).toBe(given);
  });

  it.each([
    [
      "机关第一党支部2025年度组织生活会查摆问题整改清单",
      "机关第一党支部2025年度组织生活会\n查摆问题整改清单",
    ],
    ["机关第一党支部2025年度民主评议党员结果汇总表", "机关第一党支部2025年度\n民主评议党员结果汇总表"],
    [
      "中共某某县委办公室党支部关于2025年度组织生活会召开情况的报告",
      "中共某某县委办公室党支部关于2025年度\n组织生活会召开情况的报告",
    ],
  ])("breaks %s long over short, between words", (title, lines) => {
    expect(titleLines(title)).toBe(lines);
  });

  it("never makes a line longer than the one above it, or longer than a line holds", () => {
    const title = "关于召开2025年度专题组织生活会和开展民主评议党员工作情况的报告（第一次修订稿）请审阅";
    const lines = titleLines(title).split("\n");
    expect(lines.join("")).toBe(title);
    const widths = lines.map(textWidthInChars);
    for (const [i, w] of widths.entries()) {
      expect(w).toBeLessThanOrEqual(TITLE_CHARS_PER_LINE);
      if (i > 0) expect(w).toBeLessThanOrEqual(widths[i - 1] as number);
    }
    // Never inside a term of these reports, and no line starts with closing punctuation.
    expect(titleLines(title)).not.toMatch(/组织\n生活会|民主\n评议|\n[，。、）]/);
  });

  it("breaks inside a word only when no break between words fits", () => {
    const word = "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWX"; // 25 characters wide
    const lines = titleLines(word).split("\n");
    expect(lines.join("")).toBe(word);
    expect(lines.length).toBe(2);
  });
});
