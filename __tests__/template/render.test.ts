import PizZip from "pizzip";
import { TemplateError } from "../../src/errors";
import { renderSummary } from "../../src/render-summary";
import { builtInTemplate } from "../../src/template/builtin";
import { renderTemplate, spliceParts } from "../../src/template/render";
import { minimalLines, minimalSummary, seedLines, seedReport } from "../fixtures/summaries";
import { paragraphs, paragraphTexts, partXml } from "../helpers/docx";

/** The built-in report template with its document.xml changed by `edit`: a broken template to test with. */
async function reportTemplateWith(edit: (xml: string) => string): Promise<Uint8Array> {
  const zip = new PizZip(await builtInTemplate("report"));
  zip.file("word/document.xml", edit(zip.file("word/document.xml")?.asText() ?? ""));
  return zip.generate({ type: "uint8array" });
}

async function errorOf(promise: Promise<unknown>): Promise<TemplateError> {
  try {
    await promise;
  } catch (error) {
    return error as TemplateError;
  }
  throw new Error("expected an error");
}

describe("renderSummary with the built-in report template", () => {
  it("reproduces the seed report line for line", async () => {
    const docx = await renderSummary(seedReport());
    expect(paragraphTexts(docx)).toEqual(seedLines());
  });

  it("leaves no empty paragraph behind: loops, conditions, no recipient, no sign-off", async () => {
    const docx = await renderSummary(minimalSummary());
    const texts = paragraphs(docx).map((p) => p.text);
    expect(texts).toEqual(minimalLines());
  });

  it("prints the recipient with its colon, and the signature and date at the end", async () => {
    const docx = await renderSummary({
      ...minimalSummary(),
      recipient: "市委组织部",
      signature: "中共某某支部委员会",
      date: "2026-01-05",
    });
    const texts = paragraphs(docx).map((p) => p.text);
    expect(texts[1]).toBe("市委组织部：");
    expect(texts.slice(-2)).toEqual(["中共某某支部委员会", "2026年1月5日"]);
    expect(texts).not.toContain("");
  });

  it("breaks a long title where the summary says", async () => {
    const docx = await renderSummary({
      ...minimalSummary(),
      title: "中共某某支部委员会关于召开\n2026年度组织生活会情况的报告",
    });
    expect(paragraphs(docx)[0]?.text).toBe("中共某某支部委员会关于召开\n2026年度组织生活会情况的报告");
  });

  it("escapes XML-special characters instead of corrupting the document", async () => {
    const summary = minimalSummary();
    summary.outcomes.blocks = ["A&B <会议> \"引号\" '单引号'"];
    const docx = await renderSummary(summary);
    expect(paragraphTexts(docx)).toContain("A&B <会议> \"引号\" '单引号'");
    expect(() => new PizZip(docx)).not.toThrow();
  });

  it("strips characters a Word document cannot hold when asked to", async () => {
    const summary = minimalSummary();
    summary.outcomes.blocks = ["整改\u0007落实"];
    await expect(renderSummary(summary)).rejects.toMatchObject({ code: "invalid_summary" });
    const docx = await renderSummary(summary, { invalidCharacters: "strip" });
    expect(paragraphTexts(docx)).toContain("整改落实");
  });

  it("gives the document the report's title in its properties", async () => {
    const docx = await renderSummary({ ...minimalSummary(), title: "A&B 情况报告" });
    expect(partXml(docx, "docProps/core.xml")).toContain("<dc:title>A&amp;B 情况报告</dc:title>");
  });

  it("gives byte-identical documents for the same input", async () => {
    const a = await renderSummary(seedReport());
    const b = await renderSummary(seedReport());
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it("renders a 100-section report in order", async () => {
    const summary = minimalSummary();
    summary.sections = Array.from({ length: 97 }, (_, i) => ({
      heading: `第${i + 4}部分`,
      blocks: ["内容。"],
    }));
    const headings = paragraphTexts(await renderSummary(summary)).filter((t) =>
      /^[一二三四五六七八九十百]+、/.test(t),
    );
    expect(headings).toHaveLength(100);
    expect(headings[10]).toBe("十一、第11部分");
    expect(headings[99]).toBe("一百、第100部分");
  });

  it("rejects a wrong template option as a programming error", async () => {
    await expect(renderSummary(minimalSummary(), { template: "letter" as never })).rejects.toThrow(TypeError);
    await expect(renderSummary(minimalSummary(), { missingValues: "skip" as never })).rejects.toThrow(
      RangeError,
    );
  });
});

describe("renderSummary with a user's template", () => {
  it("fills the user's bytes with the same view data, dotted paths included", async () => {
    const template = await reportTemplateWith((xml) => xml.replace("{title}", "{title}（{meeting.kind}）"));
    const docx = await renderSummary(seedReport(), { template });
    expect(paragraphTexts(docx)[0]).toBe("巡视整改专题组织生活会总结报告（专题组织生活会）");
  });

  it("refuses a tag that is not in the vocabulary, or prints nothing on request", async () => {
    const template = await reportTemplateWith((xml) => xml.replace("{title}", "{title}{titel}{constructor}"));
    const error = await errorOf(renderSummary(seedReport(), { template }));
    expect(error).toMatchObject({
      code: "invalid_template",
      issues: [
        { code: "unknown_tag", tag: "titel", suggestion: "title" },
        { code: "unknown_tag", tag: "constructor" },
      ],
    });
    const docx = await renderSummary(seedReport(), { template, missingValues: "empty" });
    expect(paragraphTexts(docx)[0]).toBe("巡视整改专题组织生活会总结报告");
  });

  it("reports a template that is not a .docx", async () => {
    const error = await errorOf(
      renderSummary(minimalSummary(), { template: new TextEncoder().encode("hello") }),
    );
    expect(error).toBeInstanceOf(TemplateError);
    expect(error).toMatchObject({
      code: "invalid_template",
      issues: [{ code: "not_a_docx", message: expect.stringContaining("it is not a zip archive") }],
    });
  });

  it("reports a zip without word/document.xml", async () => {
    const zip = new PizZip();
    zip.file("hello.txt", "hi");
    const error = await errorOf(
      renderSummary(minimalSummary(), { template: zip.generate({ type: "uint8array" }) }),
    );
    expect(error).toMatchObject({ code: "invalid_template", issues: [{ code: "missing_document" }] });
  });

  it("reports every broken tag at once, with the tag and the part", async () => {
    const template = await reportTemplateWith((xml) =>
      xml.replace("{title}", "{title").replace("{text}", "text}"),
    );
    const error = await errorOf(renderSummary(minimalSummary(), { template }));
    expect(error.code).toBe("invalid_template");
    expect(error.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: "unclosed_tag", tag: "title", part: "body" }),
        expect.objectContaining({ code: "unopened_tag", part: "body" }),
      ]),
    );
  });

  it("writes every tag it was given into the document", async () => {
    const template = await builtInTemplate("report");
    const docx = renderTemplate(template, {
      title: "标题",
      recipient: "",
      opening: [],
      sections: [],
      closing: [],
      signOff: "",
      attachments: [],
    });
    expect(partXml(docx)).not.toMatch(/\{[#/@]?[a-zA-Z]+\}/);
  });
});

describe("spliceParts (an edit of the joined text, applied to docxtemplater's parts)", () => {
  const parts = () => ["<w:p>", "<w:pPr><w:pStyle/></w:pPr>", "<w:r>", "正文", "</w:r>", "</w:p>"];

  it("edits within one part", () => {
    const edit = {
      start: 5 + "<w:pPr><w:pStyle/>".length,
      end: 5 + "<w:pPr><w:pStyle/>".length,
      text: "<K/>",
    };
    expect(spliceParts(parts(), edit)).toEqual([
      "<w:p>",
      "<w:pPr><w:pStyle/><K/></w:pPr>",
      "<w:r>",
      "正文",
      "</w:r>",
      "</w:p>",
    ]);
  });

  it("inserts where two parts meet at the end of the first, so the next still starts with its element", () => {
    expect(spliceParts(parts(), { start: 5, end: 5, text: "<P/>" })).toEqual([
      "<w:p><P/>",
      "<w:pPr><w:pStyle/></w:pPr>",
      "<w:r>",
      "正文",
      "</w:r>",
      "</w:p>",
    ]);
  });

  it("replaces text that runs across parts, and keeps the joined text right", () => {
    const edit = { start: 3, end: 5 + 26 + 2, text: "X" };
    const spliced = spliceParts(parts(), edit);
    const joined = parts().join("");
    expect(spliced.join("")).toBe(`${joined.slice(0, 3)}X${joined.slice(33)}`);
    expect(spliced).toHaveLength(6);
  });
});
