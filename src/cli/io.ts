import { readFile } from "node:fs/promises";
import { extname, resolve } from "node:path";
import { type Issue, MeetingSummaryError, TemplateError } from "../errors/index.js";
import { DraftFormat, type ImportDraftResult, importDraft } from "../import/index.js";
import type { Locale } from "../messages/catalogue.js";
import { writeFileAtomic } from "../node.js";
import { decodeText, UnreadableTextError } from "../text/decode.js";

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
  for (const issue of issues)
    io.stderr(`${source}: ${issue.message}${withCodes ? ` [${issue.code}]` : ""}\n`);
}

export async function readBytes(io: CliIo, file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(resolve(io.cwd, file)));
  } catch (error) {
    io.stderr(
      `${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})\n`,
    );
    throw new Exit(ExitCode.InvalidInput);
  }
}

/** A text file (or standard input for "-") as text: UTF-8, UTF-16 with a BOM, or GB18030 (src/text/decode.ts). */
export async function readInput(io: CliIo, file: string): Promise<string> {
  const bytes = file === "-" ? await io.readStdin() : await readBytes(io, file);
  try {
    return decodeText(bytes).text;
  } catch (error) {
    if (!(error instanceof UnreadableTextError)) throw error;
    reportIssues(io, file === "-" ? "<stdin>" : file, error.issues);
    throw new Exit(ExitCode.InvalidInput);
  }
}

export function describeError(io: CliIo, source: string, error: unknown): never {
  if (error instanceof MeetingSummaryError) {
    // Template problems carry their code, to look up in docs/custom-templates.md.
    reportIssues(io, source, error.issues, error instanceof TemplateError);
    throw new Exit(ExitCode.InvalidInput);
  }
  throw error;
}

/** Ends a command with `code`: the program returns it from runCli. */
export type Done = (code: number) => void;

/** The draft format a file's extension names; the content decides first (a zip is a .docx). */
function formatFromName(file: string): DraftFormat | undefined {
  const ext = extname(file).toLowerCase();
  if (ext === ".md" || ext === ".markdown") return DraftFormat.Markdown;
  if (ext === ".txt" || ext === ".text") return DraftFormat.Text;
  return undefined;
}

/**
 * Reads and imports a draft (or standard input for "-"), for `import` and `format`: prints the warnings,
 * and every decision with `explain`; a draft that cannot be imported is reported and ends the command.
 */
export async function importDraftFile(
  io: CliIo,
  file: string,
  options: { locale: Locale; explain: boolean },
): Promise<ImportDraftResult> {
  const source = file === "-" ? "<stdin>" : file;
  const bytes = file === "-" ? await io.readStdin() : await readBytes(io, file);
  const format = file === "-" ? undefined : formatFromName(file);
  let result: ImportDraftResult;
  try {
    result = importDraft(bytes, {
      locale: options.locale,
      name: file,
      ...(format !== undefined && { format }),
    });
  } catch (error) {
    describeError(io, source, error);
  }
  if (options.explain) reportIssues(io, source, result.explanations);
  reportIssues(io, source, result.warnings);
  return result;
}

/** Writes an output file safely (nothing is left behind on failure), or reports why it cannot be written. */
export async function writeOutput(io: CliIo, file: string, bytes: Uint8Array): Promise<void> {
  try {
    await writeFileAtomic(resolve(io.cwd, file), bytes);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    io.stderr(`${file}: cannot be written (${reason})\n`);
    throw new Exit(ExitCode.InvalidInput);
  }
}
