import { Command, CommanderError, Help, Option } from "commander";
import { isLocale, type Locale, localeFromEnv } from "../messages/catalogue.js";
import { VERSION } from "../version.js";
import { initCommand } from "./init.js";
import { inspectCommand } from "./inspect.js";
import { type CliIo, Exit, ExitCode, say } from "./io.js";
import { helpMessages, helpTitle, localizeUsageError } from "./messages.js";
import { renderCommand } from "./render.js";
import { schemaCommand } from "./schema.js";
import { validateCommand } from "./validate.js";

export { type CliIo, ExitCode } from "./io.js";

/**
 * The language of this run: `--lang` (or `--lang=`) anywhere before `--`, else LC_ALL, LC_MESSAGES, LANG.
 * It is read before commander parses, because the help commander prints is built in that language; a
 * value that is not a language is left for commander to refuse.
 */
function resolveLocale(argv: readonly string[], io: CliIo): Locale {
  for (let i = 0; i < argv.length && argv[i] !== "--"; i++) {
    const arg = argv[i] as string;
    const value = arg === "--lang" ? argv[i + 1] : arg.startsWith("--lang=") ? arg.slice(7) : undefined;
    if (isLocale(value)) return value;
  }
  return localeFromEnv(io.env ?? {});
}

/** Characters a terminal shows two columns wide: CJK, Hangul, full-width forms. */
const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\u{20000}-\u{3FFFD}]/u;

/** The columns `text` takes in a terminal. */
function columns(text: string): number {
  return [...text].reduce((width, char) => width + (WIDE.test(char) ? 2 : 1), 0);
}

/** Punctuation that never begins a line of Chinese text (an opening bracket never ends one). */
const NO_BREAK_BEFORE = /^[，。；：、）》」”’！？]/u;

/**
 * Wraps help text to `width` columns the way Chinese is set: between any two characters, not only at
 * spaces; closing punctuation never begins a line and an opening bracket never ends one (the character
 * before goes down with them). Latin words (flags, values) stay whole.
 */
function wrapChinese(text: string, width: number): string {
  if (width < 40) return text;
  const wrapLine = (line: string) => {
    const lines: string[] = [];
    let current: string[] = [];
    for (const token of line.match(/\s+|[^\s\u2E80-\uFFFF]+|./gu) ?? []) {
      if (current.join("").trim() === "" || columns(current.join("") + token) <= width) {
        current.push(token);
        continue;
      }
      // Carry down what may not end a line, and the character a closing mark must follow.
      let carried = NO_BREAK_BEFORE.test(token) ? 1 : 0;
      while (carried < current.length && /^[（《「“‘]$/u.test(current[current.length - 1 - carried] ?? "")) {
        carried++;
      }
      if (carried >= current.length) carried = 0;
      lines.push(
        current
          .slice(0, current.length - carried)
          .join("")
          .trimEnd(),
      );
      current = [...current.slice(current.length - carried), token];
      current[0] = (current[0] as string).trimStart();
    }
    return [...lines, current.join("").trimEnd()].join("\n");
  };
  return text.split("\n").map(wrapLine).join("\n");
}

/** commander's help, with its headings and the notes on choices and defaults in `locale`. */
function helpConfiguration(locale: Locale): Partial<Help> {
  if (locale === "en") return {};
  const extra = (description: string, choices?: readonly string[], defaultValue?: unknown) => {
    const notes = [
      ...(choices ? [`可选：${choices.join("、")}`] : []),
      ...(defaultValue !== undefined && typeof defaultValue !== "boolean"
        ? [`默认：${String(defaultValue)}`]
        : []),
    ];
    return notes.length > 0 ? `${description}（${notes.join("；")}）` : description;
  };
  const english = new Help();
  const placeholders = (usage: string) => usage.replace("[options]", "[选项]").replace("[command]", "[命令]");
  return {
    styleTitle: (title) => helpTitle(title, locale),
    // A Chinese character takes two columns of a terminal, and a line may break after any of them.
    displayWidth: columns,
    boxWrap: wrapChinese,
    commandUsage: (command) => placeholders(english.commandUsage(command)),
    subcommandTerm: (command) => placeholders(english.subcommandTerm(command)),
    optionDescription: (o) => extra(o.description, o.argChoices, o.defaultValue),
    argumentDescription: (a) => extra(a.description, a.argChoices, a.defaultValue),
  };
}

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
  for (const command of [renderCommand, validateCommand, inspectCommand, schemaCommand, initCommand]) {
    command(program, io, done);
  }
  return program;
}

/**
 * Runs the CLI: `meeting-summary render|validate|inspect|schema|init`. Never calls `process.exit`; the caller does.
 * Everything it writes is in the language of `--lang zh-CN|en` (before or after the command), or else of
 * the environment's LC_ALL, LC_MESSAGES or LANG (`io.env`).
 * @param argv - the arguments after the program name
 * @param cliIo - where output goes and input comes from
 * @returns the exit code: 0 success, 1 invalid input, 2 usage error
 */
export async function runCli(argv: readonly string[], cliIo: CliIo): Promise<number> {
  const io: CliIo = { ...cliIo, locale: resolveLocale(argv, cliIo) };
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
