// npm run bench — median milliseconds per document, on the built package (run `npm run build` first):
//   ours:          renderSummary (validate → view data → docxtemplater → fixed-timestamp zip)
//   docxtemplater: the same template and the same view data, docxtemplater alone (DEFLATE, like ours)
//   zip:           the bare PizZip round-trip of that template
// for the seed example and for large reports (50 and 100 sections, ~50,000 and ~100,000 characters).
import { readFileSync } from "node:fs";
import Docxtemplater from "docxtemplater";
import PizZip from "pizzip";
import { builtInTemplate, renderSummary, toView } from "../dist/esm/index.js";

const seed = JSON.parse(readFileSync(new URL("../examples/seed-report.json", import.meta.url), "utf8"));

/** A report of `count` sections, each an item with a ~1,000-character body. */
function large(count) {
  const body = `${"支部认真落实整改责任，逐条对照问题清单，细化措施、明确时限、压实责任，确保整改见底见效。".repeat(22)}`;
  const section = (i) => ({
    heading: `第${i}部分整改落实情况`,
    blocks: [{ type: "item", heading: "整改情况", text: body }],
  });
  return {
    ...seed,
    preparation: section(1),
    organization: section(2),
    outcomes: section(3),
    sections: Array.from({ length: count - 3 }, (_, i) => section(i + 4)),
  };
}

function median(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Median ms per call of each function. The contenders take turns within every round (in a rotating
 * order), so drift in the machine's speed — JIT, GC, other processes — falls on all of them alike.
 */
async function compare(fns, rounds) {
  for (let i = 0; i < 5; i++) for (const fn of fns) await fn(); // warm-up: JIT, the built-in template cache
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
const options = { paragraphLoop: true, linebreaks: true, nullGetter: () => "" };

function docxtemplaterAlone(view) {
  const doc = new Docxtemplater(new PizZip(template), options);
  doc.render(view);
  return doc.getZip().generate({ type: "uint8array", compression: "DEFLATE" });
}

const zipOnly = () => new PizZip(template).generate({ type: "uint8array", compression: "DEFLATE" });

const cases = [
  ["seed report", seed, 100],
  ["50 sections", large(50), 30],
  ["100 sections", large(100), 30],
];

const rows = [];
for (const [name, summary, runs] of cases) {
  const view = toView(summary);
  const chars = JSON.stringify(view).length;
  const [ours, alone, zip] = await compare(
    [() => renderSummary(summary), () => docxtemplaterAlone(view), zipOnly],
    runs,
  );
  rows.push({ name, chars, ours, alone, zip, overhead: (ours / alone - 1) * 100 });
}

const pad = (s, n) => String(s).padStart(n);
console.log(
  `${"case".padEnd(14)}${pad("chars", 9)}${pad("ours ms", 10)}${pad("docxt ms", 10)}${pad("zip ms", 9)}${pad("overhead", 10)}`,
);
for (const r of rows) {
  console.log(
    `${r.name.padEnd(14)}${pad(r.chars, 9)}${pad(r.ours.toFixed(2), 10)}${pad(r.alone.toFixed(2), 10)}${pad(r.zip.toFixed(2), 9)}${pad(`${r.overhead.toFixed(1)} %`, 10)}`,
  );
}
const [, fifty, hundred] = rows;
console.log(
  `scaling 50 → 100 sections: ×${(hundred.ours / fifty.ours).toFixed(2)} time for ×2 content (linear = ×2.00)`,
);
