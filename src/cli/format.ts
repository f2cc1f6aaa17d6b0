import type { Command } from "commander";
import type { Locale } from "../messages/catalogue.js";
import { renderSummary } from "../render-summary.js";
import { BuiltInTemplate, isBuiltInTemplate } from "../template/builtin.js";
import {
  type CliIo,
  type Done,
  describeError,
  ExitCode,
  importDraftFile,
  readBytes,
  writeOutput,
} from "./io.js";
import { type LayoutFlags, layoutFrom, layoutOptions, localeOption } from "./options.js";

/** `meeting-summary format`: a draft → the official document, in one step (import, then render). */
export function formatCommand(program: Command, io: CliIo, done: Done): void {
  const command = program
    .command("format")
    .description("import a draft (.txt, .md or .docx) and render it (nothing is written when either fails)")
    .argument("<draft>", 'the draft: plain text, Markdown or a Word .docx, or "-" for standard input')
    .requiredOption("-o, --output <file.docx>", "where to write the document")
    .option(
      "-t, --template <name|file.docx>",
      `a built-in template (${Object.values(BuiltInTemplate).join(", ")}) or your own .docx`,
      "report",
    )
    .option("--explain", "also print every decision the import took")
    .addOption(localeOption());
  for (const option of layoutOptions()) command.addOption(option);
  command.action(
    async (
      file: string,
      opts: LayoutFlags & { output: string; template: string; explain?: boolean; locale: Locale },
    ) => {
      const { summary } = await importDraftFile(io, file, {
        locale: opts.locale,
        explain: opts.explain === true,
      });
      const template = isBuiltInTemplate(opts.template) ? opts.template : await readBytes(io, opts.template);
      let bytes: Uint8Array;
      try {
        bytes = await renderSummary(summary, { template, layout: layoutFrom(opts) });
      } catch (error) {
        describeError(io, opts.template, error);
      }
      await writeOutput(io, opts.output, bytes);
      io.stdout(`wrote ${opts.output}\n`);
      done(ExitCode.Ok);
    },
  );
}
