import { Command, CommanderError, Option } from "commander";
import { VERSION } from "../version.js";
import { formatCommand } from "./format.js";
import { helpConfiguration } from "./help.js";
import { importCommand } from "./import.js";
import { initCommand } from "./init.js";
import { inspectCommand } from "./inspect.js";
import { type CliIo, Exit, ExitCode, localeOf, say } from "./io.js";
import { helpMessages, localizeUsageError } from "./messages.js";
import { renderCommand } from "./render.js";
import { schemaCommand } from "./schema.js";
import { validateCommand } from "./validate.js";

export { type CliIo, ExitCode } from "./io.js";

/** The program: one file per command beside this one, the shared plumbing in io.ts and options.ts. */
function buildProgram(io: CliIo, done: (code: number) => void): Command {
  const locale = io.locale;
  const program = new Command("meeting-summary")
    .description(say(io, helpMessages.program, {}))
    .version(VERSION, "-v, --version", say(io, helpMessages.version, {}))
    .helpOption("-h, --help", say(io, helpMessages.help, {}))
    .helpCommand("help [command]", say(io, helpMessages.help, {}))
    .addOption(new Option("--lang <locale>", say(io, helpMessages.lang, {})).choices(["zh-CN", "en"]))
    .showSuggestionAfterError()
    .exitOverride()
    .configureHelp(helpConfiguration(locale ?? "en"))
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      outputError: (s, write) => write(localizeUsageError(s, locale ?? "en")),
    });
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
 * Everything it writes is in the language of `--lang zh-CN|en` (before or after the command), or else of
 * the environment's LC_ALL, LC_MESSAGES or LANG (`io.env`).
 * @param argv - the arguments after the program name
 * @param cliIo - where output goes and input comes from
 * @returns the exit code: 0 success, 1 invalid input, 2 usage error
 */
export async function runCli(argv: readonly string[], cliIo: CliIo): Promise<number> {
  const io: CliIo = { ...cliIo, locale: localeOf(argv, cliIo) };
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
