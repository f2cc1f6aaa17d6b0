/**
 * A text with every line break written as "\n": "\r\n" (Windows) and a lone "\r" (old Mac OS) included.
 * Templates break lines only at "\n" (docxtemplater's `linebreaks`), so a "\r" would otherwise print as a
 * space, or stay in the text as a stray character.
 * @example
 * normalizeLineBreaks("第一行\r\n第二行") //=> "第一行\n第二行"
 */
export function normalizeLineBreaks(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}
