// npm run bench — how the engine compares with what it cannot beat and with docxtemplater alone, on the
// built package (the npm script builds first). Everything is measured in this one run, as ratios:
//
//   ours    renderSummary(summary): validate → view data → compiled template → zip
//   floor   the least any engine must do for that document on that template: the template's zip with the
//           finished document.xml put in, DEFLATE-compressed (the other parts copied as the template
//           stores them). Computed with the DEFLATE we ship (ours, fflate's bytes); Node's zlib is shown too.
//   plain   docxtemplater alone on the same template and view data: new PizZip + new Docxtemplater +
//           render + generate (DEFLATE), i.e. what a caller of docxtemplater does per document
//   filling the template half of ours alone: the compiled template and the view data to the .docx bytes
//           (renderCompiled), to tell it from validation and the view data
//
// for the seed report (examples/seed-report.json) and a ~100,000-character report of 1,000 varied
// paragraphs (bench/corpus.mjs: the seed's clauses recombined, never one sentence repeated). The
// contenders take turns in every round, after a warm-up, and the median is kept. Plain docxtemplater takes
// its turns with ours in a rotation of their own: it leaves megabytes of garbage per document, and the
// collecting of it fell on whichever contender allocated next (ours against the floor went from ~1.5× to
// ~2.6× for the seed with it in the same rotation). Then: peak RSS over 2,000
// documents (scripts/check-memory.mjs, in a fresh process), the CLI's `render` of the seed against a bare
// `node -e ''`, and the browser bundle (scripts/check-bundle.mjs).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateRawSync } from "node:zlib";
import Docxtemplater from "docxtemplater";
import PizZip from "pizzip";
import { builtInTemplate, parseSummary, renderSummary, toView } from "../dist/esm/index.js";
import { crc32, deflatePart, writeZip } from "../dist/esm/template/docx-zip.js";
import { openTemplate } from "../dist/esm/template/open.js";
import { cachedTemplate, renderCompiled } from "../dist/esm/template/render.js";
import { measureBundle } from "../scripts/check-bundle.mjs";
import { seed, textLength, variedReport } from "./corpus.mjs";

const root = new URL("../", import.meta.url).pathname;
const quick = process.argv.includes("--quick");

function median(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median ms per call of each function, taking turns in a rotating order after `warmup` calls each. */
async function compare(fns, rounds, warmup) {
  for (let i = 0; i < warmup; i++) for (const fn of fns) await fn();
  const samples = fns.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < fns.length; k++) {
      const j = (round + k) % fns.length;
      const start = process.hrtime.bigint();
      await fns[j]();
      samples[j].push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  return samples.map(median);
}

const template = await builtInTemplate("report");
const source = openTemplate(template);
const plainOptions = { paragraphLoop: true, linebreaks: true, nullGetter: () => "" };

function plainDocxtemplater(view) {
  const doc = new Docxtemplater(new PizZip(template), plainOptions);
  doc.render(view);
  return doc.getZip().generate({ type: "uint8array", compression: "DEFLATE" });
}

/** The template's parts with `xml` as document.xml, compressed by `deflate`. */
function floor(xml, deflate) {
  return writeZip(source.parts.map((part) => (part.name === "word/document.xml" ? deflate(xml) : part)));
}
const fflateDocument = (xml) => deflatePart("word/document.xml", xml);
const zlibDocument = (xml) => ({
  name: "word/document.xml",
  method: 8,
  crc32: crc32(xml),
  size: xml.length,
  data: deflateRawSync(xml),
});

const cases = [
  { name: "seed report", summary: seed, rounds: quick ? 40 : 300, warmup: quick ? 20 : 100 },
  { name: "100,000 characters", summary: variedReport(), rounds: quick ? 8 : 40, warmup: quick ? 4 : 15 },
];

const rows = [];
for (const c of cases) {
  const view = toView(parseSummary(c.summary));
  const xml = new PizZip(await renderSummary(c.summary)).file("word/document.xml").asUint8Array();
  const compiled = cachedTemplate(template);
  const [ours, floorMs, zlibFloorMs, filling] = await compare(
    [
      () => renderSummary(c.summary),
      () => floor(xml, fflateDocument),
      () => floor(xml, zlibDocument),
      () => renderCompiled(compiled, view, undefined, {}, template),
    ],
    c.rounds,
    c.warmup,
  );
  const [oursBesidePlain, plain] = await compare(
    [() => renderSummary(c.summary), () => plainDocxtemplater(view)],
    c.rounds,
    c.warmup,
  );
  rows.push({
    ...c,
    chars: textLength(c.summary),
    xmlBytes: xml.length,
    ours,
    floorMs,
    zlibFloorMs,
    plain,
    oursBesidePlain,
    filling,
  });
}

// Start-up: the CLI rendering the seed, against a bare node (alternating, median of 15).
const dir = mkdtempSync(join(tmpdir(), "bench-"));
const run = (args, env = {}) => {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) throw new Error(`${args.join(" ")} failed: ${result.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
};
const cliArgs = ["dist/cli/main.js", "render", "examples/seed-report.json", "-o", join(dir, "seed.docx")];
const cli = [];
const bare = [];
for (let i = 0; i < (quick ? 5 : 15); i++) {
  bare.push(run(["-e", ""]));
  cli.push(run(cliArgs));
}
const version = [];
// Without the compile cache (docs/cli.md): a first run, or one with NODE_DISABLE_COMPILE_CACHE=1.
const cold = [];
for (let i = 0; i < (quick ? 3 : 7); i++) {
  version.push(run(["dist/cli/main.js", "--version"]));
  cold.push(run(cliArgs, { NODE_DISABLE_COMPILE_CACHE: "1" }));
}
rmSync(dir, { recursive: true, force: true });

const memory = JSON.parse(
  spawnSync(process.execPath, ["scripts/check-memory.mjs", "--json"], { cwd: root, encoding: "utf8" }).stdout,
);
const bundle = await measureBundle();

const [seedRow, bigRow] = rows;
const x = (n) => `${n.toFixed(2)}×`;
const table = [
  ["", "measured", "must reach"],
  ["seed report ÷ its floor", x(seedRow.ours / seedRow.floorMs), "≤ 2.5×"],
  ["100,000-character report ÷ its floor", x(bigRow.ours / bigRow.floorMs), "≤ 1.5×"],
  ["seed report ÷ plain docxtemplater", x(seedRow.oursBesidePlain / seedRow.plain), "≤ 0.6×"],
  ["100,000-character report ÷ plain docxtemplater", x(bigRow.oursBesidePlain / bigRow.plain), "—"],
  [
    "peak RSS over 2,000 documents",
    `${memory.peakMb.toFixed(0)} MB (floor ${memory.floorMb.toFixed(0)} MB); held after GC every 500: ${memory.heldEvery500Mb.map((m) => m.toFixed(0)).join(", ")} MB`,
    "≤ 100 MB, flat",
  ],
  ["CLI render of the seed ÷ bare node -e ''", x(median(cli) / median(bare)), "≤ 3×"],
  [
    "browser bundle of renderSummary",
    `${(bundle.minified / 1000).toFixed(0)} kB / ${(bundle.gzip / 1000).toFixed(0)} kB`,
    "≤ 450 kB / 130 kB",
  ],
];
const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
for (const r of table) console.log(`| ${r.map((cell, i) => cell.padEnd(widths[i])).join(" | ")} |`);
console.log();
for (const r of rows) {
  console.log(
    `${r.name}: ${r.chars} characters, document.xml ${(r.xmlBytes / 1000).toFixed(0)} kB — ours ${r.ours.toFixed(2)} ms, ` +
      `floor ${r.floorMs.toFixed(2)} ms (with Node's zlib ${r.zlibFloorMs.toFixed(2)} ms), plain docxtemplater ${r.plain.toFixed(2)} ms (ours beside it ${r.oursBesidePlain.toFixed(2)} ms); ` +
      `filling the template ${r.filling.toFixed(2)} ms (${x(r.filling / r.floorMs)} the floor)`,
  );
}
console.log(
  `start-up: bare node ${median(bare).toFixed(0)} ms, CLI render ${median(cli).toFixed(0)} ms (${median(cold).toFixed(0)} ms without its compile cache), CLI --version ${median(version).toFixed(0)} ms`,
);
console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
