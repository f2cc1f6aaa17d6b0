// npm run bench:stages — where the time of renderSummary goes before the template is filled: each stage
// of the pipeline on its own (median ms of many calls, after a warm-up), for the seed report and the
// 100,000-character report of bench/corpus.mjs, with the default report template. The stages:
//
//   limits walk      prepareInput: the input read once into a plain copy, the size limits checked
//   schema check     the copy checked against the schema (the fast path; zod only for a summary with a problem)
//   consistency      the rules that check the facts against each other
//   parseSummary     all of validation: the three above
//   template checks  what the built-in template needs beyond the model (the 红头文件's 版头)
//   view             toView: numbers, dates, standard sentences
//   unplaced         the warnings for content the template prints nowhere
//
// The template's own analysis is kept with the compiled template, so a render does not pay for it.
import { builtInTemplate, inspectTemplate, parseSummary, toView } from "../dist/esm/index.js";
import { checkConsistency } from "../dist/esm/model/checks.js";
import { fastParse } from "../dist/esm/model/fast-parse.js";
import { prepareInput } from "../dist/esm/model/limits.js";
import { templateIssues } from "../dist/esm/model/template-checks.js";
import { unplacedContent } from "../dist/esm/template/agreement.js";
import { seed, textLength, variedReport } from "./corpus.mjs";

const quick = process.argv.includes("--quick");

function median(fn, calls) {
  for (let i = 0; i < calls; i++) fn();
  const samples = [];
  for (let i = 0; i < calls; i++) {
    const start = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

const { tags } = inspectTemplate(await builtInTemplate("report"));
const rows = [];
for (const [name, summary, calls] of [
  ["seed report", seed, quick ? 300 : 2000],
  ["100,000 characters", variedReport(), quick ? 40 : 200],
]) {
  const parsed = parseSummary(summary);
  const limits = median(() => prepareInput(summary, false), calls);
  const copies = Array.from({ length: 2 * calls }, () => prepareInput(summary, false).value);
  rows.push({
    name: `${name} (${textLength(summary)} characters)`,
    "limits walk": limits,
    // On fresh copies, as a render has one: the check may reorder a copy's keys in place.
    "schema check": median(() => fastParse(copies.pop()), calls),
    consistency: median(() => checkConsistency(parsed), calls),
    parseSummary: median(() => parseSummary(summary), calls),
    "template checks": median(() => templateIssues(parsed, "report"), calls),
    view: median(() => toView(parsed, { linePitch: 579 }), calls),
    unplaced: median(() => unplacedContent(parsed, tags), calls),
  });
}
for (const row of rows) {
  const { name, ...stages } = row;
  console.log(
    `${name}: ${Object.entries(stages)
      .map(([k, v]) => `${k} ${v.toFixed(3)} ms`)
      .join(", ")}`,
  );
}
console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
