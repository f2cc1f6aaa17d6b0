import { type Command, Option } from "commander";
import { type Issue, MeetingSummaryError } from "../errors/index.js";
import type { InvalidCharacters } from "../model/parse.js";
import { BuiltInTemplate } from "../template/builtin.js";
import {
  type CliIo,
  type Done,
  ExitCode,
  inputArgs,
  type JsonIssue,
  jsonIssue,
  printJson,
  readInputs,
  say,
} from "./io.js";
import { cliMessages, helpMessages } from "./messages.js";
import { examplesHelp, invalidCharactersOption } from "./options.js";

const EXAMPLES = [
  "meeting-summary validate examples/seed-report.json",
  "meeting-summary validate examples/document.json -t document",
  "meeting-summary validate reports/ --json",
  "cat summary.json | meeting-summary validate",
];

/** One input's outcome, as `--json` prints it. */
interface ValidateResult {
  input: string;
  valid: boolean;
  issues: JsonIssue[];
  warnings: JsonIssue[];
}

/** `meeting-summary validate`. */
export function validateCommand(program: Command, io: CliIo, done: Done): void {
  const command = program
    .command("validate")
    .description(say(io, helpMessages.validate, {}))
    .argument("[inputs...]", say(io, helpMessages.inputsArgument, {}))
    .option("--jsonl", say(io, helpMessages.jsonl, {}))
    .option("--json", say(io, helpMessages.validateJson, {}))
    .addOption(invalidCharactersOption(io))
    .addOption(
      new Option("-t, --template <name>", say(io, helpMessages.validateTemplate, {})).choices(
        Object.values(BuiltInTemplate),
      ),
    )
    .addHelpText("after", examplesHelp(io, EXAMPLES, "docs/cli.md#validate"));
  command.action(
    async (
      files: string[],
      opts: { invalidCharacters: string; json?: boolean; jsonl?: boolean; template?: BuiltInTemplate },
    ) => {
      const [{ validateSummary }, { templateIssues }, { parseSummaryJson }] = await Promise.all([
        import("../model/parse.js"),
        import("../model/template-checks.js"),
        import("../node.js"),
      ]);
      const inputs = await readInputs(io, inputArgs(io, command, files), { jsonl: opts.jsonl === true });
      const results: ValidateResult[] = [];
      for (const input of inputs) {
        let issues: readonly Issue[] = input.issues ?? [];
        let warnings: readonly Issue[] = [];
        if (input.text !== undefined) {
          try {
            const summary = parseSummaryJson(input.text, {
              invalidCharacters: opts.invalidCharacters as InvalidCharacters,
              locale: io.locale,
            });
            // What a built-in template needs beyond the model (-t document: its 版头 and 版记).
            issues = opts.template === undefined ? [] : templateIssues(summary, opts.template, io.locale);
            // Warnings (conventions, likely slips) never fail: they are printed and the exit code stays 0.
            warnings = validateSummary(summary, { locale: io.locale }).warnings;
          } catch (error) {
            if (!(error instanceof MeetingSummaryError)) throw error;
            issues = error.issues;
          }
        }
        results.push({
          input: input.source,
          valid: issues.length === 0,
          issues: issues.map(jsonIssue),
          warnings: warnings.map(jsonIssue),
        });
        if (opts.json) continue;
        const source = input.source;
        for (const issue of issues)
          io.stderr(`${say(io, cliMessages.issue, { source, message: issue.message })}\n`);
        if (issues.length > 0) continue;
        for (const warning of warnings) {
          io.stderr(`${say(io, cliMessages.warning, { source, message: warning.message })}\n`);
        }
        io.stdout(`${say(io, cliMessages.valid, { source })}\n`);
      }
      const valid = results.every((r) => r.valid);
      if (opts.json) printJson(io, { ok: valid, results });
      done(valid ? ExitCode.Ok : ExitCode.InvalidInput);
    },
  );
}
