// npm run check:memory — renders 2,000 documents in one process (the seed report and varied reports of
// 10 to 200 paragraphs, the three built-in templates, a user template passed as fresh bytes each time, two
// layouts) and reports the peak resident memory, the resident memory after every 500 documents, and the
// memory still held after a full garbage collection at those points, which must stay flat (a leak shows
// there first; the resident figure moves with when V8 collects). Exits 1 over the limits. Run on the
// built package (`npm run build` first), imported by its name as Node loads it (the `node` export:
// dist/node/). Beside it, in processes of their own (bench/memory-floor.mjs), the memory floor of the
// same 2,000 documents (no template engine at all) and that floor after docxtemplater has compiled the
// templates rendered with, and the size V8's young generation ended at here: where the memory goes.
// `--json` prints the figures.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { getHeapSpaceStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { builtInTemplate, renderSummary } from "meeting-summary-docx";
import { seed, variedReport } from "../bench/corpus.mjs";

export const LIMITS = { peakMb: 100, growthMb: 5 };

setFlagsFromString("--expose-gc");
/** A full collection, to measure what is really held. */
const gc = runInNewContext("gc");
const DOCUMENTS = 2000;

const MB = 1024 * 1024;
const summaries = [seed, ...[10, 50, 100, 200].map((n, i) => variedReport(n, 94, i + 1))];
const templates = ["report", "document", "minutes"];
const own = await builtInTemplate("report");
const ownBytes = () => own.slice(); // a new buffer every time, as a server reading uploads would have
const documentSummary = JSON.parse(
  readFileSync(new URL("../examples/document.json", import.meta.url), "utf8"),
);

const samples = [];
const held = [];
for (let i = 0; i < DOCUMENTS; i++) {
  const summary = summaries[i % summaries.length];
  const kind = i % 5;
  if (kind < 3) {
    const template = templates[kind];
    const layout = i % 10 < 5 ? undefined : { fonts: "plain" };
    await renderSummary(
      template === "document"
        ? {
            signature: "中共某某支部委员会",
            date: "2026-01-20",
            ...summary,
            document: documentSummary.document,
          }
        : summary,
      {
        template,
        ...(layout ? { layout } : {}),
      },
    );
  } else await renderSummary(summary, { template: ownBytes() });
  if ((i + 1) % 500 === 0) {
    samples.push(process.memoryUsage().rss / MB);
    gc();
    held.push(process.memoryUsage().heapUsed / MB);
  }
}
const peak = (process.resourceUsage().maxRSS * 1024) / MB;
const growth = held[held.length - 1] - held[0];
const young =
  (getHeapSpaceStatistics().find((space) => space.space_name === "new_space")?.space_size ?? 0) / MB;

/** bench/memory-floor.mjs's peak RSS, in a process of its own. */
function floor(...args) {
  const run = spawnSync(process.execPath, ["bench/memory-floor.mjs", ...args], {
    cwd: new URL("../", import.meta.url),
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`check-memory: bench/memory-floor.mjs failed\n${run.stderr}`);
  return JSON.parse(run.stdout).peakMb;
}

const result = {
  documents: DOCUMENTS,
  peakMb: peak,
  rssEvery500Mb: samples,
  heldEvery500Mb: held,
  growthMb: growth,
  youngGenerationMb: young,
  floorMb: floor(),
  compiledFloorMb: floor("--compiled"),
};
if (process.argv.includes("--json")) console.log(JSON.stringify(result));
else {
  console.log(
    `${DOCUMENTS} documents in one process: peak RSS ${peak.toFixed(1)} MB (limit ${LIMITS.peakMb} MB); ` +
      `RSS after each 500: ${samples.map((s) => s.toFixed(1)).join(", ")} MB; heap held after a full GC: ` +
      `${held.map((s) => s.toFixed(1)).join(", ")} MB (growth ${growth.toFixed(1)} MB, limit ${LIMITS.growthMb} MB); ` +
      `V8's young generation ended at ${young.toFixed(0)} MB. The floor of the same documents: ` +
      `${result.floorMb.toFixed(1)} MB, and ${result.compiledFloorMb.toFixed(1)} MB after docxtemplater has ` +
      "compiled the six templates (bench/memory-floor.mjs)",
  );
}
if (peak > LIMITS.peakMb || growth > LIMITS.growthMb) {
  console.error("check-memory: over the limits");
  process.exitCode = 1;
}
