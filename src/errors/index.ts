/**
 * Every failure this library reports on purpose is a {@link MeetingSummaryError}: a stable string `code`
 * to branch on, a message that names the field or tag and the problem, and `issues` listing each problem
 * found (all of them at once, not just the first).
 */

/** The stable codes of {@link MeetingSummaryError}. */
export const ErrorCode = {
  /** The summary (a TS object or JSON) does not satisfy the model: see `issues`. */
  InvalidSummary: "invalid_summary",
  /** The template is not a usable .docx template: see `issues`. */
  InvalidTemplate: "invalid_template",
  /** The template is valid but rendering it with this summary failed: see `issues`. */
  RenderFailed: "render_failed",
  /** The bytes of a text file (a summary's JSON, a draft) are not text in an encoding we read: see `issues`. */
  UnreadableText: "unreadable_text",
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

function summarize(prefix: string, issues: readonly Issue[]): string {
  const [first] = issues;
  if (!first) return prefix;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
  return `${prefix}: ${first.message}${more}`;
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

/** The summary does not satisfy the model. `issues` lists every problem at once. */
export class InvalidSummaryError extends MeetingSummaryError {
  override name = "InvalidSummaryError";
  constructor(issues: readonly Issue[]) {
    super(ErrorCode.InvalidSummary, summarize("Invalid meeting summary", issues), issues);
  }
}

/** The template cannot be used, or rendering it failed. `issues` lists every problem at once. */
export class TemplateError extends MeetingSummaryError {
  override name = "TemplateError";
  constructor(
    code: typeof ErrorCode.InvalidTemplate | typeof ErrorCode.RenderFailed,
    issues: readonly Issue[],
    options?: { cause?: unknown },
  ) {
    const prefix = code === ErrorCode.InvalidTemplate ? "Invalid template" : "Rendering failed";
    super(code, summarize(prefix, issues), issues, options);
  }
}

/** A draft that cannot be read as a report: no text, no title, fewer than three 一、 sections. */
export class InvalidDraftError extends MeetingSummaryError {
  override name = "InvalidDraftError";
  constructor(issues: readonly Issue[], options?: { cause?: unknown }) {
    super(ErrorCode.InvalidDraft, summarize("Invalid draft", issues), issues, options);
  }
}
