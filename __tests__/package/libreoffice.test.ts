/**
 * A real reader besides our own parser. LibreOffice converts the rendered seed report to plain text, and
 * every line of the seed must be there, in order; it converts 红头文件 to PDF, and the 版记's rules must be
 * drawn where GB/T 9704 puts them. CI installs LibreOffice (.ci/run); on a machine without it these tests
 * are skipped, except under CI where its absence is a failure.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Margins } from "../../src/layout/options";
import type { MeetingSummary } from "../../src/model/types";
import { renderSummary } from "../../src/render-summary";
import { seedLines, seedReport } from "../fixtures/summaries";
import { convert, withLibreOffice } from "../helpers/libreoffice";
import { mm, pdfRules } from "../helpers/pdf";

withLibreOffice(
  "LibreOffice opens the seed report and reads every line of it",
  async () => {
    const { seed } = convert({ seed: await renderSummary(seedReport()) }, "txt:Text (encoded):UTF8", "txt");
    const lines = (seed as Buffer)
      .toString("utf8")
      .replace(/^\uFEFF/, "")
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== "" && !/^— \d+ —$/.test(l));
    expect(lines).toEqual(seedLines());
  },
  180_000,
);

withLibreOffice(
  "LibreOffice draws the 版记 at the foot of the last page: text-block wide, its last rule on the 版心's bottom edge",
  async () => {
    const example: MeetingSummary = JSON.parse(
      readFileSync(join(__dirname, "..", "..", "examples", "document.json"), "utf8"),
    );
    // With attachment pages, a 抄送 list that wraps to a second line, and the screen margins.
    const long: MeetingSummary = {
      ...example,
      attachments: [{ title: "参会人员名单", paragraphs: ["张某某、李某某、王某某"] }],
      document: {
        ...(example.document as NonNullable<MeetingSummary["document"]>),
        copyTo: ["中共某某纪律检查委员会", "中共某某委员会组织部", "中共某某委员会宣传部", "某某区机关工委"],
      },
    };
    const cases: Record<string, [Uint8Array, Margins, { left: number; bottom: number }]> = {
      print: [await renderSummary(example, { template: "document" }), "print", { left: 28, bottom: 35 }],
      screen: [
        await renderSummary(long, { template: "document", layout: { margins: "screen" } }),
        "screen",
        { left: 27, bottom: 32.58 },
      ],
    };
    const pdfs = convert(
      Object.fromEntries(Object.entries(cases).map(([k, [docx]]) => [k, docx])),
      "pdf",
      "pdf",
    );
    for (const [name, [, margins, edges]] of Object.entries(cases)) {
      const { pages, rules } = pdfRules(pdfs[name] as Buffer);
      // The red separator on page 1 is 1.5 pt; the 版记's rules are 1, 0.75 and 1 pt, on the last page.
      const imprint = rules.filter((r) => r.width !== 1.5);
      expect({ margins, widths: imprint.map((r) => r.width), pages: imprint.map((r) => r.page) }).toEqual({
        margins,
        widths: [1, 0.75, 1],
        pages: [pages, pages, pages],
      });
      for (const rule of imprint) {
        expect(rule.x1).toBeCloseTo(mm(edges.left), 0);
        expect(rule.x2).toBeCloseTo(mm(edges.left + 156), 0);
      }
      const last = imprint.at(-1) as (typeof imprint)[number];
      expect(last.y - last.width / 2).toBeCloseTo(mm(edges.bottom), 0);
    }
  },
  180_000,
);
