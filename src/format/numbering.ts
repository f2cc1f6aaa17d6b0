/*
 * The numbers of the four heading levels of GB/T 9704-2012 (一、（一）1.（1）) and the ordinal 一是, generated
 * from positions (1-based) — never typed by the user.
 */

const DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"] as const;
const UNITS = ["", "十", "百", "千"] as const;

function assertPosition(n: number): void {
  if (!Number.isInteger(n) || n < 1 || n > 9999) {
    throw new RangeError(`a position must be a whole number from 1 to 9999 (got ${n})`);
  }
}

/**
 * A number in Chinese numerals, as headings write it.
 * @param n - a whole number from 1 to 9999
 * @throws RangeError outside 1–9999
 * @example
 * chineseNumeral(11) //=> "十一"
 * chineseNumeral(21) //=> "二十一"
 * chineseNumeral(105) //=> "一百零五"
 */
export function chineseNumeral(n: number): string {
  assertPosition(n);
  let numeral = numerals[n];
  if (numeral === undefined) {
    numeral = writeNumeral(n);
    numerals[n] = numeral;
  }
  return numeral;
}

/** The numerals written so far, by number: every block of a report asks for one. */
const numerals: string[] = [];

function writeNumeral(n: number): string {
  const digits = String(n).split("").map(Number);
  let out = "";
  let pendingZero = false;
  digits.forEach((d, i) => {
    const unit = UNITS[digits.length - 1 - i] ?? "";
    if (d === 0) {
      pendingZero = out !== "";
      return;
    }
    if (pendingZero) out += "零";
    pendingZero = false;
    // 十一, not 一十一, when 十 leads the number.
    out += d === 1 && unit === "十" && out === "" ? unit : `${DIGITS[d]}${unit}`;
  });
  return out;
}

/**
 * The number of a section (level 1).
 * @example
 * sectionNumber(2) //=> "二、"
 */
export function sectionNumber(position: number): string {
  return `${chineseNumeral(position)}、`;
}

/**
 * The number of an item at level 2, 3 or 4.
 * @example
 * itemNumber(2, 1) //=> "（一）"
 * itemNumber(3, 1) //=> "1."
 * itemNumber(4, 1) //=> "（1）"
 */
export function itemNumber(level: 2 | 3 | 4, position: number): string {
  assertPosition(position);
  if (level === 2) return `（${chineseNumeral(position)}）`;
  if (level === 3) return `${position}.`;
  return `（${position}）`;
}

/**
 * The lead of an ordinal paragraph.
 * @example
 * ordinalLead(3) //=> "三是"
 */
export function ordinalLead(position: number): string {
  return `${chineseNumeral(position)}是`;
}
