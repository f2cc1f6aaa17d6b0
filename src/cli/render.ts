import { resolve } from "node:path";
import { type Command, Option } from "commander";
import { ErrorCode, MeetingSummaryError } from "../errors/index.js";
import type { InvalidCharacters } from "../model/parse.js";
import { parseSummaryJson, UnsafeOutputError, writeFileAtomic } from "../node.js";
import { renderSummary } from "../render-summary.js";
import { BuiltInTemplate, isBuiltInTemplate } from "../template/builtin.js";
import type { MissingValues } from "../template/render.js";
import { type CliIo, type Done, describeError, Exit, ExitCode, readBytes, readInput } from "./io.js";
import { invalidCharactersOption, type LayoutFlags, layoutFrom, layoutOptions } from "./options.js";
/** `meeting-summary render`. */
export function renderCommand(program: Command, io: CliIo, done: Done): void {
  const command = program
    .command("render")
    .description("render a summary to a .docx (nothing is written when the input is invalid)")
    .argument("<summary.json>", 'the summary as JSON, or "-" for standard input')
    .requiredOption("-o, --output <file.docx>", "where to write the document")
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
  command.action(
    async (
      file: string,
      opts: LayoutFlags & {
        output: string;
        template: string;
        invalidCharacters: string;
        missingValues: string;
      },
    ) => {
      const source = file === "-" ? "<stdin>" : file;
      const text = await readInput(io, file);
      const template = isBuiltInTemplate(opts.template) ? opts.template : await readBytes(io, opts.template);
      let bytes: Uint8Array;
      try {
        const summary = parseSummaryJson(text, {
          invalidCharacters: opts.invalidCharacters as InvalidCharacters,
        });
        bytes = await renderSummary(summary, {
          template,
          missingValues: opts.missingValues as MissingValues,
          layout: layoutFrom(opts),
        });
      } catch (error) {
        // Summary problems are the summary file's; template problems are the template file's.
        const isSummary = error instanceof MeetingSummaryError && error.code === ErrorCode.InvalidSummary;
        describeError(io, isSummary ? source : opts.template, error);
      }
      try {
        await writeFileAtomic(resolve(io.cwd, opts.output), bytes);
      } catch (error) {
        const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
        // A refusal says what is at the path; an fs error gives its code.
        const detail =
          error instanceof UnsafeOutputError
            ? ` ${error.reason}: nothing was written`
            : `: cannot be written (${reason})`;
        io.stderr(`${opts.output}${detail}\n`);
        throw new Exit(ExitCode.InvalidInput);
      }
      io.stdout(`wrote ${opts.output}\n`);
      done(ExitCode.Ok);
    },
  );
}
