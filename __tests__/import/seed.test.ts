import { readFileSync } from "node:fs";
import { join } from "node:path";
import { importDraft } from "../../src/import/index";
import { renderSummary } from "../../src/render-summary";
import { seedLines, seedReport } from "../fixtures/summaries";
import { paragraphTexts } from "../helpers/docx";
import { encodeGbk } from "../helpers/gbk";

const seedText = () => readFileSync(join(__dirname, "..", "fixtures", "seed-report.txt"), "utf8");

describe("the seed report's plain text", () => {
  it("imports to the example summary's text and structure", () => {
    const { summary } = importDraft(seedText());
    const { meeting, $schema, ...expected } = seedReport();
    expect(summary).toEqual(expected);
  });

  it("renders the seed exactly, line for line", async () => {
    const { summary } = importDraft(seedText());
    expect(paragraphTexts(await renderSummary(summary))).toEqual(seedLines());
  });

  it("reads the same from UTF-8 bytes, GBK bytes and a string", () => {
    const fromString = importDraft(seedText()).summary;
    expect(importDraft(new TextEncoder().encode(seedText())).summary).toEqual(fromString);
    expect(importDraft(encodeGbk(seedText())).summary).toEqual(fromString);
  });

  it("explains its decisions and finds nothing wrong", () => {
    const { warnings, explanations } = importDraft(seedText(), { locale: "zh-CN" });
    expect(warnings).toEqual([]);
    expect(explanations.map((e) => e.message)).toEqual(
      expect.arrayContaining([
        "第 1 行作为标题。",
        "第 3 行“*****”作为主送机关。",
        "第 5 行“认真准备，为开发组织生活会打牢基础”作为第 1 部分（会前准备）。",
        "第 6 行：“认真组织动员”作为条目标题，其后文字作为同段正文（接排）。",
        "第 16–18 行作为“一是、二是……”列举（3 项）。",
      ]),
    );
  });
});
