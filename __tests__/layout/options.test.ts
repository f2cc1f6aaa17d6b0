import { resolveLayout } from "../../src/layout/options";
import { buildReportTemplate } from "../../src/layout/report";
import { renderSummary } from "../../src/render-summary";
import { builtInTemplate } from "../../src/template/builtin";
import { seedReport } from "../fixtures/summaries";
import { partXml } from "../helpers/docx";
import { attr, styleReader } from "../helpers/styles";

describe("resolveLayout", () => {
  it("fills in the GB/T 9704 defaults", () => {
    expect(resolveLayout()).toEqual({ fonts: "gb2312", margins: "print", linesPerPage: 22 });
    expect(resolveLayout({ fonts: "plain" })).toEqual({ fonts: "plain", margins: "print", linesPerPage: 22 });
  });

  it("throws a RangeError for a value outside its set or range", () => {
    expect(() => resolveLayout({ fonts: "song" as never })).toThrow(
      new RangeError('layout.fonts must be "gb2312" or "plain" (got "song")'),
    );
    expect(() => resolveLayout({ margins: "wide" as never })).toThrow(RangeError);
    expect(() => resolveLayout({ linesPerPage: 40 })).toThrow(
      new RangeError("layout.linesPerPage must be a whole number from 18 to 26 (got 40)"),
    );
    expect(() => resolveLayout({ linesPerPage: 22.5 })).toThrow(RangeError);
  });

  it("throws a TypeError for options of the wrong type or an unknown option", () => {
    expect(() => resolveLayout("plain" as never)).toThrow(TypeError);
    expect(() => resolveLayout({ linesPerPage: "22" as never })).toThrow(TypeError);
    expect(() => resolveLayout({ font: "plain" } as never)).toThrow(
      new TypeError("layout.font is not a layout option (use fonts, margins, linesPerPage)"),
    );
  });
});

describe("layout options applied to a built-in template", () => {
  it('sets plain 仿宋 and 楷体 for fonts: "plain", and lists them in the font table', async () => {
    const docx = await buildReportTemplate({ fonts: "plain" });
    const read = styleReader(docx);
    expect(read.run("GwBody", "w:rFonts", "w:eastAsia")).toBe("仿宋");
    expect(read.run("GwHeading2", "w:rFonts", "w:eastAsia", "GwRunIn2")).toBe("楷体");
    expect(read.run("GwHeading1", "w:rFonts", "w:eastAsia")).toBe("黑体");
    expect(partXml(docx, "word/styles.xml")).not.toContain("_GB2312");
    expect(partXml(docx, "word/fontTable.xml")).toContain('<w:font w:name="仿宋">');
  });

  it('sets the GB/T 33476.2 screen margins for margins: "screen", the page number still 7 mm below', async () => {
    const document = partXml(await buildReportTemplate({ margins: "screen" }));
    // 34.58, 32.58 and 27 mm; footer 1447 − (1984 − 1847).
    expect(attr(document, "w:pgMar", "w:top")).toBe("1960");
    expect(attr(document, "w:pgMar", "w:bottom")).toBe("1847");
    expect(attr(document, "w:pgMar", "w:left")).toBe("1531");
    expect(attr(document, "w:pgMar", "w:right")).toBe("1531");
    expect(attr(document, "w:pgMar", "w:footer")).toBe("1310");
  });

  it("spaces lines 225 mm / linesPerPage exact, in the styles and the document grid", async () => {
    const docx = await buildReportTemplate({ linesPerPage: 20 });
    expect(attr(partXml(docx), "w:docGrid", "w:linePitch")).toBe("637");
    expect(styleReader(docx).paragraph("GwBody", "w:spacing", "w:line")).toBe("637");
  });

  it("builds the same bytes for the same options", async () => {
    const a = await buildReportTemplate({ fonts: "plain", margins: "screen" });
    const b = await buildReportTemplate({ margins: "screen", fonts: "plain" });
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
  });

  it("is cached per template name and options", async () => {
    expect(builtInTemplate("document", { fonts: "plain" })).toBe(
      builtInTemplate("document", { fonts: "plain" }),
    );
    expect(builtInTemplate("document")).toBe(builtInTemplate("document", { fonts: "gb2312" }));
    expect(builtInTemplate("document")).not.toBe(builtInTemplate("document", { fonts: "plain" }));
    expect(builtInTemplate("minutes")).not.toBe(builtInTemplate("document"));
  });

  it("reaches the template through renderSummary, and wrong options are refused before rendering", async () => {
    const docx = await renderSummary(seedReport(), { template: "minutes", layout: { fonts: "plain" } });
    expect(partXml(docx, "word/styles.xml")).not.toContain("仿宋_GB2312");
    await expect(renderSummary(seedReport(), { layout: { margins: "a4" as never } })).rejects.toThrow(
      RangeError,
    );
  });
});
