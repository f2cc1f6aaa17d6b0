import PizZip from "pizzip";
import { renderSummary } from "../../src/render-summary";
import { builtInTemplate } from "../../src/template/builtin";
import { inspectTemplate } from "../../src/template/inspect";
import { minimalLines, minimalSummary, seedLines, seedReport } from "../fixtures/summaries";
import { paragraphs, paragraphTexts, partXml } from "../helpers/docx";
import { addHeader, asEditedInWord, reportWith } from "../helpers/templates";

describe("a template edited in Word (word-edited.docx)", () => {
  it("really has its tags split across runs, with proofing marks, revision ids and bookmarks", async () => {
    const xml = partXml(await reportWith(asEditedInWord));
    expect(xml).toContain('<w:t xml:space="preserve">{ti</w:t></w:r><w:proofErr w:type="spellStart"/><w:r');
    expect(xml).not.toContain("{title}");
    expect(xml).toMatch(/<w:p w:rsidR="[0-9A-F]{8}"/);
    expect(xml).toContain("<w:lastRenderedPageBreak/>");
    expect(xml).toContain('<w:bookmarkStart w:id="0" w:name="_Toc1"/>');
  });

  it("renders the seed report line for line", async () => {
    const template = await reportWith(asEditedInWord);
    expect(paragraphTexts(await renderSummary(seedReport(), { template }))).toEqual(seedLines());
  });

  it("has no problems to inspect", async () => {
    const { issues, tags } = inspectTemplate(await reportWith(asEditedInWord));
    expect(issues).toEqual([]);
    expect(tags[0]).toMatchObject({ name: "title", part: "body", paragraph: "{title}" });
  });

  it("leaves no blank paragraph where loops and conditions were", async () => {
    const template = await reportWith(asEditedInWord);
    const texts = paragraphs(await renderSummary(minimalSummary(), { template })).map((p) => p.text);
    expect(texts).toEqual(minimalLines());
  });

  it("keeps the formatting of each run: the （一） heading stays in its 楷体 character style", async () => {
    const template = await reportWith(asEditedInWord);
    const docx = await renderSummary(seedReport(), { template });
    const level2 = paragraphs(docx).find((p) => p.text.startsWith("（一）"));
    expect(level2?.xml).toMatch(/GwRunIn2"\/><\/w:rPr><w:t xml:space="preserve">（一）<\/w:t>/);
    expect(level2?.xml).toMatch(/GwRunIn2"\/><\/w:rPr><w:t xml:space="preserve">认真组织动员。<\/w:t>/);
    expect(level2?.xml).toMatch(/<w:r [^>]*><w:t xml:space="preserve">支部对民主评议/);
  });
});

describe("tags in headers and footers (header-title.docx)", () => {
  it("fills a header's tags, split across runs as Word writes them", async () => {
    const template = addHeader(
      await builtInTemplate("report"),
      asEditedInWord('<w:p><w:r><w:t xml:space="preserve">{title}（{meeting.kind}）</w:t></w:r></w:p>'),
    );
    const docx = await renderSummary(seedReport(), { template });
    expect(paragraphs(docx, "word/header1.xml").map((p) => p.text)).toEqual([
      "巡视整改专题组织生活会总结报告（专题组织生活会）",
    ]);
    expect(paragraphTexts(docx)).toEqual(seedLines());
  });

  it("fills a footer's tags", async () => {
    const template = await reportWith(
      (xml) =>
        xml.replace(
          '<w:t xml:space="preserve">— </w:t>',
          '<w:t xml:space="preserve">{meeting.kind} — </w:t>',
        ),
      "word/footer1.xml",
    );
    const docx = await renderSummary(seedReport(), { template });
    expect(paragraphs(docx, "word/footer1.xml")[0]?.text).toBe("专题组织生活会 — 1 —");
    expect(new PizZip(docx).file("word/footer2.xml")?.asText()).not.toContain("{");
  });
});
