import { linePitch, resolveLayout, textBlockHeight } from "../../src/layout/options";
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

/** The space above each paragraph that has some, in twips, in document order. */
const spacings = (xml: string) => [...xml.matchAll(/<w:spacing w:before="(\d+)"/g)].map((m) => m[1]);

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

  it("fills the text block between the margins with linesPerPage lines, for either margins", () => {
    expect(textBlockHeight(resolveLayout())).toBe(12756); // 225 mm
    expect(textBlockHeight(resolveLayout({ margins: "screen" }))).toBe(13031); // 229.84 mm
    expect(linePitch(resolveLayout())).toBe(579); // 28.95 pt
    expect(linePitch(resolveLayout({ margins: "screen" }))).toBe(592); // 29.6 pt
    for (const margins of ["print", "screen"] as const) {
      for (let lines = 18; lines <= 26; lines++) {
        const layout = resolveLayout({ margins, linesPerPage: lines });
        const height = textBlockHeight(layout);
        // The lines fit with room to spare in LibreOffice's 1/100 mm, and two twips more a line would not:
        // they fill the block to within two twips a line (25 lines: 509, not 510).
        const hmm = (twips: number) => Math.round((twips * 2540) / 1440);
        expect([
          lines * hmm(linePitch(layout)) < hmm(height),
          lines * (linePitch(layout) + 2) > height,
        ]).toEqual([true, true]);
      }
    }
  });

  it("spaces every blank line of a built-in template in its own pitch: sign-off, seal, 附件说明, attachment title", async () => {
    const summary = {
      ...seedReport(),
      signature: "中共某某支部委员会",
      date: "2026-01-20",
      attachments: [{ title: "参会人员名单", paragraphs: ["张某某"] }],
    };
    const report = partXml(await renderSummary(summary, { layout: { linesPerPage: 20 } }));
    // The 附件说明, the sign-off and the attachment's title: one 637-twip line each.
    expect(spacings(report)).toEqual(["637", "637", "637"]);
    const document = partXml(
      await renderSummary(
        {
          ...summary,
          document: {
            issuer: "中共某某支部委员会",
            documentNumber: "某支发〔2026〕1号",
            printer: "中共某某支部委员会",
            printDate: "2026-01-20",
          },
        },
        { template: "document", layout: { linesPerPage: 20 } },
      ),
    );
    // The sealed sign-off leaves three lines for the seal.
    expect(spacings(document)).toEqual(["637", "1911", "637"]);
  });

  it("leaves a template of your own GB/T 9704's 28.95 pt blank line above the sign-off", async () => {
    const own = await buildReportTemplate({ linesPerPage: 20 });
    const signed = { ...seedReport(), signature: "中共某某支部委员会", date: "2026-01-20" };
    const xml = partXml(await renderSummary(signed, { template: own }));
    expect(spacings(xml)).toEqual(["579"]);
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
