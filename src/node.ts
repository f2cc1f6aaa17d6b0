/**
 * Node.js helpers around the core: read a summary from a JSON file, load a template from a path, and write
 * a document so that a failure never leaves a partial file behind. The core (`meeting-summary-docx`) has
 * no Node-only code and also runs in a browser.
 */
import { randomBytes } from "node:crypto";
import { constants, type Stats } from "node:fs";
import { access, lstat, open, readFile, realpath, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { InvalidSummaryError } from "./errors/index.js";
import { checkLocale, messageText } from "./messages/catalogue.js";
import { make } from "./model/issues.js";
import { limitMessages } from "./model/limit-messages.js";
import { Limits } from "./model/limits.js";
import type { ParseOptions } from "./model/parse.js";
import { parseSummary } from "./model/parse.js";
import type { MeetingSummary } from "./model/types.js";
import { type RenderOptions, renderSummary } from "./render-summary.js";
import { type BuiltInTemplate, isBuiltInTemplate } from "./template/builtin.js";
import { usePrebuiltPrograms } from "./template/prebuilt-programs.js";
import { decodeText } from "./text/decode.js";

// Node only: the built-in templates render from their shipped programs (src/template/prebuilt-programs.ts).
usePrebuiltPrograms();

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
 * @throws {@link index!InvalidSummaryError}: issue code `invalid_json` (with line and column where the JSON
 *   parser gives a position), or the model's issues
 * @example
 * parseSummaryJson('{"title": ""}').title
 * //=> throws InvalidSummaryError: "Invalid meeting summary: title (标题) must not be empty (and 3 more)"
 */
export function parseSummaryJson(json: string, options?: ParseOptions): MeetingSummary {
  const locale = checkLocale(options?.locale);
  // Parsing is where a huge file would cost memory: refuse it before (docs/model.md, "Limits").
  if (json.length > Limits.jsonText) {
    const params = { length: json.length, max: Limits.jsonText };
    throw new InvalidSummaryError(
      [{ path: [], code: "too_large", message: messageText(limitMessages.too_large_json, params, locale) }],
      { locale },
    );
  }
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
 * @throws {@link index!InvalidSummaryError} for invalid JSON or an invalid summary; {@link index!UnreadableTextError}
 *   for bytes that are not text in one of those encodings; the fs error when unreadable
 * @example
 * const summary = await readSummaryFile("examples/seed-report.json")
 */
export async function readSummaryFile(path: string, options?: ParseOptions): Promise<MeetingSummary> {
  // Not even read when no encoding could make it short enough (4 bytes at most per character).
  const { size } = await stat(path);
  if (size > 4 * Limits.jsonText) {
    const locale = checkLocale(options?.locale);
    const params = { bytes: size, max: Limits.jsonText };
    throw new InvalidSummaryError(
      [{ path: [], code: "too_large", message: messageText(limitMessages.too_large_file, params, locale) }],
      { locale },
    );
  }
  const { text } = decodeText(new Uint8Array(await readFile(path)), { locale: options?.locale });
  return parseSummaryJson(text, options);
}

/** Why {@link writeFileAtomic} refused a path: `not_a_file`, `read_only` or `broken_link`. */
export type UnsafeOutputCode = "not_a_file" | "read_only" | "broken_link";

/**
 * {@link writeFileAtomic} refused to replace what is at the path: it is not a regular file (a directory, a
 * FIFO, a device, a socket), it is read-only, or it is a symbolic link to nothing. Nothing was written.
 */
export class UnsafeOutputError extends Error {
  override name = "UnsafeOutputError";
  /** Why: a stable string to branch on. */
  readonly code: UnsafeOutputCode;
  /** The path as given. */
  readonly path: string;
  /** What is at the path, after it: "is a FIFO (named pipe), not a regular file". */
  readonly reason: string;
  constructor(path: string, code: UnsafeOutputCode, reason: string) {
    super(`${path} ${reason}: nothing was written`);
    this.code = code;
    this.path = path;
    this.reason = reason;
  }
}

/** "a directory", "a FIFO", … for a message. */
function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return "a directory";
  if (stats.isFIFO()) return "a FIFO (named pipe)";
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return "a device";
  if (stats.isSocket()) return "a socket";
  return "not a regular file";
}

/** `lstat`, or undefined when nothing is at `path`. */
async function lstatOrNothing(path: string): Promise<Stats | undefined> {
  try {
    return await lstat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/**
 * The file a write to `path` replaces, checked: a symbolic link is followed to the file it names (the link
 * stays a link), and only a regular file that may be written, or nothing, is accepted.
 */
async function outputTarget(path: string): Promise<{ target: string; existing?: Stats }> {
  let target = path;
  let stats = await lstatOrNothing(path);
  if (stats?.isSymbolicLink()) {
    try {
      target = await realpath(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      throw new UnsafeOutputError(path, "broken_link", "is a symbolic link to a file that does not exist");
    }
    stats = await lstat(target);
  }
  if (stats === undefined) return { target };
  if (!stats.isFile())
    throw new UnsafeOutputError(path, "not_a_file", `is ${kindOf(stats)}, not a regular file`);
  // No write permission for anyone is a clear "do not replace", even for root, who could.
  if ((stats.mode & 0o222) === 0) throw new UnsafeOutputError(path, "read_only", "is read-only");
  try {
    await access(target, constants.W_OK);
  } catch {
    throw new UnsafeOutputError(path, "read_only", "is not writable by this user");
  }
  return { target, existing: stats };
}

/**
 * Writes bytes to `path` through a temporary file in the same folder and a rename, so readers never see a
 * partial file and a failure leaves nothing behind (an existing file at `path` stays as it was).
 *
 * Only a regular file is ever replaced, and it keeps its permissions (and, where the process may, its
 * owner). A symbolic link is followed: the file it points to is replaced, the same way, and the link stays.
 * A directory, a FIFO, a device or a socket at `path`, a read-only file (no write permission, or none for
 * this user — root included) and a link to nothing are refused with {@link UnsafeOutputError}, before
 * anything is written. The replacement is a new file: other hard links to the old one keep the old content.
 * @param path - where the file goes
 * @param bytes - its content
 * @throws {@link UnsafeOutputError} (`code` `not_a_file`, `read_only`, `broken_link`); the fs error (e.g.
 *   `ENOENT` when the folder does not exist); the temporary file is removed
 * @example
 * await writeFileAtomic("report.docx", await renderSummary(summary))
 */
export async function writeFileAtomic(path: string, bytes: Uint8Array): Promise<void> {
  const { target, existing } = await outputTarget(path);
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    const file = await open(temp, "wx", existing ? existing.mode & 0o7777 : 0o666);
    try {
      await file.writeFile(bytes);
      if (existing) {
        // Only root may give a file away; open()'s mode passes through the umask: set the old file's exactly.
        await file.chown(existing.uid, existing.gid).catch(() => undefined);
        await file.chmod(existing.mode & 0o7777);
      }
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Options of {@link writeSummaryDocx}: as {@link RenderOptions}, and `template` may be a file path. */
export interface WriteOptions extends Omit<RenderOptions, "template"> {
  /** A built-in template name (default `"report"`), a path to a .docx template, or its bytes. */
  template?: BuiltInTemplate | string | Uint8Array | ArrayBuffer | undefined;
}

/**
 * Renders a summary and writes the .docx to `path`. The document is rendered completely before anything is
 * written: bad input or a bad template throws and writes nothing.
 * @param summary - the report (validated here)
 * @param path - where the .docx goes
 * @param options - {@link WriteOptions}; `template` may be a path to your .docx
 * @throws {@link index!InvalidSummaryError}, {@link index!TemplateError} as {@link renderSummary} does
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
