import type { Command } from "commander";
import type { Issue } from "../errors/index.js";
import { type InvalidCharacters, validateSummary } from "../model/parse.js";
import { parseSummaryJson } from "../node.js";
import { type CliIo, type Done, describeError, ExitCode, readInput } from "./io.js";
import { invalidCharactersOption } from "./options.js";
/** `meeting-summary validate`. */
export function validateCommand(program: Command, io: CliIo, done: Done): void {
  program
    .command("validate")
    .description(
      "check a summary and list every problem with its path (exit 1 when there is any); warnings do not fail",
    )
    .argument("<summary.json>", 'the summary as JSON, or "-" for standard input')
    .addOption(invalidCharactersOption())
    .action(async (file: string, opts: { invalidCharacters: string }) => {
      const text = await readInput(io, file);
      const source = file === "-" ? "<stdin>" : file;
      let warnings: readonly Issue[] = [];
      try {
        const summary = parseSummaryJson(text, {
          invalidCharacters: opts.invalidCharacters as InvalidCharacters,
        });
        // Warnings (conventions, likely slips) never fail: they are printed and the exit code stays 0.
        warnings = validateSummary(summary).warnings;
      } catch (error) {
        describeError(io, source, error);
      }
      for (const warning of warnings) io.stderr(`${source}: warning: ${warning.message}\n`);
      io.stdout(`${source}: valid\n`);
      done(ExitCode.Ok);
    });
}
