import { readFileSync } from "node:fs";
import { join } from "node:path";
import { renderSummary } from "../../src/render-summary";
import { inspectTemplate } from "../../src/template/inspect";
import { seedLines, seedReport } from "../fixtures/summaries";
import { paragraphs, paragraphTexts, partXml } from "../helpers/docx";

const example = new Uint8Array(
  readFileSync(join(__dirname, "..", "..", "examples", "branch-letterhead.docx")),
);

describe("the worked example examples/branch-letterhead.docx", () => {
  it("has no problems, and uses a meeting fact in its header", () => {
    const { issues, tags } = inspectTemplate(example);
    expect(issues).toEqual([]);
    // The odd-page and the even-page header each print the meeting's kind.
    const kind = {
      name: "meeting.kind",
      sign: "",
      scope: "",
      part: "header",
      paragraph: "{meeting.kind}",
      known: true,
      field: "meeting.kind",
    };
    expect(tags.filter((t) => t.part === "header")).toEqual([kind, kind]);
  });

  it("renders the seed report line for line", async () => {
    const docx = await renderSummary(seedReport(), { template: example });
    expect(paragraphTexts(docx)).toEqual(seedLines());
  });

  it("puts the branch's name over a red rule, and the meeting's kind, in the header of every page", async () => {
    const docx = await renderSummary(seedReport(), { template: example });
    for (const part of ["word/header1.xml", "word/header2.xml"]) {
      const [name, kind] = paragraphs(docx, part);
      expect([name?.text, kind?.text]).toEqual(["中共某某单位机关第一党支部", "专题组织生活会"]);
      expect(name?.xml).toContain('<w:bottom w:val="single" w:sz="18" w:space="4" w:color="C00000"/>');
      expect(name?.xml).toContain('<w:color w:val="C00000"/>');
    }
    expect(partXml(docx)).toContain('<w:headerReference w:type="even" r:id="rIdBranchHeader2"/>');
  });

  it("keeps the page numbers under its own footer line", async () => {
    const docx = await renderSummary(seedReport(), { template: example });
    expect(paragraphs(docx, "word/footer1.xml").map((p) => p.text)).toEqual([
      "中共某某单位机关第一党支部编印",
      "— 1 —",
    ]);
  });
});
