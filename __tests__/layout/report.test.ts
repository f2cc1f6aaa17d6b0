import { readFileSync } from "node:fs";
import { join } from "node:path";
import PizZip from "pizzip";
import { buildReportTemplate } from "../../src/layout/report";
import { paragraphs, partXml } from "../helpers/docx";
import { attr, inner, styleReader } from "../helpers/styles";

let docx: Uint8Array;
let styles: string;
let document: string;

beforeAll(async () => {
  docx = await buildReportTemplate();
  styles = partXml(docx, "word/styles.xml");
  document = partXml(docx);
});

/** The styles of the text set on the 22 × 28 grid (all but the page number). */
const TEXT_STYLES = ["GwTitle", "GwRecipient", "GwBody", "GwHeading1", "GwHeading2", "GwSignature", "GwDate"];

let reader: ReturnType<typeof styleReader>;
beforeAll(() => {
  reader = styleReader(docx);
});

const style = (id: string) => reader.style(id);
const chain = (id: string) => reader.chain(id);
/**
 * A run property as a reader resolves it (docx-inspect does the same): the run's character style, the
 * paragraph's style chain, then the document defaults.
 */
const runValue = (paragraphStyle: string, el: string, name: string, characterStyle?: string) =>
  reader.run(paragraphStyle, el, name, characterStyle);
/** A paragraph property, resolved through the style chain and the paragraph defaults. */
const paragraphValue = (paragraphStyle: string, el: string, name: string) =>
  reader.paragraph(paragraphStyle, el, name);

function hasInChain(paragraphStyle: string, el: string): boolean {
  return chain(paragraphStyle).some((s) => new RegExp(`<${el}(?=[ />])`).test(s));
}

/** The name of the footer part a section uses for "default" (odd) or "even" pages. */
function footerPart(kind: "default" | "even"): string {
  const rid = new RegExp(`<w:footerReference w:type="${kind}" r:id="([^"]+)"`).exec(document)?.[1];
  const rels = partXml(docx, "word/_rels/document.xml.rels");
  return `word/${new RegExp(`Id="${rid}"[^>]* Target="([^"]+)"`).exec(rels)?.[1]}`;
}

function footer(kind: "default" | "even"): string {
  return partXml(docx, footerPart(kind));
}

describe("the report template's page", () => {
  it("is A4 with the GB/T 9704 margins (37/35/28/26 mm)", () => {
    expect(attr(document, "w:pgSz", "w:w")).toBe("11906");
    expect(attr(document, "w:pgSz", "w:h")).toBe("16838");
    expect(attr(document, "w:pgMar", "w:top")).toBe("2098");
    expect(attr(document, "w:pgMar", "w:bottom")).toBe("1984");
    expect(attr(document, "w:pgMar", "w:left")).toBe("1588");
    expect(attr(document, "w:pgMar", "w:right")).toBe("1474");
  });

  it("puts the page number 7 mm below the text block: footer distance 1447 twips", () => {
    // 1984 bottom margin − 397 (7 mm) − 140 (half the 14 pt page-number line).
    expect(attr(document, "w:pgMar", "w:footer")).toBe("1447");
  });

  it("has a lines-only document grid of 579 twips and no character pitch LibreOffice would misread", () => {
    const grid = /<w:docGrid [^>]*\/>/.exec(document)?.[0] ?? "";
    expect(attr(grid, "w:docGrid", "w:type")).toBe("lines");
    expect(attr(grid, "w:docGrid", "w:linePitch")).toBe("579");
    expect(grid).not.toContain("w:charSpace");
  });
});

describe("the report template's styles", () => {
  it.each([
    ["GwTitle", undefined, "方正小标宋简体", "44"],
    ["GwRecipient", undefined, "仿宋_GB2312", "32"],
    ["GwBody", undefined, "仿宋_GB2312", "32"],
    ["GwHeading1", undefined, "黑体", "32"],
    ["GwHeading2", undefined, "仿宋_GB2312", "32"],
    ["GwHeading2", "GwRunIn2", "楷体_GB2312", "32"],
    ["GwBody", "GwRunIn3", "仿宋_GB2312", "32"],
    ["GwSignature", undefined, "仿宋_GB2312", "32"],
    ["GwDate", undefined, "仿宋_GB2312", "32"],
  ])(
    "%s (run style %s) sets %s as the East Asian font at %s half-points, Times New Roman for Latin",
    (p, r, font, size) => {
      expect(runValue(p, "w:rFonts", "w:eastAsia", r)).toBe(font);
      expect(runValue(p, "w:rFonts", "w:ascii", r)).toBe("Times New Roman");
      expect(runValue(p, "w:rFonts", "w:hAnsi", r)).toBe("Times New Roman");
      expect(runValue(p, "w:sz", "w:val", r)).toBe(size);
    },
  );

  it("sets the page number in 14 pt 宋体, digits included", () => {
    expect(runValue("GwPageNumber", "w:rFonts", "w:eastAsia")).toBe("宋体");
    expect(runValue("GwPageNumber", "w:rFonts", "w:ascii")).toBe("宋体");
    expect(runValue("GwPageNumber", "w:sz", "w:val")).toBe("28");
  });

  it("tightens text by 0.25 pt a character (28 a line) but not the page number", () => {
    for (const id of TEXT_STYLES) {
      expect([id, runValue(id, "w:spacing", "w:val")]).toEqual([id, "-5"]);
    }
    expect(runValue("GwPageNumber", "w:spacing", "w:val")).toBeUndefined();
  });

  it("makes level-3 run-in headings bold", () => {
    expect(style("GwRunIn3")).toMatch(/<w:rPr><w:b\/>/);
  });

  it("uses no theme fonts in any part", () => {
    const zip = new PizZip(docx);
    const parts = Object.keys(zip.files).filter((name) => name.endsWith(".xml"));
    const themed = parts.filter((name) =>
      /w:(ascii|hAnsi|eastAsia|cs)Theme=/.test(zip.file(name)?.asText() ?? ""),
    );
    expect(themed).toEqual([]);
  });

  it("spaces every line 28.95 pt exact, the 22-lines-a-page pitch", () => {
    for (const id of TEXT_STYLES) {
      expect([
        id,
        paragraphValue(id, "w:spacing", "w:line"),
        paragraphValue(id, "w:spacing", "w:lineRule"),
      ]).toEqual([id, "579", "exact"]);
    }
  });

  it("centres the title off the grid, with one blank line's spacing after it", () => {
    expect(paragraphValue("GwTitle", "w:jc", "w:val")).toBe("center");
    expect(paragraphValue("GwTitle", "w:spacing", "w:after")).toBe("579");
    expect(paragraphValue("GwTitle", "w:snapToGrid", "w:val")).toBe("0");
  });

  it("sets the recipient flush left with no indent", () => {
    expect(paragraphValue("GwRecipient", "w:jc", "w:val")).toBe("left");
    expect(paragraphValue("GwRecipient", "w:ind", "w:firstLine")).toBeUndefined();
  });

  it("justifies body paragraphs and indents their first line 2 characters", () => {
    for (const id of ["GwBody", "GwHeading1", "GwHeading2"]) {
      expect([id, paragraphValue(id, "w:jc", "w:val"), paragraphValue(id, "w:ind", "w:firstLine")]).toEqual([
        id,
        "both",
        "640",
      ]);
    }
  });

  it("gives headings outline levels for Word's navigation pane, and keeps level 1 with its text", () => {
    expect(paragraphValue("GwHeading1", "w:outlineLvl", "w:val")).toBe("0");
    expect(paragraphValue("GwHeading2", "w:outlineLvl", "w:val")).toBe("1");
    expect(paragraphValue("GwBody", "w:outlineLvl", "w:val")).toBeUndefined();
    expect(hasInChain("GwHeading1", "w:keepNext")).toBe(true);
    expect(hasInChain("GwHeading1", "w:keepLines")).toBe(true);
  });

  it("right-aligns the signature and the date", () => {
    expect(paragraphValue("GwSignature", "w:jc", "w:val")).toBe("right");
    expect(paragraphValue("GwDate", "w:jc", "w:val")).toBe("right");
  });

  it("turns widow control on, said outright, so no line stands alone at a page's foot or head", () => {
    expect(inner(styles, "w:pPrDefault")).toContain("<w:widowControl/>");
    expect(attr(inner(styles, "w:pPrDefault"), "w:widowControl", "w:val")).toBeUndefined();
  });

  it("sets table text at least 20 pt a line, off the grid, so cells neither clip nor spread to 28.95 pt", () => {
    expect(paragraphValue("GwTableText", "w:spacing", "w:lineRule")).toBe("atLeast");
    expect(paragraphValue("GwTableText", "w:spacing", "w:line")).toBe("400");
    expect(attr(style("GwTableText"), "w:snapToGrid", "w:val")).toBe("0");
    expect(runValue("GwTableText", "w:sz", "w:val")).toBe("28");
  });

  it("offers only its own styles in Word's gallery, not the docx package's blue headings", () => {
    expect(styles).not.toMatch(/w:styleId="(Title|Heading\d|Caption|TOC\d)"/);
    expect(style("GwHeading1")).toContain('<w:name w:val="公文-一级标题"/>');
  });

  it("lists the fonts with the names Word falls back to", () => {
    const fonts = partXml(docx, "word/fontTable.xml");
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    expect(fonts).toContain('<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/>');
  });
});

describe("the report template's footers", () => {
  it("switches odd and even footers on", () => {
    expect(partXml(docx, "word/settings.xml")).toMatch(/<w:evenAndOddHeaders\/>/);
  });

  it("prints — N — on odd pages at the right, 1 character in", () => {
    const xml = footer("default");
    expect(paragraphs(docx, footerPart("default")).map((p) => p.text)).toEqual(["\u2014 1 \u2014"]);
    expect(attr(xml, "w:pStyle", "w:val")).toBe("GwPageNumber");
    expect(attr(xml, "w:jc", "w:val")).toBe("right");
    expect(attr(xml, "w:ind", "w:right")).toBe("280");
  });

  it("prints — N — on even pages at the left, 1 character in", () => {
    const xml = footer("even");
    expect(paragraphs(docx, footerPart("even")).map((p) => p.text)).toEqual(["\u2014 1 \u2014"]);
    expect(attr(xml, "w:pStyle", "w:val")).toBe("GwPageNumber");
    expect(attr(xml, "w:jc", "w:val")).toBe("left");
    expect(attr(xml, "w:ind", "w:left")).toBe("280");
  });

  it.each(["default", "even"] as const)("gives the %s footer's PAGE field a cached result", (kind) => {
    const runs = [...footer(kind).matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map(([, run]) => {
      const field = /<w:fldChar w:fldCharType="(\w+)"\/>/.exec(run ?? "");
      if (field) return field[1];
      return /<w:(?:t|instrText)[^>]*>([^<]*)</.exec(run ?? "")?.[1];
    });
    expect(runs).toEqual(["\u2014 ", "begin", " PAGE ", "separate", "1", "end", " \u2014"]);
  });
});

describe("the report template's body", () => {
  it("holds the tags in reading order, each control tag alone in its paragraph", () => {
    const body = paragraphs(docx).map((p) => [p.text, attr(p.xml, "w:pStyle", "w:val") ?? "-"]);
    expect(body).toEqual([
      ["{title}", "GwTitle"],
      ["{#recipient}", "-"],
      ["{recipient}：", "GwRecipient"],
      ["{/recipient}", "-"],
      ["{#opening}", "-"],
      ["{text}", "GwBody"],
      ["{/opening}", "-"],
      ["{#sections}", "-"],
      ["{number}{heading}", "GwHeading1"],
      ["{#blocks}", "-"],
      ["{#isParagraph}", "-"],
      ["{text}", "GwBody"],
      ["{/isParagraph}", "-"],
      ["{#isLevel2}", "-"],
      ["{#text}", "-"],
      ["{number}{heading}{text}", "GwHeading2"],
      ["{/text}", "-"],
      ["{^text}", "-"],
      ["{number}{heading}", "GwHeading2"],
      ["{/text}", "-"],
      ["{/isLevel2}", "-"],
      ["{#isLevel3}", "-"],
      ["{#text}", "-"],
      ["{number}{heading}{text}", "GwBody"],
      ["{/text}", "-"],
      ["{^text}", "-"],
      ["{number}{heading}", "GwBody"],
      ["{/text}", "-"],
      ["{/isLevel3}", "-"],
      ["{#isLevel4}", "-"],
      ["{#text}", "-"],
      ["{number}{heading}{text}", "GwBody"],
      ["{/text}", "-"],
      ["{^text}", "-"],
      ["{number}{heading}", "GwBody"],
      ["{/text}", "-"],
      ["{/isLevel4}", "-"],
      ["{#isOrdinal}", "-"],
      ["{number}{text}", "GwBody"],
      ["{/isOrdinal}", "-"],
      ["{/blocks}", "-"],
      ["{/sections}", "-"],
      ["{#closing}", "-"],
      ["{text}", "GwBody"],
      ["{/closing}", "-"],
      ["{#attachments}", "-"],
      ["{#isOnly}", "-"],
      ["附件：{title}", "GwBody"],
      ["{/isOnly}", "-"],
      ["{#isFirst}", "-"],
      ["附件：{noteNumber}{title}", "GwBody"],
      ["{/isFirst}", "-"],
      ["{#isNotFirst}", "-"],
      ["{noteNumber}{title}", "GwBody"],
      ["{/isNotFirst}", "-"],
      ["{/attachments}", "-"],
      ["{@signOff}", "-"],
      ["{#attachments}", "-"],
      ["{label}", "-"],
      ["{titleLines}", "GwTitle"],
      ["{#paragraphs}", "-"],
      ["{text}", "GwBody"],
      ["{/paragraphs}", "-"],
      ["{#isRectification}", "-"],
      ...["序号", "存在问题", "整改措施", "责任人", "完成时限", "整改状态"].map((h) => [h, "GwTableText"]),
      ["{#rectificationRows}{number}", "GwTableText"],
      ...["{problem}", "{measure}", "{owner}", "{deadline}"].map((t) => [t, "GwTableText"]),
      ["{status}{/rectificationRows}", "GwTableText"],
      ["{/isRectification}", "-"],
      ["{#isEvaluation}", "-"],
      ...["评议等次", "人数", "占评定等次党员比例"].map((h) => [h, "GwTableText"]),
      ["{#evaluationRows}{grade}", "GwTableText"],
      ["{count}", "GwTableText"],
      ["{share}{/evaluationRows}", "GwTableText"],
      ["{/isEvaluation}", "-"],
      ["{/attachments}", "-"],
    ]);
  });

  it("never splits a tag across runs", () => {
    const texts = [...document.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map(([, t]) => t ?? "");
    // Besides tags, only the fixed words of the 附件说明 and the attachment tables' header rows.
    const fixed =
      /^(附件：)?(\{[^{}]+\})+：?$|^(序号|存在问题|整改措施|责任人|完成时限|整改状态|评议等次|人数|占评定等次党员比例)$/;
    expect(texts.filter((t) => !fixed.test(t))).toEqual([]);
  });

  it("sets run-in headings in their own run and character style, the text after them in another", () => {
    const runs = (p: string) =>
      [...p.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map(([, r]) => [
        attr(r ?? "", "w:rStyle", "w:val") ?? "-",
        /<w:t[^>]*>([^<]*)</.exec(r ?? "")?.[1],
      ]);
    const items = paragraphs(docx).filter((p) => p.text === "{number}{heading}{text}");
    expect(items.map((p) => runs(p.xml))).toEqual([
      [
        ["GwRunIn2", "{number}{heading}"],
        ["-", "{text}"],
      ],
      [
        ["GwRunIn3", "{number}{heading}"],
        ["-", "{text}"],
      ],
      [
        ["-", "{number}{heading}"],
        ["-", "{text}"],
      ],
    ]);
  });
});

describe("the report template's file", () => {
  it("takes the report's title into its properties and carries fixed dates", () => {
    const core = partXml(docx, "docProps/core.xml");
    expect(core).toContain("<dc:title>{title}</dc:title>");
    expect(core).toMatch(/<dcterms:created [^>]*>2026-01-01T00:00:00Z</);
    expect(core).toMatch(/<dcterms:modified [^>]*>2026-01-01T00:00:00Z</);
  });

  it("marks text as Chinese (zh-CN) for spelling and line breaking", () => {
    expect(attr(inner(styles, "w:rPrDefault"), "w:lang", "w:eastAsia")).toBe("zh-CN");
  });

  it("comes out byte for byte the same on every build", async () => {
    const again = await buildReportTemplate();
    expect(Buffer.compare(Buffer.from(again), Buffer.from(docx))).toBe(0);
  });

  it("is what templates/report.docx holds (else: npm run build && npm run templates)", () => {
    const committed = readFileSync(join(__dirname, "..", "..", "templates", "report.docx"));
    expect(Buffer.compare(committed, Buffer.from(docx))).toBe(0);
  });
});
