/**
 * Render → read the document's paragraphs as a plain text draft → import → render again: the same
 * paragraphs, word for word, for every example and every built-in template. The Word reader's own round
 * trip goes through the .docx; this one checks the recogniser on what the templates print (版头, 版记,
 * 纪要 attendance, 附件说明 and attachment pages included).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { importDraft } from "../../src/import/index";
import { renderSummary } from "../../src/render-summary";
import { forTemplate } from "../fixtures/summaries";
import { paragraphTexts } from "../helpers/docx";

const examples = join(__dirname, "..", "..", "examples");
const names = readdirSync(examples).filter((name) => name.endsWith(".json"));
const templates = ["report", "document", "minutes"] as const;
const cases = names.flatMap((name) => templates.map((template) => [name, template] as const));

describe("render → the printed text as a draft → import → render", () => {
  it.each(cases)("%s with the %s template gives the same paragraphs", async (name, template) => {
    const summary = forTemplate(JSON.parse(readFileSync(join(examples, name), "utf8")), template);
    const printed = paragraphTexts(await renderSummary(summary, { template }));
    const { summary: imported } = importDraft(printed.join("\n"));
    expect(paragraphTexts(await renderSummary(imported, { template }))).toEqual(printed);
  });
});
