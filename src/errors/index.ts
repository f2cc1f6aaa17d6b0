/**
 * Every failure this library reports on purpose is a {@link MeetingSummaryError}: a stable string `code`
 * to branch on, a message that names the field or tag and the problem, and `issues` listing each problem
 * found (all of them at once, not just the first).
 */

import { type Locale, messageText } from "../messages/catalogue.js";
import { errorMessages } from "./messages.js";

/** The stable codes of {@link MeetingSummaryError}. */
export const ErrorCode = {
  /** The summary (a TS object or JSON) does not satisfy the model: see `issues`. */
  InvalidSummary: "invalid_summary",
  /** The template is not a usable .docx template: see `issues`. */
  InvalidTemplate: "invalid_template",
  /** The template is valid but rendering it with this summary failed: see `issues`. */
  RenderFailed: "render_failed",
  /** Your own data for a template (`data` option, `--data`) cannot be used: see `issues`. */
  InvalidData: "invalid_data",
  /** The bytes of a text file (a summary's JSON, a draft) are not text in an encoding we read: see `issues`. */
  UnreadableText: "unreadable_text",
  /** A .docx could not be converted to PDF (LibreOffice is missing, or it failed): see `issues`. */
  PdfFailed: "pdf_failed",
  /** The bytes of a Word draft are not a .docx we read (a .doc, an encrypted file, a damaged or hostile zip): see `issues`. */
  UnreadableDocx: "unreadable_docx",
  /** A draft (plain text, Markdown, .docx) cannot be read as a report: see `issues`. */
  InvalidDraft: "invalid_draft",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** A path into the input: keys and array indexes, e.g. `["organization", "blocks", 2, "heading"]`. */
export type IssuePath = ReadonlyArray<string | number>;

/** One problem found in the input or the template. */
export interface Issue {
  /** Where the problem is: keys and array indexes from the root of the input. Empty for the input as a whole. */
  path: IssuePath;
  /** A stable identifier of the kind of problem, e.g. `"required"`, `"unknown_field"`, `"invalid_date"`. */
  code: string;
  /** One sentence a clerk can act on, starting with the path, e.g. `organization.date must be a date like 2026-01-05 (got "2026-13-01")`. */
  message: string;
}

/**
 * Formats a path the way people write it: `organization.blocks[2].heading`.
 * @example
 * formatPath(["organization", "blocks", 2, "heading"]) //=> "organization.blocks[2].heading"
 */
export function formatPath(path: IssuePath): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? key : `.${key}`;
  }
  return out;
}

/** The error's message: what failed, its first issue, and how many more there are, in `locale`. */
function summarize(
  code: keyof typeof errorMessages,
  issues: readonly Issue[],
  locale: Locale | undefined,
): string {
  const params = { first: issues[0]?.message, more: Math.max(issues.length - 1, 0) };
  return messageText(errorMessages[code], params, locale);
}

/** The base class of every error this library throws on purpose. */
export class MeetingSummaryError extends Error {
  override name = "MeetingSummaryError";
  /** What failed, as a stable string to branch on. */
  readonly code: ErrorCode;
  /** Each problem found, with its path. */
  readonly issues: readonly Issue[];

  constructor(
    code: ErrorCode,
    message: string,
    issues: readonly Issue[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.code = code;
    this.issues = issues;
  }
}

/**
 * The summary does not satisfy the model. `issues` lists every problem at once; the message, like the
 * issues', is in the language the caller asked for (`locale`, default `"en"`).
 */
export class InvalidSummaryError extends MeetingSummaryError {
  override name = "InvalidSummaryError";
  constructor(issues: readonly Issue[], options?: { locale?: Locale | undefined }) {
    super(ErrorCode.InvalidSummary, summarize(ErrorCode.InvalidSummary, issues, options?.locale), issues);
  }
}

/**
 * The template cannot be used, or rendering it failed. `issues` lists every problem at once; the message
 * is in `options.locale` (default `"en"`).
 */
export class TemplateError extends MeetingSummaryError {
  override name = "TemplateError";
  constructor(
    code: typeof ErrorCode.InvalidTemplate | typeof ErrorCode.RenderFailed,
    issues: readonly Issue[],
    options?: { cause?: unknown; locale?: Locale | undefined },
  ) {
    super(code, summarize(code, issues, options?.locale), issues, options);
  }
}

/** A draft that cannot be read as a report: no text, no title, fewer than three 一、 sections. */
export class InvalidDraftError extends MeetingSummaryError {
  override name = "InvalidDraftError";
  constructor(issues: readonly Issue[], options?: { cause?: unknown; locale?: Locale | undefined }) {
    super(
      ErrorCode.InvalidDraft,
      summarize(ErrorCode.InvalidDraft, issues, options?.locale),
      issues,
      options,
    );
  }
}
