import PizZip from "pizzip";
import { buildDocumentTemplate } from "../../src/layout/document";
import { buildMinutesTemplate } from "../../src/layout/minutes";
import type { ResolvedLayout } from "../../src/layout/options";
import { patchLayout } from "../../src/layout/patch";
import { buildReportTemplate } from "../../src/layout/report";
import { builtInTemplate } from "../../src/template/builtin";
import { layoutPatch } from "../../src/template/prebuilt/report";
import { everyLayout } from "../helpers/layouts";

const builders = {
  report: buildReportTemplate,
  document: buildDocumentTemplate,
  minutes: buildMinutesTemplate,
} as const;

const layouts = everyLayout;

/** Every part of a .docx as [name, text], in the zip's order. */
function parts(docx: Uint8Array): [string, string][] {
  const zip = new PizZip(docx);
  return Object.keys(zip.files).map((name) => [name, zip.files[name]?.asText() ?? ""]);
}

describe("the built-in templates in other layouts, patched from the prebuilt default", () => {
  it("covers 36 layouts", () => {
    expect(layouts).toHaveLength(36);
    expect(new Set(layouts.map((l) => `${l.fonts}/${l.margins}/${l.linesPerPage}`)).size).toBe(36);
  });

  it.each(Object.keys(builders) as (keyof typeof builders)[])(
    "gives %s in every layout byte for byte as the layout code builds it (else: npm run templates)",
    async (name) => {
      for (const layout of layouts) {
        const patched = await builtInTemplate(name, layout);
        const built = await builders[name](layout);
        // One layout at a time, so that a failure names it, and the parts' texts first, to show the change.
        expect({ layout, parts: parts(patched) }).toEqual({ layout, parts: parts(built) });
        expect({ layout, same: Buffer.from(patched).equals(Buffer.from(built)) }).toEqual({
          layout,
          same: true,
        });
      }
    },
    60_000,
  );

  it("changes the values the layout sets: faces, line pitch, margins", async () => {
    const xml = (docx: Uint8Array, part: string) => new PizZip(docx).file(part)?.asText() ?? "";
    const plain = await builtInTemplate("report", { fonts: "plain", margins: "screen", linesPerPage: 20 });
    expect(xml(plain, "word/fontTable.xml")).toContain('<w:font w:name="仿宋"><w:altName w:val="FangSong"/>');
    expect(xml(plain, "word/styles.xml")).not.toContain("_GB2312");
    expect(xml(plain, "word/document.xml")).toContain('w:linePitch="651"');
    expect(xml(plain, "word/document.xml")).toMatch(/<w:pgMar w:top="1960" w:right="1531" w:bottom="1847"/);
  });

  it("refuses a patch that does not fit the template", async () => {
    const template = await builtInTemplate("report");
    const layout: ResolvedLayout = { fonts: "plain", margins: "print", linesPerPage: 22 };
    const beyond = { "word/styles.xml": [[10_000_000, 3, { pitch: 1 }]] } as const;
    expect(() => patchLayout(template, beyond, layout)).toThrow(/does not fit/);
    const overlapping = { "word/styles.xml": [...(layoutPatch["word/styles.xml"] ?? [])].reverse() };
    expect(() => patchLayout(template, overlapping, layout)).toThrow(/does not fit/);
  });
});
