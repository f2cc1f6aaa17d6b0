import { InvalidArgumentError, Option } from "commander";
import { FontSet, type LayoutOptions, LINES_PER_PAGE, Margins } from "../layout/options.js";
import { Locale, localeFromEnv } from "../messages/catalogue.js";

/** `--locale`: the language of messages, by default the one the environment asks for (LANG). */
export function localeOption(): Option {
  return new Option("--locale <locale>", "the language of messages (default: from LANG)")
    .choices(Object.values(Locale))
    .default(localeFromEnv(process.env), "from LANG");
}

/** `--invalid-characters`, shared by the commands that read a summary. */
export function invalidCharactersOption(): Option {
  return new Option(
    "--invalid-characters <mode>",
    "characters a Word document cannot hold: reject them, or strip them",
  )
    .choices(["reject", "strip"])
    .default("reject");
}

/** The layout flags of a built-in template (src/layout/options.ts): `--fonts`, `--margins`, `--lines-per-page`. */
export function layoutOptions(): Option[] {
  return [
    new Option("--fonts <set>", "built-in templates: the _GB2312 faces, or plain 仿宋/楷体").choices(
      Object.values(FontSet),
    ),
    new Option(
      "--margins <kind>",
      "built-in templates: GB/T 9704 print margins, or GB/T 33476.2 screen",
    ).choices(Object.values(Margins)),
    new Option(
      "--lines-per-page <n>",
      `built-in templates: lines on a full page (${LINES_PER_PAGE.min}-${LINES_PER_PAGE.max}, default 22)`,
    ).argParser((value) => {
      const n = Number(value);
      if (!Number.isInteger(n) || n < LINES_PER_PAGE.min || n > LINES_PER_PAGE.max) {
        throw new InvalidArgumentError(`a whole number from ${LINES_PER_PAGE.min} to ${LINES_PER_PAGE.max}`);
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
