/**
 * The paragraph properties that keep the page flow clean in any reader that honours them (Word,
 * LibreOffice, WPS): widow control everywhere, headings on a line of their own kept whole and with the
 * paragraph after them, and the text before the sign-off kept with it through the 附件说明 and a 纪要's
 * attendance lines. __tests__/package/page-flow.test.ts checks the result as LibreOffice lays it out.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { MeetingSummary } from "../../src/model/types";
import { renderSummary } from "../../src/render-summary";
import { paragraphs, partXml, type ReadParagraph } from "../helpers/docx";
import { inner } from "../helpers/styles";

const example = (name: string): MeetingSummary =>
  JSON.parse(readFileSync(join(__dirname, "..", "..", "examples", name), "utf8"));

const keeps = (p: ReadParagraph | undefined) => ({
  next: p?.xml.includes("<w:keepNext/>") ?? false,
  lines: p?.xml.includes("<w:keepLines/>") ?? false,
});

const find = (all: ReadParagraph[], text: string) => all.find((p) => p.text === text);

describe("page flow: paragraph properties", () => {
  it("turns widow control on for every paragraph, in the defaults of every built-in template", async () => {
    for (const template of ["report", "minutes"] as const) {
      const styles = partXml(
        await renderSummary(example("four-sections.json"), { template }),
        "word/styles.xml",
      );
      expect(inner(styles, "w:pPrDefault")).toContain("<w:widowControl/>");
      // No style or paragraph turns it off again.
      expect(styles).not.toContain('<w:widowControl w:val="0"/>');
    }
  });

  it("keeps a heading on a line of its own whole and with its next paragraph, at every level; a run-in one not", async () => {
    const all = paragraphs(await renderSummary(example("four-sections.json")));
    // Level 1 keeps through its style (GwHeading1: keepNext, keepLines); levels 2–4 without a text on
    // the paragraph itself.
    expect(keeps(find(all, "（四）严肃撰写对照检查材料"))).toEqual({ next: true, lines: true });
    expect(keeps(find(all, "（一）在强化理论武装上下功夫"))).toEqual({ next: true, lines: true });
    const runIn = all.find((p) => p.text.startsWith("（一）深入开展学习研讨。"));
    expect(keeps(runIn)).toEqual({ next: false, lines: false });
    const level3 = all.find((p) => p.text.startsWith("1.健全学习制度。"));
    expect(keeps(level3)).toEqual({ next: false, lines: false });
  });

  it("keeps the last text paragraph, the 附件说明 and the sign-off together", async () => {
    const all = paragraphs(await renderSummary(example("full-facts.json")));
    const signature = all.findIndex((p) => p.text === "中共机关第一支部委员会");
    const closing = all.findIndex((p) => p.text === "特此报告。");
    expect(all.slice(closing, signature).map((p) => [p.text.slice(0, 6), keeps(p).next])).toEqual([
      ["特此报告。", true],
      ["附件：1.机", true],
      ["2.机关第一", true],
    ]);
    // The signature keeps with its date; the paragraph before the last text paragraph keeps nothing.
    expect(keeps(all[signature]).next).toBe(true);
    expect(keeps(all[closing - 1]).next).toBe(false);
  });

  it("keeps a 纪要's last text paragraph with its attendance lines and the sign-off", async () => {
    const summary = { ...example("minutes.json"), signature: "中共某某支部委员会", date: "2026-01-20" };
    const all = paragraphs(await renderSummary(summary, { template: "minutes" }));
    const signature = all.findIndex((p) => p.text === "中共某某支部委员会");
    const attendance = all.findIndex((p) => p.text.startsWith("出席："));
    // The text paragraph, the blank line, 出席, 请假, 列席: all keep with the next.
    const chain = all.slice(attendance - 2, signature);
    expect(chain.map((p) => keeps(p).next)).toEqual(chain.map(() => true));
    expect(keeps(all[attendance - 3]).next).toBe(false);
  });

  it("gives the 25-line grid a pitch that LibreOffice fits 25 times into the text block", async () => {
    const docx = await renderSummary(example("minimal.json"), { layout: { linesPerPage: 25 } });
    expect(/<w:docGrid [^>]*w:linePitch="(\d+)"/.exec(partXml(docx))?.[1]).toBe("509");
  });
});
