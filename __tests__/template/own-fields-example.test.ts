import { readFileSync } from "node:fs";
import { join } from "node:path";
import { renderSummary } from "../../src/render-summary";
import { inspectTemplate } from "../../src/template/inspect";
import { seedLines, seedReport } from "../fixtures/summaries";
import { paragraphs, paragraphTexts } from "../helpers/docx";

const examples = join(__dirname, "..", "..", "examples");
const example = new Uint8Array(readFileSync(join(examples, "own-fields", "own-fields.docx")));
const data = JSON.parse(readFileSync(join(examples, "own-fields", "own-fields.data.json"), "utf8"));

describe("the example of your own fields, examples/own-fields.docx", () => {
  it("has no problems with its data, and names its own fields without it", () => {
    expect(inspectTemplate(example, { data }).issues).toEqual([]);
    expect(inspectTemplate(example).issues.map((i) => [i.code, i.tag])).toEqual([
      ["unknown_tag", "contact.name"],
      ["unknown_tag", "contact.phone"],
      ["unknown_tag", "unitName"],
    ]);
  });

  it("prints the unit in the header and the contact under the date, the report unchanged", async () => {
    const docx = await renderSummary(seedReport(), { template: example, data });
    expect(paragraphTexts(docx)).toEqual([...seedLines(), "（联系人：李某某，联系电话：0771-1234567）"]);
    expect(paragraphs(docx, "word/header1.xml").map((p) => p.text)).toEqual([
      "中共某某市某某局机关第一支部委员会",
    ]);
  });
});
