// npm run bench:batch — wall time of `meeting-summary render` as a process: one summary, then 200 in one
// call (one of them invalid), on the built package (run `npm run build` first). The batch must stay within
// 20× the single render.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const bin = fileURLToPath(new URL("../dist/cli/main.js", import.meta.url));
const seed = readFileSync(new URL("../examples/seed-report.json", import.meta.url), "utf8");
const dir = mkdtempSync(join(tmpdir(), "msd-bench-"));
mkdirSync(join(dir, "in"));
for (let i = 1; i <= 200; i++) {
  writeFileSync(join(dir, "in", `s${String(i).padStart(3, "0")}.json`), i === 137 ? '{"title": ""}' : seed);
}

function time(args) {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: "utf8" });
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, run };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const singles = [1, 2, 3, 4, 5].map(() => time(["render", "in/s001.json", "-o", "one.docx"]).ms);
const batches = [1, 2, 3].map(() => time(["render", "in", "--out-dir", "out"]));
const single = median(singles);
const batch = median(batches.map((b) => b.ms));
const last = batches.at(-1).run;
console.log(`cores ${availableParallelism()}, load ${loadavg()[0].toFixed(2)}`);
console.log(`one summary:    ${single.toFixed(0)} ms (median of 5 processes)`);
console.log(
  `200 summaries:  ${batch.toFixed(0)} ms (median of 3), exit ${last.status}, ${readdirSync(join(dir, "out")).length} files`,
);
console.log(`ratio: ×${(batch / single).toFixed(1)} (must be ≤ 20)`);
console.log(`last line: ${last.stderr.trim().split("\n").at(-1)}`);
