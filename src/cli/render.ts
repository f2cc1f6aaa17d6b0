import { mkdir } from "node:fs/promises";
import { extname, join } from "node:path";
import { type Command, Option } from "commander";
import { type Issue, MeetingSummaryError } from "../errors/index.js";
import type { InvalidCharacters } from "../model/parse.js";
import { parseSummaryJson } from "../node.js";
import { createRenderPool, freeCores } from "../pool.js";
import { type RenderOptions, renderSummary } from "../render-summary.js";
import { BuiltInTemplate, isBuiltInTemplate } from "../template/builtin.js";
import { compileTemplate, type MissingValues } from "../template/render.js";
import { type BatchJob, runBatch } from "./batch.js";
import {
  type CliIo,
  type Done,
  describeError,
  Exit,
  ExitCode,
  type Input,
  inputArgs,
  jsonIssue,
  printJson,
  readBytes,
  readInputs,
  say,
  tryReadBytes,
} from "./io.js";
import { cliMessages } from "./messages.js";
import { invalidCharactersOption, type LayoutFlags, layoutFrom, layoutOptions } from "./options.js";

const EXAMPLES = `
Examples:
  $ meeting-summary render examples/seed-report.json -o report.docx
  $ meeting-summary render examples/seed-report.json -o report.pdf
  $ meeting-summary render reports/ extra.json --out-dir out --pdf
  $ meeting-summary render --jsonl all.jsonl --out-dir out --json
  $ cat summary.json | meeting-summary render -o - > report.docx

Docs: docs/cli.md#render (in the package: node_modules/meeting-summary-docx/docs/cli.md)
`;

interface RenderFlags extends LayoutFlags {
  output?: string;
  outDir?: string;
  pdf?: boolean;
  json?: boolean;
  jsonl?: boolean;
  template: string;
  invalidCharacters: string;
  missingValues: string;
}

/** Where each input goes: `-o` for one, `--out-dir/NAME.docx` (and `.pdf`) for a batch. */
function jobsFor(io: CliIo, command: Command, inputs: readonly Input[], opts: RenderFlags): BatchJob[] {
  const { output, outDir, pdf } = opts;
  if (outDir !== undefined) {
    return inputs.map((input) => ({
      input,
      output: join(outDir, `${input.name}.docx`),
      ...(pdf && { pdf: join(outDir, `${input.name}.pdf`) }),
    }));
  }
  if (output === undefined) {
    command.error(`error: ${say(io, cliMessages.outputOrOutDir, {})}`, { exitCode: 2, code: "msd.noOutput" });
  }
  if (inputs.length !== 1) {
    command.error(`error: ${say(io, cliMessages.manyInputsOneOutput, {})}`, {
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

/** `meeting-summary render`. */
export function renderCommand(program: Command, io: CliIo, done: Done): void {
  const command = program
    .command("render")
    .description(
      "render summaries to .docx (or PDF): one to -o, or many to --out-dir; nothing is written for an invalid input",
    )
    .argument(
      "[inputs...]",
      'summaries as JSON files, folders of them, JSON Lines files, or "-" for standard input (the default when it is piped)',
    )
    .option("-o, --output <file>", 'where to write the document: a .docx, a .pdf, or "-" for standard output')
    .option("--out-dir <folder>", "write each summary to <folder>/<name>.docx (the folder is created)")
    .option("--pdf", "also write a PDF beside each .docx (LibreOffice, started once for all)")
    .option("--jsonl", "read files and standard input as JSON Lines: one summary a line")
    .option("--json", "print the files written and every problem as JSON on standard output")
    .option(
      "-t, --template <name|file.docx>",
      `a built-in template (${Object.values(BuiltInTemplate).join(", ")}) or your own .docx`,
      "report",
    )
    .addOption(invalidCharactersOption())
    .addOption(
      new Option("--missing-values <mode>", "a template tag without a value: fail, or print nothing")
        .choices(["error", "empty"])
        .default("error"),
    );
  for (const option of layoutOptions()) command.addOption(option);
  command.addHelpText("after", EXAMPLES);
  command.action(async (files: string[], opts: RenderFlags) => {
    if (opts.output === "-" && opts.json) {
      command.error(`error: ${say(io, cliMessages.stdoutWithJson, {})}`, {
        exitCode: 2,
        code: "msd.stdoutJson",
      });
    }
    if (opts.output === "-" && opts.pdf && opts.outDir === undefined) {
      command.error(`error: ${say(io, cliMessages.pdfBesideStdout, {})}`, {
        exitCode: 2,
        code: "msd.pdfStdout",
      });
    }
    const args = inputArgs(io, command, files);
    if (opts.output !== undefined && opts.outDir === undefined && args.length > 1) {
      command.error(`error: ${say(io, cliMessages.manyInputsOneOutput, {})}`, {
        exitCode: 2,
        code: "msd.oneOutput",
      });
    }
    // A template that cannot be used fails every input: said once, before anything is rendered.
    const templateFailed = (issues: readonly Issue[]): never => {
      const template = { input: opts.template, issues: issues.map(jsonIssue) };
      printJson(io, { ok: false, total: 0, written: 0, failed: 0, template, results: [] });
      throw new Exit(ExitCode.InvalidInput);
    };
    let template: RenderOptions["template"] = opts.template as BuiltInTemplate;
    if (!isBuiltInTemplate(opts.template)) {
      const read = opts.json ? await tryReadBytes(io, opts.template) : await readBytes(io, opts.template);
      if (!(read instanceof Uint8Array)) templateFailed([read]);
      template = read as Uint8Array;
      try {
        compileTemplate(template);
      } catch (error) {
        if (opts.json && error instanceof MeetingSummaryError) templateFailed(error.issues);
        describeError(io, opts.template, error);
      }
    }
    const inputs = await readInputs(io, args, { jsonl: opts.jsonl === true });
    const jobs = jobsFor(io, command, inputs, opts);
    if (opts.outDir !== undefined) {
      await mkdir(join(io.cwd, opts.outDir), { recursive: true });
    }
    const options: RenderOptions = {
      template,
      missingValues: opts.missingValues as MissingValues,
      layout: layoutFrom(opts),
    };
    const parse = (text: string) =>
      parseSummaryJson(text, { invalidCharacters: opts.invalidCharacters as InvalidCharacters });
    // One document renders in this thread; a batch on worker threads, as many as there are free cores.
    const valid = inputs.filter((input) => input.text !== undefined).length;
    const pool = valid > 1 ? createRenderPool({ size: Math.min(valid, freeCores()) }) : undefined;
    try {
      const code = await runBatch(
        io,
        jobs,
        async ({ text }) => {
          const summary = parse(text);
          return pool ? pool.render(summary, options) : renderSummary(summary, options);
        },
        {
          json: opts.json === true,
          templateSource: opts.template,
          concurrency: pool ? Math.max(2, pool.size * 2) : 1,
          ...(opts.outDir !== undefined && { outDir: opts.outDir }),
          ...(io.env?.SOFFICE !== undefined && { pdf: { soffice: io.env.SOFFICE } }),
        },
      );
      done(code);
    } finally {
      await pool?.close();
    }
  });
}
