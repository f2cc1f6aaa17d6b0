import { InvalidSummaryError, type Issue } from "../errors/index.js";
import { checkLocale, DEFAULT_LOCALE, type Locale } from "../messages/catalogue.js";
import { checkConsistency } from "./checks.js";
import { fastParse } from "./fast-parse.js";
import { issueHints, toIssues } from "./issues.js";
import { prepareInput } from "./limits.js";
import { meetingSummarySchema } from "./schema.js";
import type { MeetingSummary } from "./types.js";

/** What to do with characters a Word document cannot hold (C0 controls, lone surrogates, U+FFFE/U+FFFF). */
export const InvalidCharacters = {
  /** Report each with its path (the default): nothing is lost silently. */
  Reject: "reject",
  /** Remove them and go on. */
  Strip: "strip",
} as const;
export type InvalidCharacters = (typeof InvalidCharacters)[keyof typeof InvalidCharacters];

/** Options of {@link parseSummary} and {@link validateSummary}. */
export interface ParseOptions {
  /** Characters a Word document cannot hold: `"reject"` (default) or `"strip"`. */
  invalidCharacters?: InvalidCharacters;
  /** The language of the issues' messages and the error's: `"en"` (default) or `"zh-CN"`. Codes and paths are the same in both. */
  locale?: Locale;
}

/**
 * The outcome of {@link validateSummary}. `issues` are errors; `warnings` are conventions a report breaks
 * or likely slips (docs/facts.md), reported beside a valid summary too. The consistency rules run only
 * once the schema passes, so a summary of the wrong shape has no warnings.
 */
export type ValidationResult =
  | { ok: true; summary: MeetingSummary; issues: []; warnings: Issue[] }
  | { ok: false; issues: Issue[]; warnings: Issue[] };

/** Checks the options; returns the language of the messages. */
function checkOptions(options: ParseOptions | undefined): Locale {
  if (options === undefined) return DEFAULT_LOCALE;
  if (typeof options !== "object" || options === null) throw new TypeError("options must be an object");
  const mode = options.invalidCharacters;
  if (mode !== undefined && mode !== "reject" && mode !== "strip") {
    throw new RangeError(
      `options.invalidCharacters must be "reject" or "strip" (got ${JSON.stringify(mode)})`,
    );
  }
  return checkLocale(options.locale);
}

/**
 * Checks untrusted input (parsed JSON, or an object built in code) against the model and reports every
 * problem at once. Never throws for bad input: not for a getter that throws, a cycle or nesting thousands of
 * levels deep either. Input past the size limits (docs/model.md, "Limits") is reported with only those issues.
 *
 * @param input - anything: typically `JSON.parse` of a file from another system
 * @param options - {@link ParseOptions}
 * @returns `{ ok: true, summary, warnings }` with a validated copy, or `{ ok: false, issues, warnings }`
 * @throws TypeError / RangeError when `options` itself is wrong (a programming error)
 * @example
 * validateSummary({ title: "" }).issues[0]
 * //=> { path: ["title"], code: "empty", message: "title (标题) must not be empty" }
 * validateSummary({ title: "" }, { locale: "zh-CN" }).issues[0].message //=> "标题（title）不能为空"
 */
export function validateSummary(input: unknown, options?: ParseOptions): ValidationResult {
  const locale = checkOptions(options);
  // Plain data of a bounded size first (docs/model.md, "Limits"); past a limit, only that is reported.
  const prepared = prepareInput(input, options?.invalidCharacters === "strip", locale);
  if (prepared.issues.length > 0) return { ok: false, issues: prepared.issues, warnings: [] };
  // A valid summary is checked in one walk over the copy (fast-parse.ts); anything else goes to the zod
  // schema, which writes the issues.
  let summary = fastParse(prepared.value);
  if (summary === undefined) {
    const result = meetingSummarySchema.safeParse(prepared.value, { reportInput: true, error: issueHints });
    if (!result.success)
      return { ok: false, issues: toIssues(result.error.issues, [], locale), warnings: [] };
    summary = result.data;
  }
  const { errors, warnings } = checkConsistency(summary, locale);
  if (errors.length > 0) return { ok: false, issues: errors, warnings };
  return { ok: true, summary, issues: [], warnings };
}

/**
 * Validates input against the model and returns a checked copy of it (the input is not mutated). Only
 * errors throw; read the warnings with {@link validateSummary}.
 *
 * @param input - anything: typically `JSON.parse` of a file from another system
 * @param options - {@link ParseOptions}
 * @throws {@link InvalidSummaryError} (`code: "invalid_summary"`) listing every problem with its path
 * @example
 * parseSummary(JSON.parse(text)).title //=> "巡视整改专题组织生活会总结报告"
 */
export function parseSummary(input: unknown, options?: ParseOptions): MeetingSummary {
  const result = validateSummary(input, options);
  if (!result.ok) throw new InvalidSummaryError(result.issues, { locale: options?.locale });
  return result.summary;
}
