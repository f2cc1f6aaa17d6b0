import { readFileSync } from "node:fs";
import Docxtemplater from "docxtemplater";
import PizZip from "pizzip";
import { toView } from "../../src/format/view";
import { builtInTemplate } from "../../src/template/builtin";
import { openTemplate } from "../../src/template/open";
import { renderTemplate } from "../../src/template/render";
import { fullFactsSummary, minimalSummary, seedReport } from "../fixtures/summaries";
import { partXml } from "../helpers/docx";
import { reportWith } from "../helpers/templates";

/**
 * renderTemplate compiles a template once and renders it again and again, resetting docxtemplater's
 * per-render state (see renderCompiled). These tests fail loudly when a docxtemplater release changes
 * the internals that relies on.
 */

const pinned = JSON.parse(readFileSync("package.json", "utf8")).dependencies.docxtemplater;
const installed = JSON.parse(readFileSync(require.resolve("docxtemplater/package.json"), "utf8")).version;

/** What docxtemplater alone makes of the template and view: a fresh instance, rendered once. */
function plain(template: Uint8Array, view: object): Map<string, string> {
  const doc = new Docxtemplater(new PizZip(template), {
    paragraphLoop: true,
    linebreaks: true,
    nullGetter: () => "",
  });
  doc.render(view);
  const zip = doc.getZip();
  const texts = new Map<string, string>();
  for (const [name, file] of Object.entries(zip.files)) {
    if (!file.dir && /\.(xml|rels)$/.test(name)) texts.set(name, file.asText());
  }
  return texts;
}

function texts(docx: Uint8Array): Map<string, string> {
  const zip = new PizZip(docx);
  const out = new Map<string, string>();
  for (const [name, file] of Object.entries(zip.files)) {
    if (!file.dir && /\.(xml|rels)$/.test(name)) out.set(name, file.asText());
  }
  return out;
}

describe("one compiled template, many renders", () => {
  it("runs on the exact docxtemplater version package.json pins", () => {
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    expect(installed).toBe(pinned);
  });

  it("renders each view as a fresh docxtemplater instance would, whatever was rendered before", async () => {
    // A template of its own (no sign-off) so that every part compares as docxtemplater alone makes it.
    const template = await reportWith((xml) => xml.replace("{@signOff}", ""));
    const views = [seedReport(), minimalSummary(), fullFactsSummary(), seedReport()].map((s) => toView(s));
    for (const view of views) {
      const ours = texts(renderTemplate(template, view, { missingValues: "empty" }));
      const theirs = plain(template, view);
      expect([...ours.keys()].sort()).toEqual([...theirs.keys()].sort());
      for (const [name, text] of theirs) expect({ name, text: ours.get(name) }).toEqual({ name, text });
    }
  });

  it("keeps the template's compressed bytes for every part the render leaves unchanged", async () => {
    const template = await builtInTemplate("report");
    const docx = renderTemplate(template, toView(seedReport()));
    // Each part's data as the zip stores it (compressed), read from the zip's own directory.
    const stored = (bytes: Uint8Array) =>
      new Map(openTemplate(bytes).parts.map((p) => [p.name, Buffer.from(p.data).toString("base64")]));
    const before = stored(template);
    const after = stored(docx);
    const changed = [...after].filter(([name, data]) => before.get(name) !== data).map(([name]) => name);
    // document.xml takes the report, core.xml the title ({title} in its dc:title).
    expect(changed.sort()).toEqual(["docProps/core.xml", "word/document.xml"]);
    expect(partXml(docx)).toContain("巡视整改专题组织生活会总结报告");
  });

  it("does not let a change to the caller's buffer reach a template already compiled", async () => {
    const template = (await builtInTemplate("report")).slice();
    const view = toView(seedReport());
    const first = renderTemplate(template, view);
    const copy = template.slice();
    template.fill(0, 0, template.length); // the same buffer, now rubbish
    expect(renderTemplate(copy, view)).toEqual(first);
    // The changed buffer itself is compiled afresh, not served from what it held before.
    expect(() => renderTemplate(template, view)).toThrow(
      expect.objectContaining({ code: "invalid_template" }),
    );
  });

  it("refuses an encrypted template", async () => {
    const bytes = (await builtInTemplate("report")).slice();
    const view = new DataView(bytes.buffer);
    // Set the "encrypted" flag of the first entry of the central directory.
    const eocd = bytes.length - 22;
    const central = view.getUint32(eocd + 16, true);
    view.setUint16(central + 8, view.getUint16(central + 8, true) | 1, true);
    expect(() => renderTemplate(bytes, toView(seedReport()))).toThrow(
      expect.objectContaining({
        code: "invalid_template",
        issues: [expect.objectContaining({ code: "not_a_docx" })],
      }),
    );
  });
});
