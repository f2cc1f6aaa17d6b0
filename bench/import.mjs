// npm run bench:import — median milliseconds to import a draft, on the built package (run `npm run build`
// first): the seed report's plain text (~4,000 characters), and drafts of 50 and 100 sections
// (~50,000 and ~100,000 characters) as plain text and as Markdown.
import { readFileSync } from "node:fs";
import { importDraft } from "../dist/esm/index.js";

const seed = readFileSync(new URL("../__tests__/fixtures/seed-report.txt", import.meta.url), "utf8");
const body =
  "支部认真落实整改责任，逐条对照问题清单，细化措施、明确时限、压实责任，确保整改见底见效。".repeat(22);

/** A draft of `count` sections, each with a run-in （一） item of ~1,000 characters. */
function large(count, markdown) {
  const lines = [markdown ? "# 整改落实情况报告" : "整改落实情况报告", "机关党委："];
  for (let i = 1; i <= count; i++) {
    lines.push(`${markdown ? "## " : ""}${i <= 99 ? "" : ""}${chinese(i)}、第${i}部分整改落实情况`);
    lines.push(`${markdown ? "**（一）整改情况。**" : "（一）整改情况。"}${body}`);
  }
  lines.push("特此报告。", "中共某某支部委员会", "2026年1月20日");
  return lines.join("\n");
}

function chinese(n) {
  const d = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
  if (n < 10) return d[n];
  if (n < 20) return `十${d[n % 10]}`;
  if (n < 100) return `${d[Math.floor(n / 10)]}十${d[n % 10]}`;
  return `一百${n % 100 === 0 ? "" : `零${d[n % 10]}`}`;
}

function median(fn, rounds) {
  for (let i = 0; i < 5; i++) fn();
  const samples = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

const cases = [
  ["seed report (plain text)", seed, 200],
  ["50 sections, plain text", large(50, false), 50],
  ["100 sections, plain text", large(100, false), 30],
  ["100 sections, Markdown", large(100, true), 30],
];
for (const [name, text, rounds] of cases) {
  const ms = median(() => importDraft(text), rounds);
  console.log(`${name.padEnd(28)} ${String(text.length).padStart(7)} chars  ${ms.toFixed(2)} ms`);
}
