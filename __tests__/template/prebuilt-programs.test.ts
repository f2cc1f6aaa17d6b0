/**
 * The built-in templates' render programs as they ship (src/template/prebuilt/programs.ts): what Node
 * renders from without compiling. Each must be what docxtemplater's compile of the template gives, in
 * every layout, and rendering from it must give the bytes (and the errors) rendering a compiled template
 * gives, including where the render loop leaves the data to docxtemplater.
 */

import { toView } from "../../src/format/view";
import type { LayoutOptions } from "../../src/layout/options";
import { layoutEdits } from "../../src/layout/patch";
import { parseSummary } from "../../src/model/parse";
import { type BuiltInTemplate, builtInTemplate } from "../../src/template/builtin";
import { analyseTemplate } from "../../src/template/inspect";
import { openTemplate } from "../../src/template/open";
import * as documentModule from "../../src/template/prebuilt/document";
import { shipped as documentProgram } from "../../src/template/prebuilt/document-program";
import * as minutesModule from "../../src/template/prebuilt/minutes";
import { shipped as minutesProgram } from "../../src/template/prebuilt/minutes-program";
import * as reportModule from "../../src/template/prebuilt/report";
import { shipped as reportProgram } from "../../src/template/prebuilt/report-program";
import { patchProgramData, programData } from "../../src/template/prebuilt-programs";
import { compileTemplate } from "../../src/template/render";
import { forTemplate, fullFactsSummary, minimalSummary, seedReport } from "../fixtures/summaries";
import { everyLayout } from "../helpers/layouts";

type Library = typeof import("../../src/index");

const names: BuiltInTemplate[] = ["report", "document", "minutes"];
const modules = { report: reportModule, document: documentModule, minutes: minutesModule };
const programs = { report: reportProgram, document: documentProgram, minutes: minutesProgram };

const layouts = everyLayout;

type Render = typeof import("../../src/template/render");

/**
 * The library twice, each copy with caches of its own: rendering from the shipped programs (with its
 * template engine, to see which compiled form it took), and not.
 */
function copies(): { shipped: Library; engine: Render; compiling: Library } {
  let shipped: Library | undefined;
  let engine: Render | undefined;
  let compiling: Library | undefined;
  jest.isolateModules(() => {
    shipped = require("../../src/index-node") as Library;
    engine = require("../../src/template/render") as Render;
  });
  jest.isolateModules(() => {
    compiling = require("../../src/index") as Library;
  });
  return { shipped: shipped as Library, engine: engine as Render, compiling: compiling as Library };
}

/** What a call gives: the bytes as base64, or the error's code and issues. */
async function outcome(call: () => Promise<Uint8Array> | Uint8Array): Promise<unknown> {
  try {
    return Buffer.from(await call()).toString("base64");
  } catch (error) {
    const { code, issues } = error as { code?: string; issues?: unknown };
    return { code, issues, message: String(error) };
  }
}

describe("the built-in templates' shipped render programs", () => {
  it.each(names)(
    "ship %s's program and tags as docxtemplater compiles the template and inspect finds them (else: npm run templates)",
    async (name) => {
      const compiled = compileTemplate(await builtInTemplate(name));
      if (!compiled?.program) throw new Error(`${name} compiles to no render program`);
      expect(programs[name].program).toEqual(programData(compiled.program));
      expect(programs[name].tags).toEqual(analyseTemplate(compiled.parts).tags);
      expect(compiled.synced.size).toBe(0);
    },
  );

  it.each(names)(
    "patch %s's program to each of 36 layouts as docxtemplater compiles that layout",
    async (name) => {
      expect(layouts).toHaveLength(36);
      const shipped = programs[name]?.program;
      if (!shipped) throw new Error(`no program ships for ${name}`);
      const texts = openTemplate(await builtInTemplate(name)).texts;
      for (const layout of layouts) {
        const compiled = compileTemplate(await builtInTemplate(name, layout));
        if (!compiled?.program)
          throw new Error(`${name} in ${JSON.stringify(layout)} compiles to no program`);
        const patched = patchProgramData(shipped, texts, layoutEdits(modules[name].layoutPatch, layout));
        expect({ layout, patched }).toEqual({ layout, patched: programData(compiled.program) });
      }
    },
    60_000,
  );

  it("leaves a program it cannot patch to compiling: an edit outside every static part", () => {
    const shipped = programs.report.program;
    const texts = new Map([["word/document.xml", "x".repeat(10)]]);
    expect(patchProgramData(shipped, texts, { "word/document.xml": [[2, 3, "y"]] })).toBeUndefined();
  });

  it("render every template and layout from the shipped programs with the bytes a compiled template gives", async () => {
    const { shipped, engine, compiling } = copies();
    const summaries = [seedReport(), fullFactsSummary(), minimalSummary()];
    const some: (LayoutOptions | undefined)[] = [
      undefined,
      { fonts: "plain" },
      { margins: "screen", linesPerPage: 18 },
      { fonts: "plain", margins: "screen", linesPerPage: 26 },
    ];
    for (let round = 0; round < 2; round++) {
      for (const template of names) {
        for (const layout of some) {
          for (const summary of summaries) {
            const options = { template, ...(layout && { layout }) };
            const input = forTemplate(summary, template);
            const ours = await outcome(() => shipped.renderSummary(input, options));
            const theirs = await outcome(() => compiling.renderSummary(input, options));
            expect({ template, layout, ours }).toEqual({ template, layout, ours: theirs });
          }
          // It rendered from the shipped program (which comes with the template's analysis), and the
          // other copy compiled.
          const compiled = engine.cachedTemplate(await shipped.builtInTemplate(template, layout));
          expect({ template, layout, shipped: compiled?.analysis !== undefined }).toEqual({
            template,
            layout,
            shipped: true,
          });
        }
      }
    }
  }, 60_000);

  it("do not render a built-in template's buffer from its program once a caller changed it", async () => {
    const { shipped, compiling } = copies();
    const creator = "meeting-summary-docx</dc:creator>";
    for (const name of names) {
      const summary = forTemplate(seedReport(), name);
      const [a, b] = [await shipped.builtInTemplate(name), await compiling.builtInTemplate(name)];
      await shipped.renderSummary(summary, { template: name });
      // docProps/core.xml is stored, not compressed: its creator can be changed in place.
      const at = Buffer.from(a).indexOf(creator);
      expect(at).toBeGreaterThan(0);
      a[at] = b[at] = "M".charCodeAt(0);
      const ours = await outcome(() => shipped.renderSummary(summary, { template: name }));
      const theirs = await outcome(() => compiling.renderSummary(summary, { template: name }));
      expect({ name, ours }).toEqual({ name, ours: theirs });
      expect(Buffer.from(ours as string, "base64").includes(`M${creator.slice(1)}`)).toBe(true);
      // Another layout is made from the template as it ships, whatever became of the caller's buffer.
      const plain = await outcome(() =>
        shipped.renderSummary(summary, { template: name, layout: { fonts: "plain" } }),
      );
      expect(Buffer.from(plain as string, "base64").includes(creator)).toBe(true);
      a[at] = b[at] = "m".charCodeAt(0);
    }
  });

  it("compile only when docxtemplater must render, with its bytes and its errors", async () => {
    const { shipped, compiling } = copies();
    const view = toView(parseSummary(seedReport())) as unknown as Record<string, unknown>;
    const cases: [string, object][] = [
      // Characters XML cannot hold, and a function as a value: the render loop leaves these to docxtemplater.
      ["a control character", { ...view, title: "总结\u0001报告" }],
      ["a function as a value", { ...view, recipient: () => "党委" }],
      // A tag without a value: where it is comes from the compiled template's parts.
      ["no values at all", {}],
      ["the view itself", view],
    ];
    for (const name of names) {
      const [a, b] = [await shipped.builtInTemplate(name), await compiling.builtInTemplate(name)];
      for (const [label, data] of cases) {
        const ours = await outcome(() => shipped.renderTemplate(a, data));
        const theirs = await outcome(() => compiling.renderTemplate(b, data));
        expect({ name, label, ours }).toEqual({ name, label, ours: theirs });
      }
    }
  }, 60_000);
});
