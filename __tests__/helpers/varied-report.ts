/*
 * The varied report of bench/corpus.mjs, for tests: the seed report's clauses recombined by a seeded
 * generator into new paragraphs, with dates, counts and names varied (not one sentence repeated, which
 * DEFLATE would make unrealistically cheap). A copy, so that tests do not import the bench.
 */
import type { Block, MeetingSummary, Section } from "../../src/model/types";
import { seedReport } from "../fixtures/summaries";

/** mulberry32: a small seeded generator of numbers in [0, 1). */
export function generator(state: number): () => number {
  let s = state;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every clause of the seed report's text (split at ，；。：). */
function clauses(seed: MeetingSummary): string[] {
  const texts: string[] = [];
  const walk = (value: unknown) => {
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

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

/** A paragraph of about `length` characters. */
function paragraph(random: () => number, pool: string[], length: number): string {
  let text = "";
  while (text.length < length) {
    let clause = pick(random, pool);
    const r = random();
    if (r < 0.15) clause = `${Math.floor(random() * 12) + 1}月${Math.floor(random() * 28) + 1}日，${clause}`;
    else if (r < 0.3) clause = `${pick(random, SURNAMES)}某某同志${clause}`;
    else if (r < 0.38) clause = `在${pick(random, PLACES)}${clause}`;
    else if (r < 0.46) clause = `${clause}${Math.floor(random() * 90) + 5}人次`;
    text += clause + (random() < 0.7 ? "，" : "。");
  }
  return `${text.replace(/[，。]$/, "")}。`;
}

/**
 * A report of `paragraphs` paragraphs of about `length` characters each, in sections of up to 50 blocks:
 * plain paragraphs, items （一）… and ordinals 一是…. The default is the bench's 100,000-character report.
 */
export function variedReport(paragraphs = 1000, length = 94, state = 9704): MeetingSummary {
  const seed = seedReport();
  const random = generator(state);
  const pool = clauses(seed);
  const sectionCount = Math.max(3, Math.ceil(paragraphs / 50));
  const sections: Section[] = [];
  const perSection = Math.ceil(paragraphs / sectionCount);
  let left = paragraphs;
  for (let s = 0; s < sectionCount; s++) {
    const blocks: Block[] = [];
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
      heading: paragraph(random, pool, 10)
        .slice(0, 14)
        .replace(/[，。]/g, ""),
      blocks,
    });
  }
  const [preparation, organization, outcomes, ...rest] = sections;
  return {
    ...seed,
    preparation: preparation as Section,
    organization: organization as Section,
    outcomes: outcomes as Section,
    sections: rest,
  };
}
