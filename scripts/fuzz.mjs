// Runs the property test of __tests__/fuzz with many cases (10,000 unless given): `npm run fuzz [-- runs]`.
// The seed is chosen here and printed, so a failure can be replayed: FUZZ_SEED=<seed> FUZZ_RUNS=<runs>.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const runs = Number(process.argv[2] ?? 10_000);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`usage: npm run fuzz [-- runs] (got ${JSON.stringify(process.argv[2])})`);
  process.exit(2);
}
const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const jest = createRequire(import.meta.url).resolve("jest/bin/jest");
const started = Date.now();
const result = spawnSync(process.execPath, [jest, "__tests__/fuzz", "--runInBand"], {
  stdio: "inherit",
  env: { ...process.env, FUZZ_RUNS: String(runs), FUZZ_SEED: String(seed) },
});
const seconds = Math.round((Date.now() - started) / 1000);
const outcome = result.status === 0 ? "passed" : "FAILED";
console.log(
  `fuzz: ${runs} random valid summaries (report, document, minutes; every layout), seed ${seed}: ${outcome} in ${seconds} s on Node ${process.version}`,
);
process.exit(result.status ?? 1);
