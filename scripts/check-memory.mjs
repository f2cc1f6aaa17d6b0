// npm run check:memory — renders 2,000 documents in one process (the seed report and varied reports of
// 10 to 200 paragraphs, the three built-in templates, a user template passed as fresh bytes each time, two
// layouts) and reports the peak resident memory and the resident memory after every 500 documents, which
// must stay flat. Exits 1 over the limits. Run on the built package (`npm run build` first). `--json`
// prints the figures.
import { readFileSync } from "node:fs";
import { seed, variedReport } from "../bench/corpus.mjs";
import { builtInTemplate, renderSummary } from "../dist/esm/index.js";

export const LIMITS = { peakMb: 100, growthMb: 10 };
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
for (let i = 0; i < DOCUMENTS; i++) {
  const summary = summaries[i % summaries.length];
  const kind = i % 5;
  if (kind < 3) {
    const template = templates[kind];
    const layout = i % 10 < 5 ? undefined : { fonts: "plain" };
    await renderSummary(
      template === "document" ? { ...summary, document: documentSummary.document } : summary,
      {
        template,
        ...(layout ? { layout } : {}),
      },
    );
  } else await renderSummary(summary, { template: ownBytes() });
  if ((i + 1) % 500 === 0) samples.push(process.memoryUsage().rss / MB);
}
const peak = (process.resourceUsage().maxRSS * 1024) / MB;
const growth = samples[samples.length - 1] - samples[0];
const result = { documents: DOCUMENTS, peakMb: peak, rssEvery500Mb: samples, growthMb: growth };
if (process.argv.includes("--json")) console.log(JSON.stringify(result));
else {
  console.log(
    `${DOCUMENTS} documents in one process: peak RSS ${peak.toFixed(1)} MB (limit ${LIMITS.peakMb} MB); ` +
      `RSS after each 500: ${samples.map((s) => s.toFixed(1)).join(", ")} MB (growth ${growth.toFixed(1)} MB, limit ${LIMITS.growthMb} MB)`,
  );
}
if (peak > LIMITS.peakMb || growth > LIMITS.growthMb) {
  console.error("check-memory: over the limits");
  process.exitCode = 1;
}
