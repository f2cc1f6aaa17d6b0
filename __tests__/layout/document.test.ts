import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildDocumentTemplate } from "../../src/layout/document";
import { sealedSignOffIndents, sealedSignOffXml } from "../../src/layout/sign-off";
import type { MeetingSummary } from "../../src/model/types";
import { renderSummary } from "../../src/render-summary";
import { paragraphs, partXml } from "../helpers/docx";
import { attr, styleReader } from "../helpers/styles";

const example: MeetingSummary = JSON.parse(
  readFileSync(join(__dirname, "..", "..", "examples", "document.json"), "utf8"),
);

let docx: Uint8Array;
let read: ReturnType<typeof styleReader>;

beforeAll(async () => {
  docx = await buildDocumentTemplate();
  read = styleReader(docx);
});

/** Renders the example with its `document` changed. */
async function render(document: Partial<NonNullable<MeetingSummary["document"]>> | null) {
  const summary = { ...example, document: { ...example.document, ...document } } as MeetingSummary;
  if (document === null) delete summary.document;
  for (const [key, value] of Object.entries(document ?? {})) {
    if (value === undefined) delete (summary.document as unknown as Record<string, unknown>)[key];
  }
  return renderSummary(summary, { template: "document" });
}

const styleOf = (xml: string) => attr(xml, "w:pStyle", "w:val");

describe("the document template's red header (版头)", () => {
  it("sets the 发文机关标志 in red 方正小标宋简体, 小初 (36 pt), centred", () => {
    expect(read.run("GwMark", "w:color", "w:val")).toBe("FF0000");
    expect(read.run("GwMark", "w:rFonts", "w:eastAsia")).toBe("方正小标宋简体");
    expect(read.run("GwMark", "w:sz", "w:val")).toBe("72");
    expect(read.paragraph("GwMark", "w:jc", "w:val")).toBe("center");
  });

  it("puts the mark's top edge 35 mm below the top of the 版心, off the grid", () => {
    // 35 mm = 1984 twips, less half the 4 pt the 40 pt exact line adds above the 36 pt face.
    expect(read.paragraph("GwMark", "w:spacing", "w:before")).toBe("1944");
    expect(read.paragraph("GwMark", "w:spacing", "w:line")).toBe("800");
    expect(read.paragraph("GwMark", "w:spacing", "w:lineRule")).toBe("exact");
    expect(read.paragraph("GwMark", "w:snapToGrid", "w:val")).toBe("0");
  });

  it("centres the 发文字号 two lines below the mark, with the red separator 4 mm under it", () => {
    expect(read.paragraph("GwDocumentNumber", "w:jc", "w:val")).toBe("center");
    expect(read.paragraph("GwDocumentNumber", "w:spacing", "w:before")).toBe("1158");
    const border = /<w:pBdr><w:bottom [^>]*\/><\/w:pBdr>/.exec(read.style("GwDocumentNumber"))?.[0] ?? "";
    expect(attr(border, "w:bottom", "w:val")).toBe("single");
    expect(attr(border, "w:bottom", "w:color")).toBe("FF0000");
    // w:space in points, below the line's own leading: 4 mm under the characters. No indents: the rule
    // spans the 156 mm text block.
    expect(attr(border, "w:bottom", "w:space")).toBe("6");
    expect(read.paragraph("GwDocumentNumber", "w:ind", "w:left")).toBeUndefined();
  });

  it("puts the title two lines below the separator", () => {
    expect(read.paragraph("GwDocumentTitle", "w:spacing", "w:before")).toBe("1158");
    expect(read.run("GwDocumentTitle", "w:sz", "w:val")).toBe("44");
  });

  it("prints a downward document's number centred under the mark", async () => {
    const body = paragraphs(await render({ direction: "downward", signer: undefined }));
    expect(body.slice(0, 3).map((p) => [p.text, styleOf(p.xml)])).toEqual([
      ["中共某某支部委员会文件", "GwMark"],
      ["某支发〔2026〕5号", "GwDocumentNumber"],
      ["中共某某支部委员会\n关于召开巡视整改专题组织生活会情况的报告", "GwDocumentTitle"],
    ]);
  });

  it("prints an upward document's number 1 character in at the left and 签发人 1 in at the right", async () => {
    const [, line] = paragraphs(await render({}));
    expect(line?.text).toBe("\t某支发〔2026〕5号\t签发人：张某某");
    expect(styleOf(line?.xml ?? "")).toBe("GwDocumentNumberUpward");
    const tabs = [...(line?.xml ?? "").matchAll(/<w:tab w:val="(\w+)" w:pos="(\d+)"\/>/g)].map((m) => [
      m[1],
      m[2],
    ]);
    // 156 mm is 8844 twips; one 3号 character 320.
    expect(tabs).toEqual([
      ["left", "320"],
      ["right", "8524"],
    ]);
    // The label in 仿宋 (the paragraph's), the name in 楷体.
    expect(/<w:rStyle w:val="GwSigner"\/><\/w:rPr><w:t[^>]*>张某某</.test(line?.xml ?? "")).toBe(true);
    expect(read.run("GwDocumentNumberUpward", "w:rFonts", "w:eastAsia", "GwSigner")).toBe("楷体_GB2312");
    expect(read.run("GwDocumentNumberUpward", "w:rFonts", "w:eastAsia")).toBe("仿宋_GB2312");
  });
});

describe("the document template's sealed sign-off (7.3.5.1)", () => {
  it("puts the date 4 characters in and centres the signature over it", () => {
    // 中共某某支部委员会 is 9 wide, 2026年1月20日 6.5: (6.5 − 9) / 2 + 4 = 2.75.
    expect(sealedSignOffIndents("中共某某支部委员会", "2026年1月20日")).toEqual({ signature: 2.75, date: 4 });
  });

  it("moves the date left when a long signature would pass the margin", () => {
    // 19 wide over 6: centred on a date 4 in, the signature would pass the margin by 2.5.
    const long = "中共某某省某某市某某区某某街道工作委员";
    expect(sealedSignOffIndents(long, "2026年1月5日")).toEqual({ signature: 0, date: 7 - 0.5 });
  });

  it("leaves three lines above the signature for the seal", () => {
    const xml = sealedSignOffXml("中共某某支部委员会", "2026年1月20日");
    expect([...xml.matchAll(/<w:ind w:right="(\d+)"\/>/g)].map((m) => m[1])).toEqual(["880", "1280"]);
    expect(/<w:spacing w:before="(\d+)"\/>/.exec(xml)?.[1]).toBe("1737");
  });

  it("is what the rendered document ends its body with", async () => {
    const texts = paragraphs(await render({})).map((p) => p.text);
    const at = texts.indexOf("中共某某支部委员会", 2);
    expect(texts.slice(at, at + 2)).toEqual(["中共某某支部委员会", "2026年1月20日"]);
  });
});

describe("the document template's 版记", () => {
  it("is a text-block-wide table with 1 pt outer rules, a 0.75 pt rule between, no side rules", () => {
    // The 版记 is the last table: the attachment tables come before it.
    const table = [...partXml(docx).matchAll(/<w:tblBorders>[\s\S]*?<\/w:tblBorders>/g)].at(-1)?.[0] ?? "";
    expect(attr(table, "w:top", "w:sz")).toBe("8");
    expect(attr(table, "w:bottom", "w:sz")).toBe("8");
    expect(attr(table, "w:insideH", "w:sz")).toBe("6");
    expect(attr(table, "w:left", "w:val")).toBe("none");
    expect(attr(table, "w:right", "w:val")).toBe("none");
    expect(attr(partXml(docx), "w:tblW", "w:w")).toBe("8844");
  });

  it("floats to the foot of the 版心, placed from the page edge at the left margin", async () => {
    for (const [margins, left] of [
      ["print", "1588"],
      ["screen", "1531"],
    ] as const) {
      const xml = partXml(await buildDocumentTemplate({ margins }));
      const table = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].at(-1)?.[0] ?? "";
      expect(attr(table, "w:tblpPr", "w:horzAnchor")).toBe("page");
      expect(attr(table, "w:tblpPr", "w:tblpX")).toBe(left);
      expect(attr(table, "w:tblpPr", "w:vertAnchor")).toBe("margin");
      expect(attr(table, "w:tblpPr", "w:tblpYSpec")).toBe("bottom");
      // No default cell margin that Word and LibreOffice would shift a floating table by.
      const defaults = /<w:tblCellMar>[\s\S]*?<\/w:tblCellMar>/.exec(table)?.[0] ?? "";
      expect([attr(defaults, "w:left", "w:w"), attr(defaults, "w:right", "w:w")]).toEqual(["0", "0"]);
    }
  });

  it("stands in a last section of its own that starts on an even page, without page numbers", async () => {
    const xml = partXml(await render({}));
    // The text's section, the blank page's where the text ends on an even page (see pagination.test.ts),
    // the 版记's.
    const found = [...xml.matchAll(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g)].map(([s]) => s);
    const [text, imprint] = [found[0], found.at(-1)];
    // The text's section ends in a 1 pt paragraph of its own, outside every loop, and keeps the page numbers.
    expect(text).toContain('w:type="default" r:id="rId6"');
    const end = xml.lastIndexOf("<w:p>", xml.indexOf("<w:sectPr>"));
    expect(xml.slice(end, xml.indexOf("<w:sectPr>"))).not.toMatch(/<w:t[ >]/);
    expect(attr(xml.slice(end), "w:spacing", "w:line")).toBe("20");
    // The 版记's section: on the next even page (a blank page before it when the text ends on one).
    expect(attr(imprint ?? "", "w:type", "w:val")).toBe("evenPage");
    const footers = [...(imprint ?? "").matchAll(/r:id="(rId\d+)"/g)].map((m) => m[1]);
    expect(footers).toHaveLength(2);
    const docx = await render({});
    const rels = partXml(docx, "word/_rels/document.xml.rels");
    for (const id of footers) {
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? "";
      expect(partXml(docx, `word/${target}`)).not.toContain("PAGE");
    }
    // In its section: a 1 pt paragraph (LibreOffice would anchor a table that opens a section to the
    // section before), the table, and the empty anchor paragraph the table floats on.
    const section = xml.slice(xml.lastIndexOf("</w:sectPr></w:pPr>"));
    const before = section.slice(0, section.indexOf("<w:tbl>"));
    const after = section.slice(section.lastIndexOf("</w:tbl>"));
    expect([before.match(/<w:p[ >/]/g)?.length, after.match(/<w:p[ >/]/g)?.length]).toEqual([1, 1]);
    expect(before + after).not.toMatch(/<w:t[ >]/);
  });

  it("prints 抄送 and 印发 in 4号 仿宋 with 1-character insets", async () => {
    expect(read.run("GwImprint", "w:sz", "w:val")).toBe("28");
    expect(read.run("GwImprint", "w:rFonts", "w:eastAsia")).toBe("仿宋_GB2312");
    const xml = partXml(await render({}));
    const table = /<w:tbl>[\s\S]*<\/w:tbl>/.exec(xml)?.[0] ?? "";
    const cells = [...table.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map(([tc]) => [
      attr(tc, "w:left", "w:w"),
      attr(tc, "w:right", "w:w"),
      [...tc.matchAll(/<w:t[^>]*>([^<]*)</g)].map((m) => m[1]).join(""),
    ]);
    expect(cells).toEqual([
      ["280", "0", "抄送："],
      ["0", "280", "中共某某纪律检查委员会，中共某某委员会组织部。"],
      ["280", "280", "中共某某支部委员会\t2026年1月20日印发"],
    ]);
  });

  it("drops the 抄送 row without a cc list; without a 印发机关 there is no document", async () => {
    const noCopy = partXml(await render({ copyTo: undefined }));
    expect(noCopy).not.toContain("抄送");
    expect(noCopy).toContain("印发");
    await expect(
      render({ copyTo: undefined, printer: undefined, printDate: undefined }),
    ).rejects.toMatchObject({
      issues: [
        { path: ["document", "printer"], code: "required_by_template" },
        { path: ["document", "printDate"], code: "required_by_template" },
      ],
    });
  });
});

describe("the document template's file", () => {
  it("comes out byte for byte the same on every build", async () => {
    expect(Buffer.compare(Buffer.from(await buildDocumentTemplate()), Buffer.from(docx))).toBe(0);
  });

  it("is what templates/document.docx holds (else: npm run build && npm run templates)", () => {
    const committed = readFileSync(join(__dirname, "..", "..", "templates", "document.docx"));
    expect(Buffer.compare(committed, Buffer.from(docx))).toBe(0);
  });
});
