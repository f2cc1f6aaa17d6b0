import { type Command, Option } from "commander";
import { InvalidSummaryError, type Issue } from "../errors/index.js";
import { type InvalidCharacters, validateSummary } from "../model/parse.js";
import { templateIssues } from "../model/template-checks.js";
import { parseSummaryJson } from "../node.js";
import { BuiltInTemplate } from "../template/builtin.js";
import { type CliIo, type Done, describeError, ExitCode, readInput, say } from "./io.js";
import { cliMessages, helpMessages } from "./messages.js";
import { invalidCharactersOption } from "./options.js";
/** `meeting-summary validate`. */
export function validateCommand(program: Command, io: CliIo, done: Done): void {
  program
    .command("validate")
    .description(say(io, helpMessages.validate, {}))
    .argument("<summary.json>", say(io, helpMessages.summaryArgument, {}))
    .addOption(invalidCharactersOption(io))
    .addOption(
      new Option("-t, --template <name>", say(io, helpMessages.validateTemplate, {})).choices(
        Object.values(BuiltInTemplate),
      ),
    )
    .action(async (file: string, opts: { invalidCharacters: string; template?: BuiltInTemplate }) => {
      const text = await readInput(io, file);
      const source = file === "-" ? "<stdin>" : file;
      let warnings: readonly Issue[] = [];
      try {
        const summary = parseSummaryJson(text, {
          invalidCharacters: opts.invalidCharacters as InvalidCharacters,
          locale: io.locale,
        });
        const missing = opts.template === undefined ? [] : templateIssues(summary, opts.template, io.locale);
        if (missing.length > 0) throw new InvalidSummaryError(missing, { locale: io.locale });
        // Warnings (conventions, likely slips) never fail: they are printed and the exit code stays 0.
        warnings = validateSummary(summary, { locale: io.locale }).warnings;
      } catch (error) {
        describeError(io, source, error);
      }
      for (const warning of warnings) {
        io.stderr(`${say(io, cliMessages.warning, { source, message: warning.message })}\n`);
      }
      io.stdout(`${say(io, cliMessages.valid, { source })}\n`);
      done(ExitCode.Ok);
    });
}
