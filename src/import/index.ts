/**
 * Draft import: a clerk's draft (plain text, Markdown, or a Word .docx) → a `MeetingSummary`, with every
 * decision explained and everything doubtful reported. One reader per kind of file feeds the one
 * recogniser (recognise.ts); this file only picks the reader.
 */
import { InvalidDraftError } from "../errors/index.js";
import { checkLocale, type Locale, messageText } from "../messages/catalogue.js";
import { validateSummary } from "../model/parse.js";
import type { MeetingSummary } from "../model/types.js";
import { FileKind, fileKindMessages, sniffFileKind } from "../template/file-kind.js";
import { decodeText } from "../text/decode.js";
import { readDocxDraft } from "./docx.js";
import type { DraftReading } from "./draft.js";
import { looksLikeMarkdown, readMarkdownDraft } from "./markdown.js";
import { ImportIssueCode, importMessages } from "./messages.js";
import { type DraftIssue, recogniseDraft } from "./recognise.js";
import { readTextDraft } from "./text.js";

/** The kinds of draft {@link importDraft} reads. */
export const DraftFormat = {
  /** Plain text: one paragraph a line. */
  Text: "text",
  /** Markdown: `#` title, `##` headings, lists, tables. */
  Markdown: "markdown",
  /** A Word document (.docx). */
  Docx: "docx",
} as const;
export type DraftFormat = (typeof DraftFormat)[keyof typeof DraftFormat];

/** Options of {@link importDraft}. */
export interface ImportDraftOptions {
  /** The language of warnings, explanations and errors (default `"en"`). */
  locale?: Locale;
  /**
   * The draft's format, when known (a file's extension). By default a string is Markdown when it reads as
   * Markdown (a `#` heading, a table) and plain text otherwise; bytes are a .docx when they are a zip.
   */
  format?: DraftFormat;
  /** The file's name, if known: only tells a .wps from a .doc when the bytes do not. */
  name?: string;
}

/** What {@link importDraft} returns. */
export interface ImportDraftResult {
  /** The summary, valid: ready for `renderSummary`. */
  summary: MeetingSummary;
  /** What is wrong or doubtful in the draft, each with the draft's line or paragraph (`source`). */
  warnings: DraftIssue[];
  /** Every decision taken ("line 2 taken as the 主送机关"), for `--explain`. */
  explanations: DraftIssue[];
  /** The format the draft was read as. */
  format: DraftFormat;
}

function checkFormat(format: unknown): DraftFormat | undefined {
  if (format === undefined) return undefined;
  if (!Object.values(DraftFormat).includes(format as DraftFormat)) {
    throw new RangeError(
      `options.format must be "text", "markdown" or "docx" (got ${JSON.stringify(format)})`,
    );
  }
  return format as DraftFormat;
}

function readString(
  text: string,
  format: DraftFormat | undefined,
): { reading: DraftReading; format: DraftFormat } {
  const markdown = format === DraftFormat.Markdown || (format === undefined && looksLikeMarkdown(text));
  return markdown
    ? { reading: readMarkdownDraft(text), format: DraftFormat.Markdown }
    : { reading: readTextDraft(text), format: DraftFormat.Text };
}

/**
 * Reads a draft into a summary. A string is plain text or Markdown; bytes are a .docx (a zip), or a text
 * file in UTF-8, UTF-16 with a BOM, or GB18030. Deterministic: the same draft gives the same summary.
 * @param input - the draft: its text, or its file's bytes
 * @param options - {@link ImportDraftOptions}
 * @returns the summary, the warnings and the decisions taken
 * @throws {@link InvalidDraftError} (`invalid_draft`) for a draft that is empty, has no title or fewer
 *   than three 一、 sections, or is a .doc/.wps/encrypted/.odt file (the message says to save it as .docx),
 *   with `issues` naming the draft's line
 * @throws {@link UnreadableTextError} (`unreadable_text`) for bytes that are neither a .docx nor text
 * @example
 * const { summary } = importDraft("组织生活会情况报告\n一、会前准备\n（一）认真学习。支部……\n二、会议召开\n……\n三、成效\n……");
 * summary.preparation.blocks[0] //=> { type: "item", heading: "认真学习", text: "支部……" }
 */
export function importDraft(input: string | Uint8Array, options: ImportDraftOptions = {}): ImportDraftResult {
  if (typeof options !== "object" || options === null) throw new TypeError("options must be an object");
  const locale = checkLocale(options.locale);
  let format = checkFormat(options.format);
  let reading: DraftReading;
  if (typeof input === "string") {
    ({ reading, format } = readString(input, format));
  } else if (input instanceof Uint8Array) {
    const kind = sniffFileKind(input, options.name);
    if (kind === FileKind.Zip) {
      reading = readDocxDraft(input, { locale });
      format = DraftFormat.Docx;
    } else if (kind !== FileKind.Other) {
      const message = messageText(
        fileKindMessages[kind],
        { what: locale === "zh-CN" ? "草稿" : "draft" },
        locale,
      );
      throw new InvalidDraftError([{ path: [], code: kind, message }], { locale });
    } else if (input.length === 0) {
      reading = { paragraphs: [], warnings: [] };
      format = format ?? DraftFormat.Text;
    } else {
      ({ reading, format } = readString(
        decodeText(input, { locale }).text,
        format === DraftFormat.Docx ? undefined : format,
      ));
    }
  } else {
    throw new TypeError("input must be a string or a Uint8Array");
  }
  const recognised = recogniseDraft(reading, locale);
  const checked = validateSummary(recognised.summary, { locale });
  if (!checked.ok) throw new InvalidDraftError(checked.issues, { locale });
  return {
    summary: recognised.summary,
    warnings: [...reading.warnings, ...recognised.warnings, ...checked.warnings],
    explanations: recognised.explanations,
    format,
  };
}

export type { DraftIssue };
export { ImportIssueCode, importMessages };
