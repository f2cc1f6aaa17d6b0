/*
 * commander's help in Chinese: its headings and placeholders, the notes on choices and defaults, and a
 * layout that knows a Chinese character takes two columns of a terminal and how Chinese lines break.
 * The words of each command's help are in messages.ts; English help is commander's own.
 */

import { Help } from "commander";
import type { Locale } from "../messages/catalogue.js";
import { helpTitle } from "./messages.js";

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
export function helpConfiguration(locale: Locale): Partial<Help> {
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
