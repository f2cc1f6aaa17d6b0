/**
 * Node.js helpers around the core: read a summary from a JSON file, load a template from a path, and write
 * a document so that a failure never leaves a partial file behind. The core (`meeting-summary-docx`) has
 * no Node-only code and also runs in a browser.
 */
import { randomBytes } from "node:crypto";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { InvalidSummaryError } from "./errors/index.js";
import { checkLocale } from "./messages/catalogue.js";
import { make } from "./model/issues.js";
import type { ParseOptions } from "./model/parse.js";
import { parseSummary } from "./model/parse.js";
import type { MeetingSummary } from "./model/types.js";
import { type RenderOptions, renderSummary } from "./render-summary.js";
import { type BuiltInTemplate, isBuiltInTemplate } from "./template/builtin.js";
import { decodeText } from "./text/decode.js";

/** The line and column (from 1) of a character offset in `text`, and the character there. */
function placeOf(text: string, offset: number): { line: number; column: number; char?: string } {
  const before = text.slice(0, offset).split("\n");
  const char = text.codePointAt(offset);
  return {
    line: before.length,
    column: (before.at(-1)?.length ?? 0) + 1,
    ...(char === undefined ? {} : { char: String.fromCodePoint(char) }),
  };
}

/**
 * Parses JSON text into a validated summary; a syntax error is reported like any other issue.
 * @param json - the text of a JSON file (a leading BOM is ignored)
 * @param options - {@link ParseOptions}
 * @throws {@link InvalidSummaryError}: issue code `invalid_json` (with line and column where the JSON
 *   parser gives a position), or the model's issues
 * @example
 * parseSummaryJson('{"title": ""}').title
 * //=> throws InvalidSummaryError: "Invalid meeting summary: title (标题) must not be empty (and 3 more)"
 */
export function parseSummaryJson(json: string, options?: ParseOptions): MeetingSummary {
  const locale = checkLocale(options?.locale);
  let data: unknown;
  try {
    data = JSON.parse(json.replace(/^\uFEFF/, ""));
  } catch (error) {
    const reason = (error as Error).message;
    const position = /position (\d+)/.exec(reason);
    // The offset counts the text without its BOM.
    const place = position ? placeOf(json.replace(/^\uFEFF/, ""), Number(position[1])) : undefined;
    throw new InvalidSummaryError([make([], "invalid_json", { place, reason }, locale)], { locale });
  }
  return parseSummary(data, options);
}

/**
 * Reads and validates a summary from a JSON file: UTF-8 (a BOM is allowed), UTF-16 with a BOM, or
 * GB18030/GBK as older Windows tools save it (see {@link decodeText}).
 * @param path - the JSON file
 * @param options - {@link ParseOptions}
 * @throws {@link InvalidSummaryError} for invalid JSON or an invalid summary; {@link UnreadableTextError}
 *   for bytes that are not text in one of those encodings; the fs error when unreadable
 * @example
 * const summary = await readSummaryFile("examples/seed-report.json")
 */
export async function readSummaryFile(path: string, options?: ParseOptions): Promise<MeetingSummary> {
  const { text } = decodeText(new Uint8Array(await readFile(path)), { locale: options?.locale });
  return parseSummaryJson(text, options);
}

/**
 * Writes bytes to `path` through a temporary file in the same folder and a rename, so readers never see a
 * partial file and a failure leaves nothing behind (an existing file at `path` stays as it was).
 * @param path - where the file goes
 * @param bytes - its content
 * @throws the fs error (e.g. `ENOENT` when the folder does not exist); the temporary file is removed
 * @example
 * await writeFileAtomic("report.docx", await renderSummary(summary))
 */
export async function writeFileAtomic(path: string, bytes: Uint8Array): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(temp, bytes, { flag: "wx" });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Options of {@link writeSummaryDocx}: as {@link RenderOptions}, and `template` may be a file path. */
export interface WriteOptions extends Omit<RenderOptions, "template"> {
  /** A built-in template name (default `"report"`), a path to a .docx template, or its bytes. */
  template?: BuiltInTemplate | string | Uint8Array | ArrayBuffer;
}

/**
 * Renders a summary and writes the .docx to `path`. The document is rendered completely before anything is
 * written: bad input or a bad template throws and writes nothing.
 * @param summary - the report (validated here)
 * @param path - where the .docx goes
 * @param options - {@link WriteOptions}; `template` may be a path to your .docx
 * @throws {@link InvalidSummaryError}, {@link TemplateError} as {@link renderSummary} does
 * @example
 * await writeSummaryDocx(summary, "report.docx")
 * await writeSummaryDocx(summary, "report.docx", { template: "branch-letterhead.docx" })
 */
export async function writeSummaryDocx(
  summary: MeetingSummary,
  path: string,
  options: WriteOptions = {},
): Promise<void> {
  const { template, ...rest } = options;
  const resolved =
    typeof template === "string" && !isBuiltInTemplate(template)
      ? new Uint8Array(await readFile(template))
      : template;
  const bytes = await renderSummary(summary, { ...rest, template: resolved as RenderOptions["template"] });
  await writeFileAtomic(path, bytes);
}

export {
  type FontSubstitute,
  fontSubstitutes,
  fontSubstitutesMessage,
  OFFICIAL_FONTS,
  PdfError,
  PdfIssueCode,
  type ToPdfOptions,
  toPdf,
  toPdfs,
} from "./pdf.js";
// Many documents at once, and PDF: stages after the bytes that start threads and processes.
export { createRenderPool, freeCores, type RenderPool, type RenderPoolOptions } from "./pool.js";
