import { Command, CommanderError } from "commander";
import { VERSION } from "../version.js";
import { formatCommand } from "./format.js";
import { importCommand } from "./import.js";
import { initCommand } from "./init.js";
import { inspectCommand } from "./inspect.js";
import { type CliIo, Exit, ExitCode } from "./io.js";
import { renderCommand } from "./render.js";
import { schemaCommand } from "./schema.js";
import { validateCommand } from "./validate.js";

export { type CliIo, ExitCode } from "./io.js";

/** The program: one file per command beside this one, the shared plumbing in io.ts and options.ts. */
function buildProgram(io: CliIo, done: (code: number) => void): Command {
  const program = new Command("meeting-summary")
    .description(
      "Turn a meeting summary (JSON, or a draft in plain text, Markdown or Word) into an official Word report laid out to GB/T 9704-2012.",
    )
    .version(VERSION, "-v, --version")
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) });
  for (const command of [
    renderCommand,
    validateCommand,
    inspectCommand,
    schemaCommand,
    initCommand,
    importCommand,
    formatCommand,
  ]) {
    command(program, io, done);
  }
  return program;
}

/**
 * Runs the CLI: `meeting-summary render|validate|inspect|schema|init|import|format`. Never calls `process.exit`; the caller does.
 * @param argv - the arguments after the program name
 * @param io - where output goes and input comes from
 * @returns the exit code: 0 success, 1 invalid input, 2 usage error
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let code: number = ExitCode.Ok;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  if (argv.length === 0) {
    program.outputHelp({ error: true });
    return ExitCode.Usage;
  }
  try {
    await program.parseAsync([...argv], { from: "user" });
    return code;
  } catch (error) {
    if (error instanceof Exit) return error.code;
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage;
    }
    io.stderr(`meeting-summary: ${(error as Error).message}\n`);
    return ExitCode.InvalidInput;
  }
}
