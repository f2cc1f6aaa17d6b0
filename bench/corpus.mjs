// Realistic, varied report text for the bench and the memory check: the clauses of the seed report (a real
// report), recombined by a seeded pseudo-random generator into new sentences, with dates, counts and names
// varied. Not one sentence repeated, which DEFLATE would make unrealistically cheap; the same every run.
import { readFileSync } from "node:fs";

export const seed = JSON.parse(
  readFileSync(new URL("../examples/seed-report.json", import.meta.url), "utf8"),
);

/** mulberry32: a small seeded generator, so that every run benches the same text. */
function generator(state) {
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every clause of the seed report's text (split at ，；。). */
function clauses() {
  const texts = [];
  const walk = (value) => {
    if (typeof value === "string") texts.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === "object") {
      for (const [key, v] of Object.entries(value)) if (key !== "type") walk(v);
    }
  };
  walk([seed.opening, seed.preparation, seed.organization, seed.outcomes]);
  return [
    ...new Set(
      texts
        .join("")
        .split(/[，；;。：]/)
        .filter((c) => c.length >= 4),
    ),
  ];
}

const SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗".split("");
const PLACES = ["第一会议室", "党员活动室", "三楼报告厅", "支部办公室", "职工之家"];

/** A paragraph of about `length` characters. */
function paragraph(random, pool, length) {
  let text = "";
  while (text.length < length) {
    let clause = pool[Math.floor(random() * pool.length)];
    const r = random();
    if (r < 0.15) clause = `${Math.floor(random() * 12) + 1}月${Math.floor(random() * 28) + 1}日，${clause}`;
    else if (r < 0.3) clause = `${SURNAMES[Math.floor(random() * SURNAMES.length)]}某某同志${clause}`;
    else if (r < 0.38) clause = `在${PLACES[Math.floor(random() * PLACES.length)]}${clause}`;
    else if (r < 0.46) clause = `${clause}${Math.floor(random() * 90) + 5}人次`;
    text += clause + (random() < 0.7 ? "，" : "。");
  }
  return `${text.replace(/[，。]$/, "")}。`;
}

/**
 * A report of `paragraphs` paragraphs of about `length` characters each, in sections of up to 50 blocks: plain
 * paragraphs, items （一）… and ordinals 一是…, as a long real report has them.
 */
export function variedReport(paragraphs = 1000, length = 94, state = 9704) {
  const random = generator(state);
  const pool = clauses();
  const sectionCount = Math.max(3, Math.ceil(paragraphs / 50));
  const sections = [];
  const perSection = Math.ceil(paragraphs / sectionCount);
  let left = paragraphs;
  for (let s = 0; s < sectionCount; s++) {
    const blocks = [];
    for (let b = 0; b < perSection && left > 0; b++, left--) {
      const kind = b % 10;
      if (kind === 3 || kind === 7) {
        blocks.push({
          type: "item",
          heading: paragraph(random, pool, 8)
            .slice(0, 12)
            .replace(/[，。]/g, ""),
          text: paragraph(random, pool, length - 12),
        });
      } else if (kind === 9) {
        blocks.push({ type: "ordinals", items: [paragraph(random, pool, length / 2)] });
      } else blocks.push(paragraph(random, pool, length));
    }
    sections.push({
      heading: `${paragraph(random, pool, 10)
        .slice(0, 14)
        .replace(/[，。]/g, "")}`,
      blocks,
    });
  }
  const [preparation, organization, outcomes, ...rest] = sections;
  return { ...seed, $schema: undefined, preparation, organization, outcomes, sections: rest };
}

/** The characters of text a summary holds. */
export function textLength(summary) {
  let n = 0;
  const walk = (value) => {
    if (typeof value === "string") n += value.length;
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === "object")
      for (const [k, v] of Object.entries(value)) if (k !== "type" && k !== "$schema") walk(v);
  };
  walk(summary);
  return n;
}
