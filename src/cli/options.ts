import { InvalidArgumentError, Option } from "commander";
import { FontSet, type LayoutOptions, LINES_PER_PAGE, Margins } from "../layout/options.js";
import { BuiltInTemplate } from "../template/builtin.js";
import { type CliIo, say } from "./io.js";
import { helpMessages } from "./messages.js";

/** `-t, --template`: a built-in template's name or your own .docx, shared by the rendering commands. */
export function templateOption(io: CliIo): Option {
  return new Option(
    "-t, --template <name|file.docx>",
    say(io, helpMessages.template, { names: Object.values(BuiltInTemplate) }),
  ).default("report");
}

/** `--invalid-characters`, shared by the commands that read a summary. */
export function invalidCharactersOption(io: CliIo): Option {
  return new Option("--invalid-characters <mode>", say(io, helpMessages.invalidCharacters, {}))
    .choices(["reject", "strip"])
    .default("reject");
}

/** `--data <extra.json>`, shared by the commands that fill or check a template (read with `readData`). */
export function dataOption(io: CliIo): Option {
  return new Option("--data <extra.json>", say(io, helpMessages.data, {}));
}

/** The layout flags of a built-in template (src/layout/options.ts): `--fonts`, `--margins`, `--lines-per-page`. */
export function layoutOptions(io: CliIo): Option[] {
  const range = { min: LINES_PER_PAGE.min, max: LINES_PER_PAGE.max };
  return [
    new Option("--fonts <set>", say(io, helpMessages.fonts, {})).choices(Object.values(FontSet)),
    new Option("--margins <kind>", say(io, helpMessages.margins, {})).choices(Object.values(Margins)),
    new Option("--lines-per-page <n>", say(io, helpMessages.linesPerPage, range)).argParser((value) => {
      const n = Number(value);
      if (!Number.isInteger(n) || n < range.min || n > range.max) {
        throw new InvalidArgumentError(say(io, helpMessages.linesPerPageInvalid, range));
      }
      return n;
    }),
  ];
}

/** The values of the {@link layoutOptions} flags, as commander parses them. */
export interface LayoutFlags {
  fonts?: FontSet;
  margins?: Margins;
  linesPerPage?: number;
}

/** The layout the flags ask for: only what was given. */
export function layoutFrom({ fonts, margins, linesPerPage }: LayoutFlags): LayoutOptions {
  return { ...(fonts && { fonts }), ...(margins && { margins }), ...(linesPerPage && { linesPerPage }) };
}

/** The text after a command's help: examples that run as written, and where its documentation is. */
export function examplesHelp(io: CliIo, commands: readonly string[], docs: string): string {
  return say(io, helpMessages.examples, { commands, docs });
}

/** The flags of {@link outputOptions}, as commander gives them to `render` and `format`. */
export interface OutputFlags {
  output?: string | undefined;
  outDir?: string | undefined;
  pdf?: boolean | undefined;
  json?: boolean | undefined;
}

/**
 * Where a rendering command writes: `-o <file>` (a .docx, a .pdf, or `-` for standard output), or
 * `--out-dir <folder>` for many inputs; `--pdf` beside each .docx; `--json` for scripts (src/cli/batch.ts).
 */
export function outputOptions(io: CliIo): Option[] {
  return [
    new Option("-o, --output <file>", say(io, helpMessages.output, {})),
    new Option("--out-dir <folder>", say(io, helpMessages.outDir, {})),
    new Option("--pdf", say(io, helpMessages.pdf, {})),
    new Option("--json", say(io, helpMessages.renderJson, {})),
  ];
}
