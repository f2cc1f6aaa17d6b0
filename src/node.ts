/**
 * Node.js helpers around the core: read a summary from a JSON file, load a template from a path, and write
 * a document so that a failure never leaves a partial file behind. The core (`meeting-summary-docx`) has
 * no Node-only code and also runs in a browser.
 */
import { randomBytes } from "node:crypto";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { InvalidSummaryError } from "./errors/index.js";
import type { ParseOptions } from "./model/parse.js";
import { parseSummary } from "./model/parse.js";
import type { MeetingSummary } from "./model/types.js";
import { type RenderOptions, renderSummary } from "./render-summary.js";
import { type BuiltInTemplate, isBuiltInTemplate } from "./template/builtin.js";

/** "line 3, column 7" for a character offset in `text`. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split("\n");
  return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
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
  let data: unknown;
  try {
    data = JSON.parse(json.replace(/^\uFEFF/, ""));
  } catch (error) {
    const reason = (error as Error).message;
    const position = /position (\d+)/.exec(reason);
    const where = position ? ` at ${lineAndColumn(json, Number(position[1]))}` : "";
    throw new InvalidSummaryError([
      { path: [], code: "invalid_json", message: `The file is not valid JSON${where}: ${reason}` },
    ]);
  }
  return parseSummary(data, options);
}

/**
 * Reads and validates a summary from a JSON file (UTF-8, a BOM is allowed).
 * @param path - the JSON file
 * @param options - {@link ParseOptions}
 * @throws {@link index!InvalidSummaryError} for invalid JSON or an invalid summary; the fs error when unreadable
 * @example
 * const summary = await readSummaryFile("examples/seed-report.json")
 */
export async function readSummaryFile(path: string, options?: ParseOptions): Promise<MeetingSummary> {
  return parseSummaryJson(await readFile(path, "utf8"), options);
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
