// npm run templates — writes the built-in templates with the default layout, from the built library (run
// `npm run build` first, which the npm script does):
//   templates/<name>.docx              the files users open in Word and start their own templates from
//   src/template/prebuilt/<name>.ts    the same bytes as a module, which builtInTemplate() loads at run time
//                                      without the `docx` package (and which a browser bundle can split off),
//                                      with the patch that turns it into any other layout (src/layout/patch.ts)
//   src/template/prebuilt/<name>-program.ts  its render program as docxtemplater compiles it, and its
//                                      tags as inspect finds them: what Node renders from without
//                                      compiling (src/template/prebuilt-programs.ts)
// The bytes are deterministic, so a rebuild from unchanged code leaves the committed files unchanged, and
// tests check that both equal a fresh build (run this script again after changing src/layout).
import { mkdirSync, writeFileSync } from "node:fs";
import PizZip from "pizzip";

const root = new URL("../", import.meta.url);
let builders;
let linePitch;
try {
  ({ linePitch } = await import("../dist/esm/layout/options.js"));
  const { buildReportTemplate } = await import("../dist/esm/layout/report.js");
  const { buildDocumentTemplate } = await import("../dist/esm/layout/document.js");
  const { buildMinutesTemplate } = await import("../dist/esm/layout/minutes.js");
  builders = { report: buildReportTemplate, document: buildDocumentTemplate, minutes: buildMinutesTemplate };
} catch (cause) {
  throw new Error("build-templates: dist/esm is missing or stale; run `npm run build` first", { cause });
}

let compiler;
try {
  const { compileTemplate } = await import("../dist/esm/template/render.js");
  const { analyseTemplate } = await import("../dist/esm/template/inspect.js");
  const { programData } = await import("../dist/esm/template/prebuilt-programs.js");
  compiler = { compileTemplate, analyseTemplate, programData };
} catch (cause) {
  throw new Error("build-templates: dist/esm is missing or stale; run `npm run build` first", { cause });
}
mkdirSync(new URL("templates/", root), { recursive: true });
mkdirSync(new URL("src/template/prebuilt/", root), { recursive: true });
/** Every layout: 2 font sets × 2 margins × 18–26 lines. */
const LAYOUTS = [];
for (const fonts of ["gb2312", "plain"]) {
  for (const margins of ["print", "screen"]) {
    for (let linesPerPage = 18; linesPerPage <= 26; linesPerPage++)
      LAYOUTS.push({ fonts, margins, linesPerPage });
  }
}
const DEFAULT = { fonts: "gb2312", margins: "print", linesPerPage: 22 };

/** The text of every part of a zip, in its order. */
function partTexts(bytes) {
  const zip = new PizZip(bytes);
  return new Map(Object.keys(zip.files).map((name) => [name, zip.files[name].asText()]));
}

/** A part's text cut between its attribute values and text runs (odd indexes), the rest at even ones. */
const tokens = (xml) => xml.split(/(="[^"]*"|>[^<]+<)/);

/** The rule that gives `values` (one per layout of LAYOUTS) from the layout, or undefined. */
function ruleFor(base, values) {
  for (const key of ["fonts", "margins"]) {
    const table = {};
    LAYOUTS.forEach((layout, i) => {
      table[layout[key]] ??= values[i];
    });
    if (LAYOUTS.every((layout, i) => table[layout[key]] === values[i])) {
      return { [key]: Object.fromEntries(Object.entries(table).sort()) };
    }
  }
  const k = Number(base) / linePitch(DEFAULT);
  if (Number.isInteger(k) && LAYOUTS.every((layout, i) => String(k * linePitch(layout)) === values[i])) {
    return { pitch: k };
  }
  return undefined;
}

/**
 * The patch turning `build`'s default template into each other layout: every attribute value or text
 * that differs in some layout, by its offset in the default part's text, with its rule. Refuses a layout
 * that changes the template's structure, or a value no rule gives exactly.
 */
async function layoutPatch(name, build, base) {
  const built = [];
  for (const layout of LAYOUTS) built.push(partTexts(await build(layout)));
  const patch = {};
  for (const [part, text] of base) {
    const at = tokens(text);
    const each = built.map((texts, l) => {
      const other = tokens(texts.get(part) ?? "");
      if ([...texts.keys()].join() !== [...base.keys()].join() || other.length !== at.length) {
        throw new Error(
          `build-templates: ${name} in ${JSON.stringify(LAYOUTS[l])} differs in structure (${part})`,
        );
      }
      return other;
    });
    let offset = 0;
    const edits = [];
    at.forEach((token, i) => {
      if (each.some((other) => other[i] !== token)) {
        if (i % 2 === 0) {
          throw new Error(`build-templates: ${name}'s ${part} differs outside a value at ${offset}`);
        }
        const [open, close] = token.startsWith("=") ? [2, 1] : [1, 1];
        const inner = (t) => t.slice(open, t.length - close);
        const rule = ruleFor(
          inner(token),
          each.map((other) => inner(other[i])),
        );
        if (rule === undefined) {
          throw new Error(
            `build-templates: ${name}'s ${part}: no rule gives ${token} at ${offset} in every layout`,
          );
        }
        edits.push([offset + open, token.length - open - close, rule]);
      }
      offset += token.length;
    });
    if (edits.length > 0) patch[part] = edits;
  }
  return patch;
}

const programs = {};
for (const [name, build] of Object.entries(builders)) {
  const bytes = await build();
  programs[name] = shipped(name, bytes);
  const patch = await layoutPatch(name, build, partTexts(bytes));
  const target = new URL(`templates/${name}.docx`, root);
  writeFileSync(target, bytes);
  console.log(`wrote ${target.pathname}`);
  const module = new URL(`src/template/prebuilt/${name}.ts`, root);
  writeFileSync(
    module,
    `// Generated by \`npm run templates\` (scripts/build-templates.mjs) from src/layout: do not edit.\n` +
      `// templates/${name}.docx as base64, the built-in "${name}" template with the default layout, and the\n` +
      `// patch that gives every other layout (src/layout/patch.ts).\n` +
      `import type { LayoutPatch } from "../../layout/patch.js";\n\n` +
      `export const base64 =\n  "${Buffer.from(bytes).toString("base64")}";\n\n` +
      `export const layoutPatch: LayoutPatch = ${JSON.stringify(patch)};\n`,
  );
  console.log(`wrote ${module.pathname}`);
}

/**
 * A template's program and tags, as src/template/prebuilt-programs.ts ships them. Refuses a template the
 * render loop leaves to docxtemplater, or one with issues or warnings of its own.
 */
function shipped(name, bytes) {
  const compiled = compiler.compileTemplate(bytes);
  if (!compiled.program || compiled.synced.size > 0) {
    throw new Error(
      `build-templates: ${name} has no render program of its own, or parts docxtemplater rewrites`,
    );
  }
  const { tags, issues, warnings } = compiler.analyseTemplate(compiled.parts);
  if (issues.length > 0 || warnings.length > 0) {
    throw new Error(
      `build-templates: ${name} has issues or warnings: ${JSON.stringify([...issues, ...warnings])}`,
    );
  }
  return { program: compiler.programData(compiled.program), tags };
}

for (const [name, shippedProgram] of Object.entries(programs)) {
  const programModule = new URL(`src/template/prebuilt/${name}-program.ts`, root);
  writeFileSync(
    programModule,
    "// Generated by `npm run templates` (scripts/build-templates.mjs) from src/layout: do not edit.\n" +
      `// The render program of the built-in "${name}" template (default layout) and its tags, as docxtemplater\n` +
      "// compiles it and inspect finds them: what Node renders from (src/template/prebuilt-programs.ts).\n" +
      'import type { ShippedProgram } from "../prebuilt-programs.js";\n\n' +
      `export const shipped: ShippedProgram = JSON.parse(${JSON.stringify(JSON.stringify(shippedProgram))});\n`,
  );
  console.log(`wrote ${programModule.pathname}`);
}
