// npm run bench:pool — documents per second on a render pool of 1, 2, … worker threads (up to the
// machine's available parallelism), against renderSummary on the main thread, for a batch of seed reports
// and a batch of ~10,000-character reports (bench/corpus.mjs). Each pool is warmed up (its workers
// compile their templates) before it is timed. Scaling needs free cores: on a busy machine it flattens.
import { availableParallelism } from "node:os";
import { renderSummary } from "../dist/esm/index.js";
import { createRenderPool } from "../dist/esm/node.js";
import { seed, variedReport } from "./corpus.mjs";

const quick = process.argv.includes("--quick");
const batches = [
  { name: "seed reports", summary: seed, count: quick ? 100 : 400 },
  { name: "10,000-character reports", summary: variedReport(100, 94, 7), count: quick ? 40 : 160 },
];
const cores = availableParallelism();

async function timed(fn) {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

console.log(`available parallelism: ${cores}`);
for (const batch of batches) {
  const jobs = Array.from({ length: batch.count }, () => batch.summary);
  for (let i = 0; i < 30; i++) await renderSummary(batch.summary);
  const inline = await timed(async () => {
    for (const summary of jobs) await renderSummary(summary);
  });
  const rows = [`main thread ${(batch.count / inline).toFixed(0)} docs/s`];
  for (let threads = 1; threads <= Math.max(2, cores); threads++) {
    const pool = createRenderPool({ size: threads });
    await Promise.all(Array.from({ length: threads * 30 }, () => pool.render(batch.summary)));
    const seconds = await timed(() => Promise.all(jobs.map((summary) => pool.render(summary))));
    await pool.close();
    rows.push(
      `${threads} thread${threads > 1 ? "s" : ""} ${(batch.count / seconds).toFixed(0)} docs/s (×${(inline / seconds).toFixed(2)})`,
    );
  }
  console.log(`${batch.name}, ${batch.count} documents: ${rows.join(", ")}`);
}
