import { Paragraph, type Table, TextRun } from "docx";

/*
 * Tag paragraphs for the built-in templates: every docxtemplater control tag alone in its paragraph.
 */

/** A paragraph holding tags only, each in one run (a tag split across runs takes mixed formatting). */
export function tagParagraph(tag: string, style?: string): Paragraph {
  return new Paragraph({ style, children: [new TextRun(tag)] });
}

/**
 * A loop or condition: `{#name}` and `{/name}` each alone in a paragraph around the body, so that
 * docxtemplater's `paragraphLoop` removes both paragraphs and leaves no blank line.
 */
export function loop<T extends Paragraph | Table>(name: string, ...body: T[]): (Paragraph | T)[] {
  return [tagParagraph(`{#${name}}`), ...body, tagParagraph(`{/${name}}`)];
}
