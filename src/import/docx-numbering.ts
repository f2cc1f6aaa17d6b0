/**
 * Word's automatic numbering, turned into the numbers it displays: numbering.xml's abstract definitions
 * (levels with a format, a text such as "%1、" or "（%2）", a start and when to restart) and the lists
 * (`w:num`) that use them, counted in document order the way Word counts: every list of one abstract
 * definition shares its counters, and a list that overrides a level's start restarts that level where it
 * is first used (ECMA-376 §17.9).
 */
import type { Element } from "@xmldom/xmldom";
import { chineseNumeral } from "../format/numbering.js";
import type { DocxStyles } from "./docx-styles.js";
import {
  chooseAlternative,
  elements,
  isAlternateContent,
  isW,
  onOff,
  symbolText,
  toInt,
  wAttr,
  wChild,
  wChildren,
  wVal,
} from "./docx-xml.js";

interface Level {
  start: number;
  format: string;
  /** `w:numFmt w:format` of a custom format ("001, 002, 003, ..."). */
  custom: string | undefined;
  text: string | undefined;
  /** `w:lvlRestart`: undefined restarts after any higher level, 0 never, n after level n (1-based). */
  restart: number | undefined;
  /** `w:isLgl`: every number of the text in decimal. */
  legal: boolean;
  /** What follows the number: "tab", "space" or "nothing". */
  suffix: string;
  /** `w:pStyle`: the paragraph style this level belongs to. */
  style: string | undefined;
  /** The font of the number (`w:rPr/w:rFonts`), which decides what a bullet character shows. */
  font: string | undefined;
}

interface Abstract {
  id: string;
  levels: Map<number, Level>;
  /** `w:numStyleLink`: the definition is that numbering style's. */
  styleLink: string | undefined;
}

interface Instance {
  abstractId: string;
  /** Per level: a start that replaces the definition's, and restarts the level where the list is first used. */
  startOverrides: Map<number, number>;
  /** Per level: a whole level definition that replaces the abstract one. */
  levelOverrides: Map<number, Level>;
}

/** The levels a list may have (w:ilvl 0–8). */
const LEVELS = 9;

function readLevel(element: Element): Level {
  const children = elements(element).flatMap((child) => {
    if (!isAlternateContent(child)) return [child];
    const branch = chooseAlternative(child);
    return branch ? elements(branch) : [];
  });
  const find = (name: string) => children.find((child) => isW(child, name));
  const numFmt = find("numFmt");
  return {
    start: toInt(wAttr(find("start"), "val")) ?? 0,
    format: wAttr(numFmt, "val") ?? "decimal",
    custom: wAttr(numFmt, "format"),
    text: wAttr(find("lvlText"), "val"),
    restart: toInt(wAttr(find("lvlRestart"), "val")),
    legal: onOff(element, "isLgl") ?? false,
    suffix: wAttr(find("suff"), "val") ?? "tab",
    style: wAttr(find("pStyle"), "val"),
    font: wAttr(wChild(find("rPr"), "rFonts"), "ascii") ?? wAttr(wChild(find("rPr"), "rFonts"), "hAnsi"),
  };
}

const DIGITS_IDEOGRAPH = "〇一二三四五六七八九";
const FULL_WIDTH_DIGITS = "０１２３４５６７８９";
const HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸";
const EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥";
const LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖";

function positional(n: number, digits: string): string {
  return [...String(n)].map((d) => digits[Number(d)]).join("");
}

/** chineseCounting: 一…九, 十…九十九 with 十, then digit by digit (一〇〇). */
function chineseCounting(n: number): string {
  if (n < 10) return DIGITS_IDEOGRAPH[n] as string;
  if (n < 100) {
    const tens = Math.floor(n / 10);
    const ones = n % 10;
    return `${tens === 1 ? "" : DIGITS_IDEOGRAPH[tens]}十${ones === 0 ? "" : DIGITS_IDEOGRAPH[ones]}`;
  }
  return positional(n, DIGITS_IDEOGRAPH);
}

/** chineseLegalSimplified: 壹 贰 … 壹拾 … (the numerals of amounts). */
function chineseLegal(n: number): string {
  const plain = chineseNumeral(n);
  const legal: Record<string, string> = { 十: "拾", 百: "佰", 千: "仟", 零: "零" };
  // chineseNumeral writes 十一 for 11; the legal form keeps the 壹: 壹拾壹.
  const full = /^十/.test(plain) ? `一${plain}` : plain;
  return [...full].map((c) => legal[c] ?? LEGAL_DIGITS[DIGITS_IDEOGRAPH.indexOf(c)] ?? c).join("");
}

function letters(n: number, upper: boolean): string {
  const letter = String.fromCharCode((upper ? 65 : 97) + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  const table: [number, string][] = [
    [1000, "M"],
    [900, "CM"],
    [500, "D"],
    [400, "CD"],
    [100, "C"],
    [90, "XC"],
    [50, "L"],
    [40, "XL"],
    [10, "X"],
    [9, "IX"],
    [5, "V"],
    [4, "IV"],
    [1, "I"],
  ];
  let rest = n;
  let out = "";
  for (const [value, glyph] of table) {
    while (rest >= value) {
      out += glyph;
      rest -= value;
    }
  }
  return out;
}

/** A number in a `w:numFmt` format, as Word writes it; formats not known here fall back to decimal, as Word's do. */
export function formatNumber(n: number, format: string, custom?: string): string {
  if (format === "none") return "";
  if (n < 1 || n > 99999) return String(n);
  switch (format) {
    case "decimalZero":
      return n < 10 ? `0${n}` : String(n);
    case "decimalFullWidth":
    case "decimalFullWidth2":
      return positional(n, FULL_WIDTH_DIGITS);
    case "chineseCounting":
    case "taiwaneseCounting":
      return chineseCounting(n);
    case "chineseCountingThousand":
    case "taiwaneseCountingThousand":
      return n <= 9999 ? chineseNumeral(n) : String(n);
    case "chineseLegalSimplified":
      return n <= 9999 ? chineseLegal(n) : String(n);
    case "ideographDigital":
    case "taiwaneseDigital":
      return positional(n, DIGITS_IDEOGRAPH);
    case "ideographTraditional":
      return n <= 10 ? (HEAVENLY_STEMS[n - 1] as string) : String(n);
    case "ideographZodiac":
      return n <= 12 ? (EARTHLY_BRANCHES[n - 1] as string) : String(n);
    case "decimalEnclosedCircle":
    case "decimalEnclosedCircleChinese":
      return n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : String(n);
    case "decimalEnclosedParen":
      return n <= 20 ? String.fromCodePoint(0x2474 + n - 1) : String(n);
    case "decimalEnclosedFullstop":
      return n <= 20 ? String.fromCodePoint(0x2488 + n - 1) : String(n);
    case "ideographEnclosedCircle":
      return n <= 10 ? String.fromCodePoint(0x3280 + n - 1) : String(n);
    case "lowerLetter":
      return letters(n, false);
    case "upperLetter":
      return letters(n, true);
    case "lowerRoman":
      return roman(n).toLowerCase();
    case "upperRoman":
      return roman(n);
    case "custom": {
      // Word 2010's custom formats are zero-padded decimals: "001, 002, 003, ...".
      const first = /^\s*(\d+)/.exec(custom ?? "")?.[1];
      return first ? String(n).padStart(first.length, "0") : String(n);
    }
    default:
      return String(n);
  }
}

/** The number Word displays before a list paragraph. */
export interface ListLabel {
  /** The number as displayed: "一、", "（二）", "3.". */
  text: string;
  /** What follows it: a tab, a space or nothing. */
  suffix: "\t" | " " | "";
}

/** Counts a document's list paragraphs in order and gives each the number Word displays. */
export class DocxNumbering {
  readonly #abstracts = new Map<string, Abstract>();
  readonly #instances = new Map<string, Instance>();
  readonly #styles: DocxStyles;
  /** Per abstract definition: the last number given at each level (undefined: not started or restarted). */
  readonly #counters = new Map<string, (number | undefined)[]>();
  readonly #usedInstances = new Set<string>();

  /**
   * @param root - the root element of numbering.xml, or undefined when the document has none
   * @param styles - the document's styles (numbering styles link definitions)
   */
  constructor(root: Element | undefined, styles: DocxStyles) {
    this.#styles = styles;
    if (!root) return;
    for (const element of wChildren(root, "abstractNum")) {
      const id = wAttr(element, "abstractNumId");
      if (id === undefined) continue;
      const levels = new Map<number, Level>();
      for (const lvl of wChildren(element, "lvl")) {
        const ilvl = toInt(wAttr(lvl, "ilvl"));
        if (ilvl !== undefined && ilvl >= 0 && ilvl < LEVELS) levels.set(ilvl, readLevel(lvl));
      }
      this.#abstracts.set(id, { id, levels, styleLink: wVal(element, "numStyleLink") });
    }
    for (const element of wChildren(root, "num")) {
      const id = wAttr(element, "numId");
      const abstractId = wVal(element, "abstractNumId");
      if (id === undefined || abstractId === undefined) continue;
      const instance: Instance = { abstractId, startOverrides: new Map(), levelOverrides: new Map() };
      for (const override of wChildren(element, "lvlOverride")) {
        const ilvl = toInt(wAttr(override, "ilvl"));
        if (ilvl === undefined || ilvl < 0 || ilvl >= LEVELS) continue;
        const start = toInt(wVal(override, "startOverride"));
        if (start !== undefined) instance.startOverrides.set(ilvl, start);
        const lvl = wChild(override, "lvl");
        if (lvl) instance.levelOverrides.set(ilvl, readLevel(lvl));
      }
      this.#instances.set(id, instance);
    }
  }

  /** The abstract definition of a list, following `w:numStyleLink` to the numbering style's own. */
  #abstractOf(numId: string): Abstract | undefined {
    let abstract = this.#abstracts.get(this.#instances.get(numId)?.abstractId ?? "");
    for (let hops = 0; abstract?.styleLink !== undefined && hops < 8; hops++) {
      const linkedNum = this.#styles.numberingStyleNumId(abstract.styleLink);
      const linked =
        linkedNum === undefined
          ? undefined
          : this.#abstracts.get(this.#instances.get(linkedNum)?.abstractId ?? "");
      if (!linked || linked === abstract) break;
      abstract = linked;
    }
    return abstract;
  }

  #level(numId: string, abstract: Abstract, ilvl: number): Level | undefined {
    return this.#instances.get(numId)?.levelOverrides.get(ilvl) ?? abstract.levels.get(ilvl);
  }

  /**
   * The level of a list a paragraph of style `styleId` belongs to, when its style gives the list but no
   * level: the level whose `w:pStyle` is that style (how Word links Heading 1–9 to a multilevel list).
   */
  levelOfStyle(numId: string, styleId: string | undefined): number | undefined {
    if (styleId === undefined) return undefined;
    const abstract = this.#abstractOf(numId);
    if (!abstract) return undefined;
    for (let ilvl = 0; ilvl < LEVELS; ilvl++) {
      if (this.#level(numId, abstract, ilvl)?.style === styleId) return ilvl;
    }
    return undefined;
  }

  /**
   * Counts one list paragraph and returns the number Word shows before it, or undefined when the list or
   * level is not defined (Word then shows none).
   * @param numId - the paragraph's `w:numId` ("0" means no list)
   * @param ilvl - its `w:ilvl`
   */
  next(numId: string, ilvl: number): ListLabel | undefined {
    if (numId === "0" || ilvl < 0 || ilvl >= LEVELS) return undefined;
    const abstract = this.#abstractOf(numId);
    const instance = this.#instances.get(numId);
    if (!abstract || !instance) return undefined;
    const level = this.#level(numId, abstract, ilvl);
    if (!level) return undefined;
    const counters = this.#counters.get(abstract.id) ?? new Array<number | undefined>(LEVELS).fill(undefined);
    this.#counters.set(abstract.id, counters);
    if (!this.#usedInstances.has(numId)) {
      this.#usedInstances.add(numId);
      // A list that sets its own start ("restart numbering" / "set numbering value") starts those levels again.
      for (const overridden of instance.startOverrides.keys()) counters[overridden] = undefined;
    }
    const startOf = (l: number) =>
      instance.startOverrides.get(l) ?? this.#level(numId, abstract, l)?.start ?? 0;
    const previous = counters[ilvl];
    counters[ilvl] = previous === undefined ? startOf(ilvl) : previous + 1;
    for (let deeper = ilvl + 1; deeper < LEVELS; deeper++) {
      const restart = this.#level(numId, abstract, deeper)?.restart;
      if (restart === undefined || (restart !== 0 && ilvl < restart)) counters[deeper] = undefined;
    }
    if (level.format === "bullet") {
      return { text: symbolText(level.text ?? "", level.font), suffix: suffixOf(level.suffix) };
    }
    const text = (level.text ?? "").replace(/%([1-9])/g, (_, digit: string) => {
      const l = Number(digit) - 1;
      if (l > ilvl) return "";
      const shown = this.#level(numId, abstract, l);
      const value = counters[l] ?? startOf(l);
      if (!shown) return String(value);
      return formatNumber(value, level.legal ? "decimal" : shown.format, shown.custom);
    });
    return { text, suffix: suffixOf(level.suffix) };
  }
}

function suffixOf(suff: string): ListLabel["suffix"] {
  if (suff === "nothing") return "";
  if (suff === "space") return " ";
  return "\t";
}
