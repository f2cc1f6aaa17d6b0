/**
 * A draft as its readers hand it to the recogniser: one entry per paragraph (or table) in reading order,
 * whatever the draft was typed in. The readers (plain text, Markdown, .docx) know their format; the
 * recogniser (title, 主送机关, 一、（一）1.（1）, sign-off, 附件) knows the genre and never sees a format.
 */
import type { Issue } from "../errors/index.js";

/** Where a paragraph came from, for warnings: a plain text or Markdown line, or a Word paragraph (from 1). */
export type DraftSource = { readonly line: number } | { readonly paragraph: number };

/** How a paragraph was set, where the draft says so (a Word paragraph, a Markdown heading). */
export interface DraftHints {
  /** The paragraph's alignment: a centred short line is a title, right-aligned lines a sign-off. */
  align?: "left" | "center" | "right" | "justify";
  /** A heading level the draft declares (Markdown `#` count, Word "Heading N"/"标题 N" style, outline level); 0 for a title. */
  level?: number;
  /** The text (all of it) is bold. */
  bold?: boolean;
  /** A Markdown list item or a Word list paragraph whose number the reader has already written into `text`. */
  listItem?: boolean;
}

/** One paragraph of a draft, or one table. */
export interface DraftParagraph {
  /**
   * The text as the draft shows it: numbers typed or displayed by Word's automatic numbering included
   * ("（一）认真组织动员。"), manual line breaks as "\n"; emphasis markers and indentation already removed by the reader.
   */
  text: string;
  /** Where it came from. */
  source: DraftSource;
  /** Hints the format gives, where it gives any. */
  hints?: DraftHints;
  /** A table: rows of cell texts (a cell's paragraphs joined by "\n"). `text` is then "". */
  table?: string[][];
}

/** What a reader returns: the paragraphs, and what it noticed (text boxes, comments, tracked changes…). */
export interface DraftReading {
  paragraphs: DraftParagraph[];
  warnings: Issue[];
}
