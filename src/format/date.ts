import { parseISO } from "date-fns/parseISO";
import type { DateInput } from "../model/types.js";

/**
 * A date as GB/T 9704-2012 prints it: Arabic numerals, the full year, no zero padding. A literal date
 * (`{ text }`) is printed as given.
 * @param date - a `Date`, an ISO date `"2026-01-05"`, or `{ text: "2026年*月*日" }` (already validated)
 * @example
 * formatChineseDate("2026-01-05") //=> "2026年1月5日"
 * formatChineseDate({ text: "*月*日" }) //=> "*月*日"
 */
export function formatChineseDate(date: DateInput): string {
  if (typeof date === "object" && !(date instanceof Date)) return date.text;
  const day = typeof date === "string" ? parseISO(date) : date;
  // What date-fns' format(day, "yyyy年M月d日") prints, without loading its formatter and locale.
  if (Number.isNaN(day.getTime())) throw new RangeError("Invalid time value");
  return `${String(day.getFullYear()).padStart(4, "0")}年${day.getMonth() + 1}月${day.getDate()}日`;
}
