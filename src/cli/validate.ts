import type { Command } from "commander";
import { type Issue, MeetingSummaryError } from "../errors/index.js";
import { type InvalidCharacters, validateSummary } from "../model/parse.js";
import { parseSummaryJson } from "../node.js";
import {
  type CliIo,
  type Done,
  ExitCode,
  inputArgs,
  type JsonIssue,
  jsonIssue,
  printJson,
  readInputs,
} from "./io.js";
import { invalidCharactersOption } from "./options.js";

const EXAMPLES = `
Examples:
  $ meeting-summary validate examples/seed-report.json
  $ meeting-summary validate reports/ --json
  $ cat summary.json | meeting-summary validate

Docs: docs/cli.md#validate (in the package: node_modules/meeting-summary-docx/docs/cli.md)
`;

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
    .description(
      "check summaries and list every problem with its path (exit 1 when there is any); warnings do not fail",
    )
    .argument(
      "[inputs...]",
      'summaries as JSON files, folders of them, JSON Lines files, or "-" for standard input (the default when it is piped)',
    )
    .option("--jsonl", "read files and standard input as JSON Lines: one summary a line")
    .option("--json", "print the result as JSON on standard output")
    .addOption(invalidCharactersOption())
    .addHelpText("after", EXAMPLES);
  command.action(
    async (files: string[], opts: { invalidCharacters: string; json?: boolean; jsonl?: boolean }) => {
      const inputs = await readInputs(io, inputArgs(io, command, files), { jsonl: opts.jsonl === true });
      const results: ValidateResult[] = [];
      for (const input of inputs) {
        let issues: readonly Issue[] = input.issues ?? [];
        let warnings: readonly Issue[] = [];
        if (input.text !== undefined) {
          try {
            const summary = parseSummaryJson(input.text, {
              invalidCharacters: opts.invalidCharacters as InvalidCharacters,
            });
            // Warnings (conventions, likely slips) never fail: they are printed and the exit code stays 0.
            warnings = validateSummary(summary).warnings;
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
        for (const issue of issues) io.stderr(`${input.source}: ${issue.message}\n`);
        if (issues.length > 0) continue;
        for (const warning of warnings) io.stderr(`${input.source}: warning: ${warning.message}\n`);
        io.stdout(`${input.source}: valid\n`);
      }
      const valid = results.every((r) => r.valid);
      if (opts.json) printJson(io, { ok: valid, results });
      done(valid ? ExitCode.Ok : ExitCode.InvalidInput);
    },
  );
}
