/**
 * The Markdown reader, for drafts an assistant wrote: `#` is the title, `##`/`###`/`####` headings (with
 * or without their numbers), lists, tables, emphasis markers removed. Each line is a paragraph, as in a
 * plain text draft: Markdown's joining of wrapped lines would merge a sign-off typed as two lines into
 * one, and Chinese drafts do not wrap their paragraphs.
 */
import type { DraftHints, DraftParagraph, DraftReading } from "./draft.js";
import { textLines, trimLayout } from "./text.js";

const HEADING = /^ {0,3}(#{1,6})(?:[ \t\u3000]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const BULLET = /^[ \t]*[-*+][ \t\u3000]+(.*)$/;
const ORDERED = /^([ \t]*)(\d{1,3})[.)][ \t\u3000]+(.*)$/;
const RULE = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const FENCE = /^ {0,3}(```|~~~)/;
const TABLE_SEPARATOR = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const PUNCTUATION = /[\s\p{P}\p{S}]/u;

/** Whether `text` reads as Markdown: a `#` heading, a table, a list with emphasis, or a bold run-in heading. */
export function looksLikeMarkdown(text: string): boolean {
  const lines = textLines(text).map((l) => l.text);
  if (lines.some((l) => /^ {0,3}#{1,6}[ \t\u3000]+\S/.test(l))) return true;
  if (
    lines.some(
      (l, i) => /^\s*\|/.test(l) && TABLE_SEPARATOR.test(lines[i + 1] ?? "") && /\|/.test(lines[i + 1] ?? ""),
    )
  )
    return true;
  return (
    lines.filter(
      (l) => /^[ \t]*(?:[-*+]|\d{1,3}\.)[ \t]+\*\*[^*\s]/.test(l) || /^\*\*[^*\s][^*]*\*\*/.test(l),
    ).length >= 2
  );
}

/**
 * Removes emphasis markers: `**bold**`, `__bold__`, `*em*`, `_em_`, `~~strike~~`. A marker opens only at
 * the start of the text or after a space or punctuation, so masked names and dates ("**同志", "*月*日",
 * "书记**主持") are left as typed.
 */
export function stripEmphasis(text: string): string {
  let out = text;
  for (const marker of ["**", "__", "~~", "*", "_"]) {
    const m = marker.replace(/\*/g, "\\*");
    const pattern = new RegExp(
      `(^|(?![*_~])[\\s\\p{P}\\p{S}])${m}(?![\\s*_~])([^*_~\\n]*?[^\\s*_~])${m}(?![*_~])`,
      "gu",
    );
    out = out.replace(pattern, (all, before: string, inner: string, offset: number) => {
      // A single * or _ also has to close before a space, punctuation or the end: "*月*日" is a mask.
      if (marker.length === 1) {
        const after = out[offset + all.length];
        if (after !== undefined && !PUNCTUATION.test(after)) return all;
      }
      return `${before}${inner}`;
    });
  }
  return out;
}

/** Inline Markdown to text: escapes, code spans, links and images (their text), `<br>`, emphasis. */
export function inlineText(text: string): string {
  const escaped: string[] = [];
  let out = text.replace(/\\([!-/:-@[-`{-~])/g, (_m, c: string) => {
    escaped.push(c);
    return `\uE000${escaped.length - 1}\uE000`;
  });
  out = out
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/`([^`]+)`/g, "$1");
  out = stripEmphasis(out);
  return out.replace(/\uE000(\d+)\uE000/g, (_m, i: string) => escaped[Number(i)] as string);
}

/** Whether `p` is a plain paragraph typed on the line just above `line` (a setext heading's text). */
function isLineAbove(p: DraftParagraph | undefined, line: number): p is DraftParagraph {
  return p !== undefined && "line" in p.source && p.source.line === line - 1 && !p.hints && !p.table;
}

function tableCells(line: string): string[] {
  let row = line.trim();
  if (row.startsWith("|")) row = row.slice(1);
  if (row.endsWith("|") && !row.endsWith("\\|")) row = row.slice(0, -1);
  return row.split(/(?<!\\)\|/).map((cell) => inlineText(trimLayout(cell.replace(/\\\|/g, "|"))));
}

/**
 * Reads a Markdown draft. Headings carry `hints.level` (`#` 0, the title; `##` 1; `###` 2; `####` 3),
 * list items `hints.listItem` (an ordered item's number as Markdown shows it, written into the text),
 * tables `table`.
 * @param text - the draft, already decoded
 * @example
 * readMarkdownDraft("# 组织生活会情况报告\n## 一、会前准备").paragraphs[1] //=> { text: "一、会前准备", source: { line: 2 }, hints: { level: 1 } }
 */
export function readMarkdownDraft(text: string): DraftReading {
  const lines = textLines(text);
  const paragraphs: DraftParagraph[] = [];
  let i = 0;
  // YAML front matter is metadata, not text.
  if (lines[0]?.text === "---") {
    const end = lines.findIndex((l, k) => k > 0 && /^(---|\.\.\.)$/.test(l.text));
    if (end > 0) i = end + 1;
  }
  let inFence = false;
  // An ordered list is numbered as Markdown shows it: from its first number, one up per item.
  let list: { indent: number; next: number } | undefined;
  for (; i < lines.length; i++) {
    const { line, text: raw } = lines[i] as { line: number; text: string };
    if (FENCE.test(raw)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      const t = trimLayout(raw);
      if (t !== "") paragraphs.push({ text: t, source: { line } });
      continue;
    }
    const body = raw.replace(/^(?: {0,3}>[ \t]?)+/, "");
    if (trimLayout(body) === "") continue;
    if (RULE.test(body)) {
      // A setext underline makes the line above a heading.
      const previous = paragraphs[paragraphs.length - 1];
      if (/^ {0,3}-+[ \t]*$/.test(body) && isLineAbove(previous, line)) previous.hints = { level: 1 };
      continue;
    }
    if (/^ {0,3}=+[ \t]*$/.test(body)) {
      const previous = paragraphs[paragraphs.length - 1];
      if (isLineAbove(previous, line)) previous.hints = { level: 0 };
      continue;
    }
    if (
      /^\s*\|/.test(body) &&
      TABLE_SEPARATOR.test(lines[i + 1]?.text ?? "") &&
      /\|/.test(lines[i + 1]?.text ?? "")
    ) {
      const table = [tableCells(body)];
      i += 2;
      while (i < lines.length && /^\s*\|/.test(lines[i]?.text ?? "")) {
        table.push(tableCells((lines[i] as { text: string }).text));
        i++;
      }
      i--;
      paragraphs.push({ text: "", source: { line }, table });
      list = undefined;
      continue;
    }
    const heading = HEADING.exec(body);
    if (heading) {
      const t = inlineText(trimLayout(heading[2] ?? ""));
      if (t !== "")
        paragraphs.push({ text: t, source: { line }, hints: { level: (heading[1] as string).length - 1 } });
      list = undefined;
      continue;
    }
    const ordered = ORDERED.exec(body);
    if (ordered) {
      const indent = (ordered[1] as string).length;
      if (!list || indent !== list.indent) list = { indent, next: Number(ordered[2]) };
      const number = list.next;
      list.next += 1;
      paragraphs.push({
        text: `${number}.${inlineText(trimLayout(ordered[3] as string))}`,
        source: { line },
        hints: { listItem: true },
      });
      continue;
    }
    const bullet = BULLET.exec(body);
    let t: string;
    const hints: DraftHints = {};
    if (bullet) {
      t = trimLayout(bullet[1] as string);
      hints.listItem = true;
    } else {
      t = trimLayout(body.replace(/(?:\\| {2,})$/, ""));
      // A line that is not indented ends an ordered list; an indented one continues its item.
      if (!/^[ \t]/.test(body)) list = undefined;
    }
    if (/^\*\*[^*]+\*\*$|^__[^_]+__$/.test(t)) hints.bold = true;
    t = inlineText(t);
    if (t === "") continue;
    paragraphs.push(
      Object.keys(hints).length > 0 ? { text: t, source: { line }, hints } : { text: t, source: { line } },
    );
  }
  return { paragraphs, warnings: [] };
}
