import { resolve } from "node:path";
import { type Command, Option } from "commander";
import { ErrorCode, MeetingSummaryError } from "../errors/index.js";
import type { InvalidCharacters } from "../model/parse.js";
import { parseSummaryJson, writeFileAtomic } from "../node.js";
import { renderSummary } from "../render-summary.js";
import { BuiltInTemplate, isBuiltInTemplate } from "../template/builtin.js";
import type { MissingValues } from "../template/render.js";
import { type TemplateIssue, TemplateIssueCode } from "../template/template-issues.js";
import {
  type CliIo,
  type Done,
  describeError,
  Exit,
  ExitCode,
  readBytes,
  readData,
  readInput,
  reportWarnings,
  say,
} from "./io.js";
import { cliMessages, helpMessages } from "./messages.js";
import {
  dataOption,
  invalidCharactersOption,
  type LayoutFlags,
  layoutFrom,
  layoutOptions,
} from "./options.js";
/** `meeting-summary render`. */
export function renderCommand(program: Command, io: CliIo, done: Done): void {
  const command = program
    .command("render")
    .description(say(io, helpMessages.render, {}))
    .argument("<summary.json>", say(io, helpMessages.summaryArgument, {}))
    .requiredOption("-o, --output <file.docx>", say(io, helpMessages.output, {}))
    .option(
      "-t, --template <name|file.docx>",
      say(io, helpMessages.template, { names: Object.values(BuiltInTemplate) }),
      "report",
    )
    .addOption(invalidCharactersOption(io))
    .addOption(dataOption(io))
    .addOption(
      new Option("--missing-values <mode>", say(io, helpMessages.missingValues, {}))
        .choices(["error", "empty"])
        .default("error"),
    );
  for (const option of layoutOptions(io)) command.addOption(option);
  command.action(
    async (
      file: string,
      opts: LayoutFlags & {
        output: string;
        template: string;
        invalidCharacters: string;
        missingValues: string;
        data?: string;
      },
    ) => {
      const source = file === "-" ? "<stdin>" : file;
      const text = await readInput(io, file);
      const template = isBuiltInTemplate(opts.template) ? opts.template : await readBytes(io, opts.template);
      const data = await readData(io, opts.data);
      const warnings: TemplateIssue[] = [];
      let bytes: Uint8Array;
      try {
        const summary = parseSummaryJson(text, {
          invalidCharacters: opts.invalidCharacters as InvalidCharacters,
          locale: io.locale,
        });
        bytes = await renderSummary(summary, {
          locale: io.locale,
          template,
          missingValues: opts.missingValues as MissingValues,
          layout: layoutFrom(opts),
          ...(data && { data }),
          onWarning: (warning) => warnings.push(warning),
        });
      } catch (error) {
        // Summary problems are the summary file's; template problems the template's; data problems the data's.
        const code = error instanceof MeetingSummaryError ? error.code : undefined;
        const blamed =
          code === ErrorCode.InvalidSummary ? source : code === ErrorCode.InvalidData ? opts.data : undefined;
        describeError(io, blamed ?? opts.template, error);
      }
      // Content of the summary the template prints nowhere is the summary's; the rest the template's.
      for (const warning of warnings) {
        reportWarnings(io, warning.code === TemplateIssueCode.UnplacedContent ? source : opts.template, [
          warning,
        ]);
      }
      try {
        await writeFileAtomic(resolve(io.cwd, opts.output), bytes);
      } catch (error) {
        const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
        io.stderr(`${say(io, cliMessages.cannotWrite, { file: opts.output, reason })}\n`);
        throw new Exit(ExitCode.InvalidInput);
      }
      io.stdout(`${say(io, cliMessages.wrote, { file: opts.output })}\n`);
      done(ExitCode.Ok);
    },
  );
}
