import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { validateSummary } from "../src/model/parse";
import { renderSummary } from "../src/render-summary";
import { paragraphTexts } from "./helpers/docx";

const dir = join(__dirname, "..", "examples");
const example = (name: string) => JSON.parse(readFileSync(join(dir, name), "utf8"));

describe("the bundled examples", () => {
  // *.data.json files hold a template's own fields (`--data`), not summaries.
  const summaries = readdirSync(dir).filter((f) => f.endsWith(".json") && !f.endsWith(".data.json"));
  it.each(summaries)("%s is a valid summary", (name) => {
    expect(validateSummary(example(name)).issues).toEqual([]);
  });

  it("four-sections.json numbers four sections and items down to （1）, and ends with the sign-off", async () => {
    const texts = paragraphTexts(await renderSummary(example("four-sections.json")));
    const numbers = texts
      .map((t) => /^([一二三四]、|（[一二三四]）|\d\.|（\d）|[一二三]是)/.exec(t)?.[1])
      .filter((n) => n !== undefined);
    expect(numbers).toEqual([
      "一、",
      "（一）",
      "（二）",
      "（三）",
      "（四）",
      "1.",
      "2.",
      "二、",
      "（一）",
      "（二）",
      "（三）",
      "（四）",
      "三、",
      "一是",
      "二是",
      "三是",
      "四、",
      "（一）",
      "1.",
      "2.",
      "（1）",
      "（2）",
      "（二）",
      "（三）",
    ]);
    expect(texts.slice(-3)).toEqual(["特此报告。", "中共***支部委员会", "2026年1月20日"]);
    expect(texts[0]).toBe("中共***支部委员会\n关于召开2025年度组织生活会情况的报告");
  });

  it("minimal.json renders just its title, headings and paragraphs", async () => {
    const texts = paragraphTexts(await renderSummary(example("minimal.json")));
    expect(texts).toHaveLength(7);
    expect(texts.filter((t) => /^[一二三]、/.test(t))).toHaveLength(3);
  });

  it("full-facts.json writes the meeting paragraph from the facts, lists two attachments and attaches them", async () => {
    const texts = paragraphTexts(await renderSummary(example("full-facts.json")));
    expect(texts).toContain(
      "2026年1月15日，机关第一党支部在机关三楼会议室召开了以“强化理论武装，提升支部组织力”为主题的组织生活会，会议由支部书记李某某主持。应到党员23名，实到21名，2名同志请假（王某某因公出差、赵某某因病住院），机关党委孙某某列席会议。机关党委专职副书记陈某某到会指导。",
    );
    const note = texts.indexOf("附件：1.机关第一党支部2025年度组织生活会查摆问题整改清单");
    expect(texts.slice(note + 1, note + 4)).toEqual([
      "2.机关第一党支部2025年度民主评议党员结果汇总表",
      "中共机关第一支部委员会",
      "2026年1月20日",
    ]);
    expect(texts.filter((t) => /^附件\d$/.test(t))).toEqual(["附件1", "附件2"]);
  });

  it.each(["report", "document", "minutes"] as const)(
    "full-facts.json keeps its attachments with the %s template",
    async (template) => {
      // The 红头文件 needs its 版头 and 版记, which full-facts.json leaves out.
      const document = {
        issuer: "中共机关第一支部委员会",
        documentNumber: "机关一支发〔2026〕1号",
        printer: "中共机关第一支部委员会",
        printDate: "2026-01-20",
      };
      const summary = { ...example("full-facts.json"), ...(template === "document" && { document }) };
      const texts = paragraphTexts(await renderSummary(summary, { template }));
      // On their pages the titles break long over short, between words (the 附件说明 prints them whole).
      const titles = [
        "机关第一党支部2025年度组织生活会\n查摆问题整改清单",
        "机关第一党支部2025年度\n民主评议党员结果汇总表",
      ];
      for (const title of titles) expect(texts).toContain(title);
      expect(texts).toContain("附件1");
    },
  );
});
