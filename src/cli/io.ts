import { readdir, readFile, stat } from "node:fs/promises";
import { basename, extname, join, resolve } from "node:path";
import type { Command } from "commander";
import {
  ErrorCode,
  type Issue,
  type IssuePath,
  MeetingSummaryError,
  TemplateError,
} from "../errors/index.js";
import type { DraftFormat, ImportDraftResult } from "../import/index.js";
import { isLocale, type Locale, localeFromEnv, type Message, messageText } from "../messages/catalogue.js";
import { labelFor } from "../model/labels.js";
import { limitMessages } from "../model/limit-messages.js";
import { Limits } from "../model/limits.js";
import { checkData } from "../template/data.js";
import { msg, templateText } from "../template/messages.js";
import { type TemplateIssue, TemplateIssueCode } from "../template/template-issues.js";
import { decodeText, UnreadableTextError } from "../text/decode.js";
import { cliMessages } from "./messages.js";
import { CliIssueCode, scriptMessages } from "./script-messages.js";

/** What the CLI touches outside its arguments, so that tests can run it in-process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The whole of standard input, for a `-` argument: bytes, decoded like a file's. */
  readStdin(): Promise<Uint8Array>;
  /** The folder relative paths are resolved from. */
  cwd: string;
  /** The seed example that `init` copies. */
  examplePath: string;
  /** Writes a document's bytes to standard output (`-o -`). Without it, `-o -` is refused. */
  writeStdout?(bytes: Uint8Array): void | Promise<void>;
  /** Whether standard input is a terminal (default true): when it is not, a missing input is read from it. */
  stdinIsTTY?: boolean;
  /** Whether standard error is a terminal (default false): a batch draws its progress bar only then. */
  stderrIsTTY?: boolean;
  /**
   * The environment: LC_ALL, LC_MESSAGES and LANG choose the language when `--lang` is not given, and
   * `SOFFICE` names the LibreOffice program for PDF (none: English, `soffice` on PATH).
   */
  env?: Readonly<Record<string, string | undefined>>;
  /**
   * The language of everything the CLI writes. `runCli` sets it once, from `--lang` or else the
   * environment, before any command runs; the commands pass it to the library as `locale`.
   */
  locale?: Locale;
}

/**
 * The language of this run: `--lang` (or `--lang=`) anywhere before `--`, else LC_ALL, LC_MESSAGES, LANG.
 * It is read before commander parses, because the help commander prints is built in that language; a
 * value that is not a language is left for commander to refuse.
 */
export function localeOf(argv: readonly string[], io: CliIo): Locale {
  for (let i = 0; i < argv.length && argv[i] !== "--"; i++) {
    const arg = argv[i] as string;
    const value = arg === "--lang" ? argv[i + 1] : arg.startsWith("--lang=") ? arg.slice(7) : undefined;
    if (isLocale(value)) return value;
  }
  return localeFromEnv(io.env ?? {});
}

/** A message of the CLI's catalogues in the language of this run. */
export function say<P>(io: CliIo, message: Message<P>, params: P): string {
  return messageText(message, params, io.locale);
}

/** Exit codes: 0 success, 1 invalid input (summary, template, files), 2 usage errors. */
export const ExitCode = { Ok: 0, InvalidInput: 1, Usage: 2 } as const;

/** A failure already reported to the user, with the exit code to end with. */
export class Exit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

export function reportIssues(io: CliIo, source: string, issues: readonly Issue[], withCodes = false): void {
  for (const issue of issues) {
    const code = withCodes ? issue.code : undefined;
    io.stderr(`${say(io, cliMessages.issue, { source, message: issue.message, code })}\n`);
  }
}

/**
 * The largest file the CLI reads: four bytes for each character a summary's JSON may have
 * (`Limits.jsonText`). A larger file is refused before it is read, so that its size alone cannot exhaust
 * the memory (docs/model.md, "Limits"); templates and drafts have lower limits of their own.
 */
export const MAX_INPUT_BYTES = 4 * Limits.jsonText;

/** The issue of a file past {@link MAX_INPUT_BYTES}, or undefined; `stat` fails for a missing file. */
async function tooLarge(io: CliIo, path: string): Promise<Issue | undefined> {
  const { size } = await stat(path);
  if (size <= MAX_INPUT_BYTES) return undefined;
  const message = messageText(limitMessages.too_large_file, { bytes: size, max: Limits.jsonText }, io.locale);
  return { path: [], code: "too_large", message };
}

export async function readBytes(io: CliIo, file: string): Promise<Uint8Array> {
  try {
    const large = await tooLarge(io, resolve(io.cwd, file));
    if (large) {
      reportIssues(io, file, [large]);
      throw new Exit(ExitCode.InvalidInput);
    }
    return new Uint8Array(await readFile(resolve(io.cwd, file)));
  } catch (error) {
    if (error instanceof Exit) throw error;
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    io.stderr(`${say(io, cliMessages.cannotRead, { file, reason })}\n`);
    throw new Exit(ExitCode.InvalidInput);
  }
}

/**
 * The `--data` file: a JSON object of your own fields, decoded like any text file. Undefined without the flag.
 */
export async function readData(
  io: CliIo,
  file: string | undefined,
): Promise<Record<string, unknown> | undefined> {
  if (file === undefined) return undefined;
  const text = await readInput(io, file);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const reason = (error as Error).message;
    io.stderr(`${file}: ${templateText(msg("data_not_json", { reason }), io.locale)}\n`);
    throw new Exit(ExitCode.InvalidInput);
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    io.stderr(`${file}: ${templateText(msg("data_not_object", {}), io.locale)}\n`);
    throw new Exit(ExitCode.InvalidInput);
  }
  return data as Record<string, unknown>;
}

/**
 * The `--data` file of a rendering command, read and checked before any input: a field that shadows a
 * tag of the vocabulary fails every input, so it is said once, on the data file's name.
 */
export async function readCheckedData(
  io: CliIo,
  file: string | undefined,
): Promise<Record<string, unknown> | undefined> {
  const data = await readData(io, file);
  try {
    checkData(data, io.locale);
  } catch (error) {
    describeError(io, file as string, error);
  }
  return data;
}

/**
 * The `onWarning` of a render of `source` with `template`: content of the summary the template prints
 * nowhere is the summary's (or draft's) warning; the rest is the template's.
 */
export function templateWarnings(
  io: CliIo,
  source: string,
  template: string,
): (warning: TemplateIssue) => void {
  return (warning) =>
    reportWarnings(io, warning.code === TemplateIssueCode.UnplacedContent ? source : template, [warning]);
}

/** Warnings go to stderr, each with its code; they do not change the exit code. */
export function reportWarnings(io: CliIo, source: string, warnings: readonly Issue[]): void {
  for (const warning of warnings) {
    io.stderr(
      `${say(io, cliMessages.warning, { source, message: `${warning.message} [${warning.code}]` })}\n`,
    );
  }
}

/** A file's bytes, or the issue (`unreadable_file`) of reading it: for `--json`, which reports it in its document. */
export async function tryReadBytes(io: CliIo, file: string): Promise<Uint8Array | Issue> {
  try {
    return new Uint8Array(await readFile(resolve(io.cwd, file)));
  } catch (error) {
    const message = say(io, scriptMessages.unreadable_file, { reason: reason(error) });
    return issueOf(CliIssueCode.UnreadableFile, message);
  }
}

/** A text file (or standard input for "-") as text: UTF-8, UTF-16 with a BOM, or GB18030 (src/text/decode.ts). */
export async function readInput(io: CliIo, file: string): Promise<string> {
  const bytes = file === "-" ? await io.readStdin() : await readBytes(io, file);
  try {
    return decodeText(bytes, { locale: io.locale }).text;
  } catch (error) {
    if (!(error instanceof UnreadableTextError)) throw error;
    reportIssues(io, file === "-" ? "<stdin>" : file, error.issues);
    throw new Exit(ExitCode.InvalidInput);
  }
}

export function describeError(io: CliIo, source: string, error: unknown): never {
  if (error instanceof MeetingSummaryError) {
    // Template problems carry their code, to look up in docs/custom-templates.md.
    reportIssues(
      io,
      source,
      error.issues,
      error instanceof TemplateError || error.code === ErrorCode.InvalidData,
    );
    throw new Exit(ExitCode.InvalidInput);
  }
  throw error;
}

/** Ends a command with `code`: the program returns it from runCli. */
export type Done = (code: number) => void;

/** An issue as `--json` prints it: its path, code and message, and the field's Chinese name. */
export interface JsonIssue {
  /** Keys and array indexes from the root of the input, e.g. `["organization", "blocks", 2, "heading"]`. */
  path: IssuePath;
  code: string;
  message: string;
  /** The field's Chinese name (`"条目标题"`), or null where none helps (the root, a template problem). */
  label: string | null;
  /** For a template problem: the part of the document, and the tag concerned, when known. */
  part?: string;
  tag?: string;
}

/** An issue as `--json` prints it: {@link JsonIssue}. */
export function jsonIssue(issue: Issue): JsonIssue {
  const { part, tag } = issue as TemplateIssue;
  return {
    path: issue.path,
    code: issue.code,
    message: issue.message,
    label: labelFor(issue.path) ?? null,
    ...(part !== undefined && { part }),
    ...(tag !== undefined && { tag }),
  };
}

/** Prints `value` as the one JSON document on standard output. */
export function printJson(io: CliIo, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}

/** The inputs: the arguments, or standard input when there is none and it is piped. */
export function inputArgs(io: CliIo, command: Command, files: readonly string[]): string[] {
  if (files.length === 0) {
    if (io.stdinIsTTY === false) return ["-"];
    command.error(`error: ${say(io, scriptMessages.noInput, {})}`, { exitCode: 2, code: "msd.noInput" });
  }
  if (files.filter((f) => f === "-").length > 1) {
    command.error(`error: ${say(io, scriptMessages.stdinTwice, {})}`, {
      exitCode: 2,
      code: "msd.stdinTwice",
    });
  }
  return [...files];
}

/** One input of a command: a summary's text, or the issues of reading it. */
export interface Input {
  /** How messages name it: `a.json`, `<stdin>`, `batch.jsonl:3`. */
  source: string;
  /** The name of its output, without folder or extension: `a`, `stdin`, `batch-3`. */
  name: string;
  /** The text, decoded (src/text/decode.ts); undefined when it could not be read. For drafts: "". */
  text?: string;
  /** For drafts ({@link ReadInputsOptions.drafts}): the file's bytes, for the import to decode. */
  bytes?: Uint8Array;
  /** Why it could not be read. */
  issues?: readonly Issue[];
}

/** Options of {@link readInputs}. */
export interface ReadInputsOptions {
  /** Read every file, and standard input, as JSON Lines: one summary a line (default: only *.jsonl, *.ndjson). */
  jsonl?: boolean;
  /**
   * Read drafts, not summaries: each file's bytes are kept as they are (the import tells a .docx from
   * text), and a folder gives its *.txt, *.md, *.markdown and *.docx files.
   */
  drafts?: boolean;
}

const isJsonLines = (file: string) => /\.(jsonl|ndjson)$/i.test(file);
const SUMMARY_FILE = /\.(json|jsonl|ndjson)$/i;
const DRAFT_FILE = /\.(txt|text|md|markdown|docx)$/i;

function reason(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}

function issueOf(code: CliIssueCode, message: string): Issue {
  return { path: [], code, message };
}

function unreadable(io: CliIo, source: string, error: unknown): Input {
  const message = say(io, scriptMessages.unreadable_file, { reason: reason(error) });
  return { source, name: source, issues: [issueOf(CliIssueCode.UnreadableFile, message)] };
}

/** The inputs of one file's bytes: the file itself, or each non-blank line of a JSON Lines file. */
function inputsOf(
  io: CliIo,
  source: string,
  name: string,
  bytes: Uint8Array,
  jsonLines: boolean,
  drafts: boolean,
): Input[] {
  if (drafts) return [{ source, name, text: "", bytes }];
  let text: string;
  try {
    text = decodeText(bytes, { locale: io.locale }).text;
  } catch (error) {
    if (!(error instanceof UnreadableTextError)) throw error;
    return [{ source, name, issues: error.issues }];
  }
  if (!jsonLines) return [{ source, name, text }];
  return text
    .split(/\r?\n/)
    .flatMap((line, i) =>
      line.trim() === "" ? [] : [{ source: `${source}:${i + 1}`, name: `${name}-${i + 1}`, text: line }],
    );
}

/**
 * Reads the inputs a command was given: files, folders (their *.json, *.jsonl and *.ndjson files, in
 * name order, not their subfolders), JSON Lines (one summary a line), and `-` for standard input. A file
 * that cannot be read becomes an input with issues: the others are read all the same.
 */
export async function readInputs(
  io: CliIo,
  args: readonly string[],
  options: ReadInputsOptions = {},
): Promise<Input[]> {
  const inputs: Input[] = [];
  for (const arg of args) {
    if (arg === "-") {
      const stdin = await io.readStdin();
      inputs.push(
        ...inputsOf(io, "<stdin>", "stdin", stdin, options.jsonl === true, options.drafts === true),
      );
      continue;
    }
    const path = resolve(io.cwd, arg);
    let entries: string[] | undefined;
    try {
      if ((await stat(path)).isDirectory()) {
        entries = (await readdir(path, { withFileTypes: true }))
          .filter((e) => e.isFile() && (options.drafts ? DRAFT_FILE : SUMMARY_FILE).test(e.name))
          .map((e) => e.name)
          .sort();
      }
    } catch (error) {
      inputs.push(unreadable(io, arg, error));
      continue;
    }
    if (entries?.length === 0) {
      const message = say(io, scriptMessages.empty_folder, {});
      inputs.push({ source: arg, name: arg, issues: [issueOf(CliIssueCode.EmptyFolder, message)] });
      continue;
    }
    for (const file of entries?.map((entry) => join(arg, entry)) ?? [arg]) {
      try {
        const large = await tooLarge(io, resolve(io.cwd, file));
        if (large) {
          inputs.push({ source: file, name: basename(file, extname(file)), issues: [large] });
          continue;
        }
        const bytes = new Uint8Array(await readFile(resolve(io.cwd, file)));
        const name = basename(file, extname(file));
        const jsonLines = options.jsonl === true || isJsonLines(file);
        inputs.push(...inputsOf(io, file, name, bytes, jsonLines, options.drafts === true));
      } catch (error) {
        inputs.push(unreadable(io, file, error));
      }
    }
  }
  return inputs;
}

/**
 * A progress bar on standard error, drawn only when it is a terminal: `[########------------] 37/200`.
 * Other output goes through {@link Progress.print}, which clears the bar first and draws it again after.
 */
export interface Progress {
  /** One more input done. */
  tick(failed: boolean): void;
  /** Writes `text` with `write` (io.stdout or io.stderr) without mixing it into the bar. */
  print(write: (text: string) => void, text: string): void;
  /** Removes the bar. */
  end(): void;
}

/** The {@link Progress} of `total` inputs: drawn on standard error when it is a terminal and there are several. */
export function progress(io: CliIo, total: number): Progress {
  let done = 0;
  let failed = 0;
  const shown = io.stderrIsTTY === true && total > 1;
  const width = 24;
  const draw = () => {
    if (!shown) return;
    const full = Math.round((done / total) * width);
    const bar = `${"#".repeat(full)}${"-".repeat(width - full)}`;
    io.stderr(`\r\x1b[K[${bar}] ${say(io, scriptMessages.progress, { done, total, failed })}`);
  };
  const clear = () => {
    if (shown) io.stderr("\r\x1b[K");
  };
  draw();
  return {
    tick(hasFailed) {
      done++;
      if (hasFailed) failed++;
      draw();
    },
    print(write, text) {
      clear();
      write(text);
      draw();
    },
    end: clear,
  };
}

/** The draft format a file's extension names; the content decides first (a zip is a .docx). */
export function formatFromName(file: string): DraftFormat | undefined {
  const ext = extname(file).toLowerCase();
  if (ext === ".md" || ext === ".markdown") return "markdown";
  if (ext === ".txt" || ext === ".text") return "text";
  return undefined;
}

/**
 * Reads and imports a draft (or standard input for "-"), for `import` and `format`: prints the warnings,
 * and every decision with `explain`; a draft that cannot be imported is reported and ends the command.
 */
export async function importDraftFile(
  io: CliIo,
  file: string,
  options: { explain: boolean },
): Promise<ImportDraftResult> {
  const source = file === "-" ? "<stdin>" : file;
  const bytes = file === "-" ? await io.readStdin() : await readBytes(io, file);
  const format = file === "-" ? undefined : formatFromName(file);
  let result: ImportDraftResult;
  try {
    const { importDraft } = await import("../import/index.js");
    result = importDraft(bytes, {
      ...(io.locale && { locale: io.locale }),
      name: file,
      ...(format !== undefined && { format }),
    });
  } catch (error) {
    describeError(io, source, error);
  }
  if (options.explain) reportIssues(io, source, result.explanations);
  reportWarnings(io, source, result.warnings);
  return result;
}

/**
 * Writes an output file safely (src/node.ts: nothing left behind on failure, only a regular file replaced),
 * or returns the issue (`unwritable_file`) that says why it was not written: what is at the path (a FIFO,
 * a read-only file…), or the file system's error code.
 */
export async function tryWriteOutput(io: CliIo, file: string, bytes: Uint8Array): Promise<Issue | undefined> {
  // The file helpers (and the model they bring) are loaded by the commands that write, not at start.
  const { UnsafeOutputError, writeFileAtomic } = await import("../node.js");
  try {
    await writeFileAtomic(resolve(io.cwd, file), bytes);
    return undefined;
  } catch (error) {
    const message =
      error instanceof UnsafeOutputError
        ? say(io, scriptMessages.unsafeOutput, { code: error.code, reason: error.reason })
        : say(io, scriptMessages.unwritable_file, { reason: reason(error) });
    return issueOf(CliIssueCode.UnwritableFile, message);
  }
}

/** Writes an output file as {@link tryWriteOutput} does, or reports why not and ends the command. */
export async function writeOutput(io: CliIo, file: string, bytes: Uint8Array): Promise<void> {
  const problem = await tryWriteOutput(io, file, bytes);
  if (!problem) return;
  io.stderr(`${say(io, cliMessages.issue, { source: file, message: problem.message })}\n`);
  throw new Exit(ExitCode.InvalidInput);
}
