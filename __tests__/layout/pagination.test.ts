/**
 * The page estimate (src/layout/pagination.ts) against LibreOffice: on which page the text of every example
 * with every built-in template at 18 to 26 lines a page ends, as recorded from LibreOffice's PDFs
 * (__tests__/fixtures/libreoffice-text-pages.json, written by scripts/record-text-pages.mjs), its line
 * breaking, and the blank page it puts before the 红头文件's 版记.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { BuiltInTemplate } from "../../src";
import {
  breakLines,
  estimateTextPages,
  textLayout,
  withBlankPageBeforeImprint,
} from "../../src/layout/pagination";
import type { MeetingSummary } from "../../src/model/types";
import { renderSummary } from "../../src/render-summary";
import { forTemplate } from "../fixtures/summaries";
import { partXml } from "../helpers/docx";
import { attr } from "../helpers/styles";

const examples = join(__dirname, "..", "..", "examples");
const example = (name: string): MeetingSummary =>
  JSON.parse(readFileSync(join(examples, `${name}.json`), "utf8"));

const recorded: { libreoffice: string; pages: Record<string, number> } = JSON.parse(
  readFileSync(join(__dirname, "..", "fixtures", "libreoffice-text-pages.json"), "utf8"),
);

/** The summaries the recording was made from: the examples, and four-sections.json's sections three times. */
function summaries(): Record<string, MeetingSummary> {
  const out: Record<string, MeetingSummary> = {};
  for (const file of readdirSync(examples).filter((f) => f.endsWith(".json") && !f.endsWith(".data.json"))) {
    const name = file.replace(/\.json$/, "");
    out[name] = example(name);
  }
  const four = example("four-sections");
  const sections = four.sections ?? [];
  out.long = { ...four, sections: [...sections, ...sections, ...sections] };
  return out;
}

const parts = (docx: Uint8Array) => [partXml(docx), partXml(docx, "word/styles.xml")] as const;

/** 3号 text of the body: 16 pt (32 half-points), tightened by 0.25 pt (5 twips). */
const body = (text: string) => [{ text, size: 32, spacing: -5 }];
/** The text block's width with the print margins, and the body's first-line indent, in twips. */
const WIDTH = 8844;
const INDENT = 640;

describe("line breaking", () => {
  it("puts 28 characters on a line, 26 after the first line's indent", () => {
    const text = "一二三四五六七八九十".repeat(6);
    expect(breakLines(body(text), WIDTH, INDENT).map((l) => l.length)).toEqual([26, 28, 6]);
  });

  it("lets a full stop or comma hang past the edge instead of starting a line", () => {
    // 26 characters fill the first line; the full stop after them hangs.
    expect(breakLines(body(`${"字".repeat(26)}。`), WIDTH, INDENT)).toHaveLength(1);
    expect(breakLines(body(`${"字".repeat(26)}，后文`), WIDTH, INDENT)).toEqual([
      `${"字".repeat(26)}，`,
      "后文",
    ]);
  });

  it("takes the character before down with closing marks that cannot hang, and an opening mark down whole", () => {
    expect(breakLines(body(`${"字".repeat(26)}）后`), WIDTH, INDENT)).toEqual(["字".repeat(25), "字）后"]);
    expect(breakLines(body(`${"字".repeat(25)}《书》`), WIDTH, INDENT)).toEqual(["字".repeat(25), "《书》"]);
  });

  it("keeps a number whole, and counts digits wider than half a character with the space beside them", () => {
    // "2026年" at the end of the first line: the number does not break, it goes down whole.
    expect(breakLines(body(`${"字".repeat(24)}2026年`), WIDTH, INDENT)).toEqual(["字".repeat(24), "2026年"]);
    // 13 digits between Chinese characters: a line with the automatic space beside each, without it (the
    // sign-off's paragraphs) they fit on one.
    expect(breakLines(body("字1".repeat(13)), WIDTH, INDENT)).toHaveLength(2);
    expect(breakLines(body("字1".repeat(13)), WIDTH, INDENT, false)).toHaveLength(1);
  });

  it("breaks a Latin word only after a hyphen", () => {
    expect(breakLines(body(`${"字".repeat(21)}GB/T 9704-2012`), WIDTH, INDENT)).toEqual([
      `${"字".repeat(21)}GB/T `,
      "9704-2012",
    ]);
    expect(breakLines(body(`${"字".repeat(21)}，9704-2012`), WIDTH, INDENT)).toEqual([
      `${"字".repeat(21)}，9704-`,
      "2012",
    ]);
  });

  it("breaks at a line break in the text", () => {
    expect(breakLines(body("第一行\n第二行"), WIDTH, 0)).toEqual(["第一行", "第二行"]);
  });
});

describe("the page estimate", () => {
  it(`ends the text on the page LibreOffice ends it, for every example, template and 18 to 26 lines (${recorded.libreoffice})`, async () => {
    const all = summaries();
    const differ: string[] = [];
    const ids = Object.keys(recorded.pages);
    expect(ids).toHaveLength(Object.keys(all).length * 3 * 9);
    for (const id of ids) {
      const [, name, template, lines] = /^(.*)-(report|document|minutes)-(\d+)$/.exec(id) ?? [];
      const summary = forTemplate(all[name ?? ""] as MeetingSummary, template as string);
      const docx = await renderSummary(summary, {
        template: template as BuiltInTemplate,
        layout: { linesPerPage: Number(lines) },
      });
      const pages = estimateTextPages(...parts(docx)).pages;
      if (pages !== recorded.pages[id])
        differ.push(`${id}: estimated ${pages}, LibreOffice ${recorded.pages[id]}`);
    }
    expect(differ).toEqual([]);
  }, 120_000);

  it("keeps a heading with its paragraph and a paragraph's lines two at either end of a page", async () => {
    const docx = await renderSummary(example("seed-report"), {
      template: "report",
      layout: { linesPerPage: 19 },
    });
    const { blocks, pages } = textLayout(...parts(docx));
    expect(pages).toBe(recorded.pages["seed-report-report-19"]);
    for (const [i, block] of blocks.entries()) {
      // A heading of its own line (一、) never ends a page: its paragraph starts on the same one.
      if (/^[一二三四五六七八九十]+、/.test(block.text) && block.lines === 1) {
        expect(blocks[i + 1]?.start.page).toBe(block.end.page);
      }
    }
  });
});

describe("the blank page before the 版记", () => {
  const document = () => forTemplate(example("document"), "document");
  const sections = (xml: string) => [...xml.matchAll(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g)].map(([s]) => s);

  it("is a section of its own, one 1 pt paragraph, with the 版记's blank footers, when the text ends on an even page", async () => {
    // document.json ends its text on page 6 at 22 lines a page (recorded in LibreOffice).
    expect(recorded.pages["document-document-22"]).toBe(6);
    const xml = partXml(await renderSummary(document(), { template: "document" }));
    const [text, blank, imprint] = sections(xml) as [string, string, string];
    expect(sections(xml)).toHaveLength(3);
    expect(attr(text, "w:type", "w:val")).toBeUndefined();
    // The blank page: a new page, not an even one, and the same page, margins and blank footers as the 版记's.
    expect(attr(blank, "w:type", "w:val")).toBe("nextPage");
    expect(blank.replace("nextPage", "evenPage")).toBe(imprint);
    expect(attr(imprint, "w:type", "w:val")).toBe("evenPage");
    // Between the text's section and the 版记's: one paragraph, 1 pt high, without text.
    const between = xml.slice(xml.indexOf("</w:sectPr>") + "</w:sectPr>".length, xml.indexOf(blank));
    expect(between.match(/<w:p[ >]/g)).toHaveLength(1);
    expect(between).not.toMatch(/<w:t[ >]/);
    expect(attr(between, "w:spacing", "w:line")).toBe("20");
  });

  it("is left out when the text ends on an odd page", async () => {
    expect(recorded.pages["document-document-23"]).toBe(5);
    const xml = partXml(
      await renderSummary(document(), { template: "document", layout: { linesPerPage: 23 } }),
    );
    expect(sections(xml).map((s) => attr(s, "w:type", "w:val"))).toEqual([undefined, "evenPage"]);
  });

  it("goes only into a 红头文件: a report and a 纪要 have no 版记 and one section", async () => {
    for (const template of ["report", "minutes"] as const) {
      const xml = partXml(await renderSummary(example("document"), { template }));
      expect(sections(xml)).toHaveLength(1);
    }
  });

  it("changes nothing in a document without a last section that starts on an even page", async () => {
    const [xml, styles] = parts(await renderSummary(example("document"), { template: "report" }));
    expect(withBlankPageBeforeImprint(xml, styles)).toBe(xml);
  });
});
