import { type Command, Option } from "commander";
import { type Issue, MeetingSummaryError } from "../errors/index.js";
import type { InvalidCharacters } from "../model/parse.js";
import type { RenderOptions } from "../render-summary.js";
import { type BuiltInTemplate, isBuiltInTemplate } from "../template/builtin.js";
import type { MissingValues } from "../template/render.js";
import { checkOutputFlags, jobsFor, runBatch } from "./batch.js";
import {
  type CliIo,
  type Done,
  describeError,
  Exit,
  ExitCode,
  inputArgs,
  jsonIssue,
  printJson,
  readBytes,
  readCheckedData,
  readInputs,
  say,
  templateWarnings,
  tryReadBytes,
} from "./io.js";
import { helpMessages } from "./messages.js";
import {
  dataOption,
  examplesHelp,
  invalidCharactersOption,
  type LayoutFlags,
  layoutFrom,
  layoutOptions,
  type OutputFlags,
  outputOptions,
  templateOption,
} from "./options.js";
import { scriptMessages } from "./script-messages.js";

const EXAMPLES = [
  "meeting-summary render examples/seed-report.json -o report.docx",
  "meeting-summary render examples/seed-report.json -o report.pdf",
  "meeting-summary render reports/ extra.json --out-dir out --pdf",
  "meeting-summary render --jsonl all.jsonl --out-dir out --json",
  "cat summary.json | meeting-summary render -o - > report.docx",
];

interface RenderFlags extends LayoutFlags, OutputFlags {
  jsonl?: boolean;
  template: string;
  invalidCharacters: string;
  missingValues: string;
  data?: string;
}

/** `meeting-summary render`. */
export function renderCommand(program: Command, io: CliIo, done: Done): void {
  const command = program
    .command("render")
    .description(say(io, helpMessages.render, {}))
    .argument("[inputs...]", say(io, helpMessages.inputsArgument, {}));
  for (const option of outputOptions(io)) command.addOption(option);
  command
    .option("--jsonl", say(io, helpMessages.jsonl, {}))
    .addOption(templateOption(io))
    .addOption(invalidCharactersOption(io))
    .addOption(dataOption(io))
    .addOption(
      new Option("--missing-values <mode>", say(io, helpMessages.missingValues, {}))
        .choices(["error", "empty"])
        .default("error"),
    );
  for (const option of layoutOptions(io)) command.addOption(option);
  command.addHelpText("after", examplesHelp(io, EXAMPLES, "docs/cli.md#render"));
  command.action(async (files: string[], opts: RenderFlags) => {
    checkOutputFlags(io, command, opts);
    const [{ parseSummaryJson }, { createRenderPool, freeCores }, { renderSummary }, { compileTemplate }] =
      await Promise.all([
        import("../node.js"),
        import("../pool.js"),
        import("../render-summary.js"),
        import("../template/render.js"),
      ]);
    const args = inputArgs(io, command, files);
    if (opts.output !== undefined && opts.outDir === undefined && args.length > 1) {
      command.error(`error: ${say(io, scriptMessages.manyInputsOneOutput, {})}`, {
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
    const data = await readCheckedData(io, opts.data);
    const inputs = await readInputs(io, args, { jsonl: opts.jsonl === true });
    const jobs = await jobsFor(io, command, inputs, opts);
    const options: RenderOptions = {
      locale: io.locale,
      template,
      missingValues: opts.missingValues as MissingValues,
      layout: layoutFrom(opts),
      ...(data && { data }),
    };
    const parse = (text: string) =>
      parseSummaryJson(text, {
        invalidCharacters: opts.invalidCharacters as InvalidCharacters,
        locale: io.locale,
      });
    // One document renders in this thread; a batch on worker threads, as many as there are free cores.
    const valid = inputs.filter((input) => input.text !== undefined).length;
    const pool = valid > 1 ? createRenderPool({ size: Math.min(valid, freeCores()) }) : undefined;
    try {
      const code = await runBatch(
        io,
        jobs,
        async ({ text, source }) => {
          const summary = parse(text);
          const withWarnings = opts.json
            ? options
            : { ...options, onWarning: templateWarnings(io, source, opts.template) };
          return pool ? pool.render(summary, withWarnings) : renderSummary(summary, withWarnings);
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
