/**
 * The plain text reader: one line is one paragraph, as clerks type them. Indentation (spaces, full-width
 * spaces, tabs), trailing spaces and blank lines are layout, not text; every other character is kept.
 */
import type { DraftParagraph, DraftReading } from "./draft.js";

/** Whitespace a clerk types for layout at either end of a line: spaces, tabs, full-width and no-break spaces. */
export const LAYOUT_SPACE = /^[\s\u3000\u00a0\ufeff]+|[\s\u3000\u00a0\ufeff]+$/g;

/** A line without the layout at its ends. */
export function trimLayout(line: string): string {
  return line.replace(LAYOUT_SPACE, "");
}

/** The lines of a text (\r\n, \r or \n; a form feed ends a line too), numbered from 1. */
export function textLines(text: string): { line: number; text: string }[] {
  return text.split(/\r\n|\r|\n|\f/).map((t, i) => ({ line: i + 1, text: t }));
}

/**
 * Reads a plain text draft: each non-blank line a paragraph, with its line number.
 * @param text - the draft, already decoded
 * @example
 * readTextDraft("　　巡视整改报告\n\n一、准备\n").paragraphs.map((p) => p.text) //=> ["巡视整改报告", "一、准备"]
 */
export function readTextDraft(text: string): DraftReading {
  const paragraphs: DraftParagraph[] = [];
  for (const { line, text: raw } of textLines(text)) {
    const t = trimLayout(raw);
    if (t !== "") paragraphs.push({ text: t, source: { line } });
  }
  return { paragraphs, warnings: [] };
}
