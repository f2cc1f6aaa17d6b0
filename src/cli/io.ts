import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { ErrorCode, type Issue, MeetingSummaryError, TemplateError } from "../errors/index.js";
import { isLocale, type Locale, localeFromEnv, type Message, messageText } from "../messages/catalogue.js";
import { msg, templateText } from "../template/messages.js";
import { decodeText, UnreadableTextError } from "../text/decode.js";
import { cliMessages } from "./messages.js";

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
  /** The environment, read for LC_ALL, LC_MESSAGES and LANG when `--lang` is not given (none: English). */
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

export async function readBytes(io: CliIo, file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(resolve(io.cwd, file)));
  } catch (error) {
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

/** Warnings go to stderr, each with its code; they do not change the exit code. */
export function reportWarnings(io: CliIo, source: string, warnings: readonly Issue[]): void {
  for (const warning of warnings) {
    io.stderr(
      `${say(io, cliMessages.warning, { source, message: `${warning.message} [${warning.code}]` })}\n`,
    );
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
