import type { Command } from "commander";
import { ErrorCode, MeetingSummaryError } from "../errors/index.js";
import { renderSummary } from "../render-summary.js";
import { BuiltInTemplate, isBuiltInTemplate } from "../template/builtin.js";
import { type TemplateIssue, TemplateIssueCode } from "../template/template-issues.js";
import {
  type CliIo,
  type Done,
  describeError,
  ExitCode,
  importDraftFile,
  readBytes,
  readData,
  reportWarnings,
  say,
  writeOutput,
} from "./io.js";
import { cliMessages, helpMessages } from "./messages.js";
import { dataOption, examplesHelp, type LayoutFlags, layoutFrom, layoutOptions } from "./options.js";

const EXAMPLES = [
  "meeting-summary format draft.txt -o report.docx",
  "meeting-summary format draft.docx -t document --fonts plain -o document.docx",
  "meeting-summary format draft.md -t branch-letterhead.docx --data extra.json -o report.docx",
];

/** `meeting-summary format`: a draft → the official document, in one step (import, then render). */
export function formatCommand(program: Command, io: CliIo, done: Done): void {
  const command = program
    .command("format")
    .description(say(io, helpMessages.format, {}))
    .argument("<draft>", say(io, helpMessages.draftArgument, {}))
    .requiredOption("-o, --output <file.docx>", say(io, helpMessages.formatOutput, {}))
    .option(
      "-t, --template <name|file.docx>",
      say(io, helpMessages.template, { names: Object.values(BuiltInTemplate) }),
      "report",
    )
    .addOption(dataOption(io))
    .option("--explain", say(io, helpMessages.explain, {}));
  for (const option of layoutOptions(io)) command.addOption(option);
  command.addHelpText("after", examplesHelp(io, EXAMPLES, "docs/import.md, docs/cli.md#format"));
  command.action(
    async (
      file: string,
      opts: LayoutFlags & { output: string; template: string; explain?: boolean; data?: string },
    ) => {
      const source = file === "-" ? "<stdin>" : file;
      const { summary } = await importDraftFile(io, file, { explain: opts.explain === true });
      const template = isBuiltInTemplate(opts.template) ? opts.template : await readBytes(io, opts.template);
      const data = await readData(io, opts.data);
      const warnings: TemplateIssue[] = [];
      let bytes: Uint8Array;
      try {
        bytes = await renderSummary(summary, {
          locale: io.locale,
          template,
          layout: layoutFrom(opts),
          ...(data && { data }),
          onWarning: (warning) => warnings.push(warning),
        });
      } catch (error) {
        // What the template needs of the draft is the draft's; data problems the data's; the rest the template's.
        const code = error instanceof MeetingSummaryError ? error.code : undefined;
        const blamed =
          code === ErrorCode.InvalidSummary ? source : code === ErrorCode.InvalidData ? opts.data : undefined;
        describeError(io, blamed ?? opts.template, error);
      }
      for (const warning of warnings) {
        reportWarnings(io, warning.code === TemplateIssueCode.UnplacedContent ? source : opts.template, [
          warning,
        ]);
      }
      await writeOutput(io, opts.output, bytes);
      io.stdout(`${say(io, cliMessages.wrote, { file: opts.output })}\n`);
      done(ExitCode.Ok);
    },
  );
}
