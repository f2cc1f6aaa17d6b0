import type { Command } from "commander";
import type { RenderOptions } from "../render-summary.js";
import { isBuiltInTemplate } from "../template/builtin.js";
import { checkOutputFlags, jobsFor, runBatch } from "./batch.js";
import {
  type CliIo,
  type Done,
  formatFromName,
  inputArgs,
  readBytes,
  readCheckedData,
  readInputs,
  reportIssues,
  reportWarnings,
  say,
  templateWarnings,
} from "./io.js";
import { helpMessages } from "./messages.js";
import {
  dataOption,
  examplesHelp,
  type LayoutFlags,
  layoutFrom,
  layoutOptions,
  type OutputFlags,
  outputOptions,
  templateOption,
} from "./options.js";

const EXAMPLES = [
  "meeting-summary format draft.txt -o report.docx",
  "meeting-summary format draft.docx -t document --fonts plain -o document.docx",
  "meeting-summary format drafts/ --out-dir out --pdf",
  "meeting-summary format draft.md -t branch-letterhead.docx --data extra.json -o report.docx",
];

interface FormatFlags extends LayoutFlags, OutputFlags {
  template: string;
  explain?: boolean;
  data?: string;
}

/**
 * `meeting-summary format`: drafts → official documents, in one step (import, then render), one draft to
 * `-o` or many to `--out-dir`, with the batch behaviour of `render` (src/cli/batch.ts).
 */
export function formatCommand(program: Command, io: CliIo, done: Done): void {
  const command = program
    .command("format")
    .description(say(io, helpMessages.format, {}))
    .argument("[drafts...]", say(io, helpMessages.draftsArgument, {}));
  for (const option of outputOptions(io)) command.addOption(option);
  command
    .addOption(templateOption(io))
    .addOption(dataOption(io))
    .option("--explain", say(io, helpMessages.explain, {}));
  for (const option of layoutOptions(io)) command.addOption(option);
  command.addHelpText("after", examplesHelp(io, EXAMPLES, "docs/import.md, docs/cli.md#format"));
  command.action(async (files: string[], opts: FormatFlags) => {
    checkOutputFlags(io, command, opts);
    const [{ importDraft }, { renderSummary }, { usePrebuiltPrograms }] = await Promise.all([
      import("../import/index.js"),
      import("../render-summary.js"),
      import("../template/prebuilt-programs.js"),
    ]);
    usePrebuiltPrograms();
    const template = isBuiltInTemplate(opts.template) ? opts.template : await readBytes(io, opts.template);
    const data = await readCheckedData(io, opts.data);
    const inputs = await readInputs(io, inputArgs(io, command, files), { drafts: true });
    const jobs = await jobsFor(io, command, inputs, opts);
    const options: RenderOptions = {
      locale: io.locale,
      template,
      layout: layoutFrom(opts),
      ...(data && { data }),
    };
    const code = await runBatch(
      io,
      jobs,
      async ({ source, bytes }) => {
        const format = source === "<stdin>" ? undefined : formatFromName(source);
        const imported = importDraft(bytes ?? new Uint8Array(), {
          ...(io.locale && { locale: io.locale }),
          name: source,
          ...(format !== undefined && { format }),
        });
        if (!opts.json) {
          if (opts.explain) reportIssues(io, source, imported.explanations);
          reportWarnings(io, source, imported.warnings);
        }
        const onWarning = templateWarnings(io, source, opts.template);
        return renderSummary(imported.summary, opts.json ? options : { ...options, onWarning });
      },
      {
        json: opts.json === true,
        templateSource: opts.template,
        concurrency: 1,
        ...(opts.outDir !== undefined && { outDir: opts.outDir }),
        ...(io.env?.SOFFICE !== undefined && { pdf: { soffice: io.env.SOFFICE } }),
      },
    );
    done(code);
  });
}
