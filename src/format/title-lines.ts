import { textWidthInChars } from "../layout/sign-off.js";

/*
 * Where a long title breaks (GB/T 9704-2012 7.3.1: "回行时，要做到词意完整，排列对称，长短适宜", in the
 * shape of a trapezoid or a diamond). A title with "\n" breaks where the writer put them; one without is
 * broken here, so that every built-in template prints the same lines in Word and LibreOffice.
 */

/**
 * Characters of 2号 (22 pt) type on a line of the 156 mm 版心: 442.2 pt over 21.75 pt (22 pt less the
 * −0.25 pt character spacing) is 20.3.
 */
export const TITLE_CHARS_PER_LINE = 20;

/**
 * LibreOffice widens the gap wherever Chinese meets digits or Latin letters (about a quarter of a
 * character), whatever the document says: counted so that a line measured to fit does fit.
 */
const SCRIPT_CHANGE_CHARS = 0.25;

/** Marks a line must not start with (closing punctuation) or end with (opening punctuation). */
const NO_LINE_START = /^[，。、；：？！）》」』”’〕】,.;:?!)\]%]/u;
const NO_LINE_END = /[（《「『“‘〔【([]$/u;

const HALF = /[\u0020-\u02ff]/u;

/** The most lines a title is broken into here. */
const MAX_LINES = 4;

/** The printed width of a line in characters, with LibreOffice's gaps between scripts. */
function lineWidth(text: string): number {
  let changes = 0;
  let previous: boolean | undefined;
  for (const ch of text) {
    const half = HALF.test(ch);
    if (previous !== undefined && half !== previous) changes += 1;
    previous = half;
  }
  return textWidthInChars(text) + changes * SCRIPT_CHANGE_CHARS;
}

/**
 * Terms of the reports this library writes that a segmenter without them would cut ("组织/生活/会"): no
 * line breaks inside them.
 */
const TERMS = [
  "专题组织生活会",
  "组织生活会",
  "民主生活会",
  "民主评议党员",
  "批评和自我批评",
  "党支部",
  "党委",
  "党组",
  "支部委员会",
  "委员会",
  "查摆问题",
  "整改清单",
  "整改落实",
  "对照检查",
  "汇总表",
];

/** Words that stand alone between others (conjunctions, prepositions): a single character not glued on. */
const FREE_CHARACTERS = /^[和与及并或对在为把向从]$/u;

/** Offsets where a word ends (the end of the text excluded), by the platform's word segmentation. */
function wordBoundaries(text: string): number[] {
  const Segmenter = (Intl as { Segmenter?: typeof Intl.Segmenter }).Segmenter;
  let cuts: number[];
  if (Segmenter === undefined) {
    // Without segmentation: between any two characters, except inside a run of digits or letters.
    cuts = [];
    for (let i = 1; i < text.length; i++) {
      if (!(/\w/.test(text[i - 1] as string) && /\w/.test(text[i] as string))) cuts.push(i);
    }
  } else {
    const segments = [...new Segmenter("zh-CN", { granularity: "word" }).segment(text)];
    cuts = segments
      .filter((s, i) => {
        if (i === 0) return false;
        // A lone character after a word of two or more belongs to it (生活 + 会), unless it is a word of
        // its own (和, 与, …).
        const previous = segments[i - 1]?.segment ?? "";
        const lone = /^\p{Script=Han}$/u.test(s.segment) && !FREE_CHARACTERS.test(s.segment);
        if (lone && [...previous].length >= 2 && /\p{Script=Han}$/u.test(previous)) return false;
        // A number and its unit: 2025 + 年度, 3 + 月.
        return !(/\d$/.test(previous) && /^[年月日号届次名条个项]/u.test(s.segment));
      })
      .map((s) => s.index);
  }
  const inside = new Set<number>();
  for (const term of TERMS) {
    for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + 1)) {
      for (let i = at + 1; i < at + term.length; i++) inside.add(i);
    }
  }
  return cuts.filter((c) => !inside.has(c));
}

/** Offsets between characters (surrogate pairs kept whole). */
function characterBoundaries(text: string): number[] {
  const out: number[] = [];
  let at = 0;
  for (const ch of text) {
    at += ch.length;
    if (at < text.length) out.push(at);
  }
  return out;
}

/**
 * The best way to cut `text` into lines at `cuts`: the fewest lines that fit, each no longer than the one
 * above it (long over short), and of those the most even (the first line as little longer than the last
 * as possible). Undefined when no choice of cuts fits.
 */
function bestLines(text: string, cuts: number[], perLine: number): string[] | undefined {
  const points = [0, ...cuts.filter((c) => c > 0 && c < text.length), text.length];
  const valid = (from: number, to: number) => {
    const line = text.slice(from, to);
    return lineWidth(line) <= perLine && !NO_LINE_START.test(text.slice(to)) && !NO_LINE_END.test(line);
  };
  for (let count = 2; count <= points.length - 1; count++) {
    let best: { lines: string[]; spread: number } | undefined;
    // Depth-first over the cut points, pruned by width and by long over short.
    const walk = (from: number, lines: string[]) => {
      if (lines.length === count - 1) {
        const last = text.slice(points[from] as number);
        if (!valid(points[from] as number, text.length)) return;
        const all = [...lines, last];
        const widths = all.map(lineWidth);
        if (widths.some((w, i) => i > 0 && w > (widths[i - 1] as number))) return;
        const spread = (widths[0] as number) - (widths.at(-1) as number);
        if (best === undefined || spread < best.spread) best = { lines: all, spread };
        return;
      }
      for (let to = from + 1; to < points.length - 1; to++) {
        if (!valid(points[from] as number, points[to] as number)) {
          if (lineWidth(text.slice(points[from] as number, points[to] as number)) > perLine) break;
          continue;
        }
        walk(to, [...lines, text.slice(points[from] as number, points[to] as number)]);
      }
    };
    walk(0, []);
    if (best) return best.lines;
  }
  return undefined;
}

/**
 * A title as the lines it prints in, joined with "\n": as given when it has a "\n" or fits on one line;
 * otherwise broken long over short (no line longer than the one above it), as evenly as that allows, and
 * between words — inside a word only when no break between words fits.
 * @param title - the title as the summary gives it
 * @param perLine - characters a line holds (default {@link TITLE_CHARS_PER_LINE})
 * @example
 * titleLines("机关第一党支部2025年度组织生活会查摆问题整改清单")
 * //=> "机关第一党支部2025年度组织生活会\n查摆问题整改清单"
 */
export function titleLines(title: string, perLine: number = TITLE_CHARS_PER_LINE): string {
  if (title.includes("\n") || lineWidth(title) <= perLine) return title;
  // Beyond four lines a title is a paragraph: it wraps where the line is full.
  if (lineWidth(title) > MAX_LINES * perLine) return title;
  const lines =
    bestLines(title, wordBoundaries(title), perLine) ?? bestLines(title, characterBoundaries(title), perLine);
  return lines ? lines.join("\n") : title;
}
