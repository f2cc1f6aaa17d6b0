import { mkdir } from "node:fs/promises";
import { extname, join, resolve } from "node:path";
import type { Command } from "commander";
import { type Issue, MeetingSummaryError, TemplateError } from "../errors/index.js";
import type { ToPdfOptions } from "../pdf.js";
import {
  type CliIo,
  ExitCode,
  type Input,
  type JsonIssue,
  jsonIssue,
  printJson,
  progress,
  say,
  tryWriteOutput,
} from "./io.js";
import { cliMessages } from "./messages.js";
import type { OutputFlags } from "./options.js";
import { CliIssueCode, scriptMessages } from "./script-messages.js";

/** One input and where its results go. */
export interface BatchJob {
  input: Input;
  /** Where the produced file goes, relative to the current folder; `-` for standard output; none: not kept. */
  output?: string;
  /** Where its PDF goes (the produced bytes must be a .docx), converted with the batch's one LibreOffice start. */
  pdf?: string;
}

/**
 * Where each input goes: `-o` for one, `--out-dir/NAME.docx` (and `.pdf`) for a batch, the folder made
 * (relative to the current folder, or absolute) when it does not exist yet.
 */
export async function jobsFor(
  io: CliIo,
  command: Command,
  inputs: readonly Input[],
  opts: OutputFlags,
): Promise<BatchJob[]> {
  const { output, outDir, pdf } = opts;
  if (outDir !== undefined) {
    await mkdir(resolve(io.cwd, outDir), { recursive: true });
    return inputs.map((input) => ({
      input,
      output: join(outDir, `${input.name}.docx`),
      ...(pdf && { pdf: join(outDir, `${input.name}.pdf`) }),
    }));
  }
  if (output === undefined) {
    command.error(`error: ${say(io, scriptMessages.outputOrOutDir, {})}`, {
      exitCode: 2,
      code: "msd.noOutput",
    });
  }
  if (inputs.length !== 1) {
    command.error(`error: ${say(io, scriptMessages.manyInputsOneOutput, {})}`, {
      exitCode: 2,
      code: "msd.oneOutput",
    });
  }
  const input = inputs[0] as Input;
  if (extname(output).toLowerCase() === ".pdf") return [{ input, pdf: output }];
  const beside =
    output === "-" ? undefined : `${output.slice(0, output.length - extname(output).length)}.pdf`;
  return [{ input, output, ...(pdf && beside && { pdf: beside }) }];
}

/** Refuses flags that do not go together: `-o -` with `--json`, or with `--pdf` (usage errors, exit 2). */
export function checkOutputFlags(io: CliIo, command: Command, opts: OutputFlags): void {
  if (opts.output === "-" && opts.json) {
    command.error(`error: ${say(io, scriptMessages.stdoutWithJson, {})}`, {
      exitCode: 2,
      code: "msd.stdoutJson",
    });
  }
  if (opts.output === "-" && opts.pdf && opts.outDir === undefined) {
    command.error(`error: ${say(io, scriptMessages.pdfBesideStdout, {})}`, {
      exitCode: 2,
      code: "msd.pdfStdout",
    });
  }
}

/** Turns one input's text into a file's bytes; throws a {@link MeetingSummaryError} for a bad input. */
export type Produce = (input: Input & { text: string }) => Promise<Uint8Array>;

/** Options of {@link runBatch}. */
export interface BatchOptions {
  /** Print one JSON document (results and issues) instead of lines of text. */
  json?: boolean;
  /** For a batch written to a folder: the folder, named in the summary line printed at the end. */
  outDir?: string;
  /** How many inputs are produced at the same time (default 8): e.g. twice the render pool's size. */
  concurrency?: number;
  /** Where a template problem is reported: the template file, instead of the input. */
  templateSource?: string;
  /** How PDF files are made. */
  pdf?: ToPdfOptions;
}

/** The outcome of one job, as `--json` prints it. */
export interface BatchResult {
  input: string;
  /** The files written, in the order they were written. */
  written: string[];
  issues: JsonIssue[];
}

/**
 * Runs a command over many inputs: each input is produced (in parallel, up to `concurrency`), written
 * atomically, and converted to PDF where asked; a failing input is reported by name with its issues and
 * written nowhere, while the others complete. Prints a progress bar on a terminal, then a summary line
 * (for a folder), or one JSON document with `json`.
 * @returns the exit code: 1 when any input failed
 */
export async function runBatch(
  io: CliIo,
  jobs: readonly BatchJob[],
  produce: Produce,
  options: BatchOptions = {},
): Promise<number> {
  const results: BatchResult[] = jobs.map((job) => ({ input: job.input.source, written: [], issues: [] }));
  const bar = progress(io, jobs.length);
  const print = (text: string) => bar.print(io.stdout, text);

  const fail = (index: number, issues: readonly Issue[], source: string, withCodes: boolean) => {
    (results[index] as BatchResult).issues.push(...issues.map(jsonIssue));
    if (options.json) return;
    for (const issue of issues) {
      bar.print(io.stderr, `${source}: ${issue.message}${withCodes ? ` [${issue.code}]` : ""}\n`);
    }
  };

  // Two inputs that would be written to the same file: the later one is refused, the earlier one kept.
  const claimed = new Map<string, string>();
  const refused = new Set<number>();
  jobs.forEach((job, index) => {
    for (const target of [job.output, job.pdf]) {
      if (target === undefined || target === "-") continue;
      const key = resolve(io.cwd, target);
      const other = claimed.get(key);
      if (other === undefined) {
        claimed.set(key, job.input.source);
        continue;
      }
      const message = say(io, scriptMessages.duplicate_output, { output: target, other });
      fail(index, [{ path: [], code: CliIssueCode.DuplicateOutput, message }], job.input.source, false);
      refused.add(index);
    }
  });

  const write = async (index: number, target: string, bytes: Uint8Array): Promise<boolean> => {
    if (target === "-") {
      if (!io.writeStdout) throw new Error("this program cannot write a document to standard output");
      await io.writeStdout(bytes);
      return true;
    }
    const problem = await tryWriteOutput(io, target, bytes);
    if (problem) {
      fail(index, [problem], target, false);
      return false;
    }
    (results[index] as BatchResult).written.push(target);
    if (!options.json) print(`${say(io, cliMessages.wrote, { file: target })}\n`);
    return true;
  };

  const forPdf = new Map<number, Uint8Array>();
  const one = async (index: number) => {
    const job = jobs[index] as BatchJob;
    const { input } = job;
    if (refused.has(index)) return;
    if (input.text === undefined) {
      fail(index, input.issues ?? [], input.source, false);
      return;
    }
    let bytes: Uint8Array;
    try {
      bytes = await produce({ ...input, text: input.text });
    } catch (error) {
      if (error instanceof MeetingSummaryError) {
        // A template's problem is the template file's; in a batch, also say which input it was.
        const isTemplate = error instanceof TemplateError && options.templateSource !== undefined;
        const source = !isTemplate
          ? input.source
          : options.outDir === undefined
            ? (options.templateSource as string)
            : `${input.source}: ${options.templateSource}`;
        fail(index, error.issues, source, error instanceof TemplateError);
      } else {
        const message = say(io, scriptMessages.unexpected_error, { reason: (error as Error).message });
        fail(index, [{ path: [], code: CliIssueCode.UnexpectedError, message }], input.source, false);
      }
      return;
    }
    if (job.output !== undefined && !(await write(index, job.output, bytes))) return;
    if (job.pdf !== undefined) forPdf.set(index, bytes);
  };

  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const index = next++;
      await one(index);
      bar.tick((results[index] as BatchResult).issues.length > 0);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 8) }, worker));
  bar.end();

  const warnings: string[] = [];
  if (forPdf.size > 0) {
    const indexes = [...forPdf.keys()].sort((a, b) => a - b);
    const locale = io.locale;
    // LibreOffice is run only here: its module (and node:child_process) loads only when PDFs are asked for.
    const { fontSubstitutes, fontSubstitutesMessage, toPdfs } = await import("../pdf.js");
    const substitutes = await fontSubstitutes();
    if (substitutes.length > 0) warnings.push(fontSubstitutesMessage(substitutes, locale));
    if (!options.json) {
      for (const text of warnings) io.stderr(`${say(io, scriptMessages.warning, { text })}\n`);
      if (indexes.length > 1)
        io.stderr(`${say(io, scriptMessages.convertingPdf, { count: indexes.length })}\n`);
    }
    try {
      const pdfs = await toPdfs(
        indexes.map((i) => forPdf.get(i) as Uint8Array),
        { ...options.pdf, ...(locale && { locale }) },
      );
      for (const [k, index] of indexes.entries()) {
        await write(index, (jobs[index] as BatchJob).pdf as string, pdfs[k] as Uint8Array);
      }
    } catch (error) {
      if (!(error instanceof MeetingSummaryError)) throw error;
      // LibreOffice is missing or failed: said once, and every document that needed it has failed.
      if (!options.json) for (const issue of error.issues) io.stderr(`${issue.message} [${issue.code}]\n`);
      for (const index of indexes)
        (results[index] as BatchResult).issues.push(...error.issues.map(jsonIssue));
    }
  }

  const failed = results.filter((r) => r.issues.length > 0);
  const written = results.length - failed.length;
  if (options.json) {
    printJson(io, {
      ok: failed.length === 0,
      total: results.length,
      written,
      failed: failed.length,
      ...(warnings.length > 0 && { warnings }),
      results,
    });
  } else if (options.outDir !== undefined) {
    const names = failed.map((r) => r.input);
    io.stderr(
      `${say(io, scriptMessages.batchDone, { written, total: results.length, outDir: options.outDir, failed: names })}\n`,
    );
  }
  return failed.length === 0 ? ExitCode.Ok : ExitCode.InvalidInput;
}
