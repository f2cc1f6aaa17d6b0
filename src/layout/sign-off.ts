import { CHAR_TWIPS, GRID } from "./gbt9704.js";
import { ReportStyle } from "./styles.js";

/**
 * Characters that take half the width of a Chinese character: ASCII and the other Latin letters (set in
 * Times New Roman), and the half-width forms block. Everything else (汉字, full-width punctuation) is one.
 */
const HALF_WIDTH = /[\u0020-\u02ff\uff61-\uffdc\uffe8-\uffee]/u;

/** The 署名 and 日期 keep at least this many characters clear of the right margin (右空二字). */
const MIN_RIGHT_CHARS = 2;

/** The date's first character sits this many characters right of the signature's (首字比署名首字右移二字). */
const DATE_SHIFT_CHARS = 2;

/**
 * The printed width of a text in characters of its own size: a Chinese character or full-width mark
 * counts 1, an ASCII digit, letter or space 0.5.
 * @example
 * textWidthInChars("2026年1月5日") //=> 6
 */
export function textWidthInChars(text: string): number {
  let width = 0;
  for (const ch of text) width += HALF_WIDTH.test(ch) ? 0.5 : 1;
  return width;
}

/** Right indents, in characters, of the 发文机关署名 and the 成文日期. */
export interface SignOffIndents {
  signature: number;
  date: number;
}

/**
 * Right indents for an unsealed sign-off (GB/T 9704-2012 7.3.5.2): the signature 2 characters in from the
 * right, the date on the next line with its first character 2 characters right of the signature's. When
 * the date would then end closer than 2 characters to the margin (a date as long as the signature, or
 * longer), the date keeps 2 and the signature moves left instead ("相应增加发文机关署名右空字数").
 * @example
 * signOffIndents("中共某某单位第一支部委员会", "2026年1月5日") //=> { signature: 2, date: 7 }
 * signOffIndents("某某党支部", "2026年12月25日") //=> { signature: 6, date: 2 }
 */
export function signOffIndents(signature: string, date: string): SignOffIndents {
  const signatureWidth = textWidthInChars(signature);
  const dateWidth = textWidthInChars(date);
  // Both first characters measured from the right margin: signature + its indent = date + its indent + 2.
  const dateIndent = Math.max(MIN_RIGHT_CHARS, signatureWidth - dateWidth);
  return { signature: dateWidth + dateIndent + DATE_SHIFT_CHARS - signatureWidth, date: dateIndent };
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

interface ParagraphPlacement {
  /** Right indent in characters. */
  right: number;
  /** The first sign-off paragraph: one blank line above it. */
  first: boolean;
  /** Keep on the page of the next paragraph (the signature with its date). */
  keepNext: boolean;
  /** Space above the first paragraph in twips: one line, or more for the sealed sign-off's seal. */
  before: number;
}

function paragraph(
  styleId: string,
  text: string,
  { right, first, keepNext, before }: ParagraphPlacement,
): string {
  const keep = keepNext ? "<w:keepNext/>" : "";
  // No automatic space between Chinese and digits or Latin letters: it would widen "2026年1月5日" at each
  // change of script, and the widths the indents come from would no longer hold. Word honours this;
  // LibreOffice (7.4) ignores it and adds about 0.2 character at each change.
  const noAutoSpace = '<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>';
  // One blank line below the body is paragraph spacing, not an empty paragraph (which would be a stray
  // line for a user to delete).
  const spacing = first ? `<w:spacing w:before="${before}"/>` : "";
  return (
    `<w:p><w:pPr><w:pStyle w:val="${styleId}"/>${keep}${noAutoSpace}${spacing}` +
    `<w:ind w:right="${right * CHAR_TWIPS}"/><w:jc w:val="right"/></w:pPr>` +
    `<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`
  );
}

/**
 * The 发文机关署名 and 成文日期 as WordprocessingML paragraphs for a `{@signOff}` tag, placed per
 * GB/T 9704-2012 7.3.5.2 (see {@link signOffIndents}). Alignment, indents and the blank line above are
 * written on the paragraphs, since they depend on both texts; fonts come from the template's
 * `GwSignature` and `GwDate` styles. Either text may be empty; with neither the result is "", which
 * removes the tag's paragraph.
 * Widths are counted in 3号 characters (320 twips); the −0.25 pt character tightening makes a printed
 * character 315, so the date lands a quarter point left of the ideal per character the two texts differ.
 * @param signature 发文机关署名, "" for none.
 * @param date 成文日期 as printed, "" for none.
 * @param linePitch the template's line in twips (default 579, 28.95 pt): the blank line above
 * @example
 * signOffXml("某某党支部", "")
 * //=> '<w:p><w:pPr><w:pStyle w:val="GwSignature"/>…<w:spacing w:before="579"/><w:ind w:right="640"/>…'
 */
export function signOffXml(signature: string, date: string, linePitch: number = GRID.linePitch): string {
  if (signature === "" && date === "") return "";
  const alone = { right: MIN_RIGHT_CHARS, first: true, keepNext: false, before: linePitch };
  if (date === "") return paragraph(ReportStyle.signature, signature, alone);
  if (signature === "") return paragraph(ReportStyle.date, date, alone);
  const indents = signOffIndents(signature, date);
  return (
    paragraph(ReportStyle.signature, signature, {
      right: indents.signature,
      first: true,
      keepNext: true,
      before: linePitch,
    }) + paragraph(ReportStyle.date, date, { right: indents.date, first: false, keepNext: false, before: 0 })
  );
}

// ---- Sealed sign-off (7.3.5.1), for the `document` template ----

/** A sealed document's date keeps 4 characters clear of the right margin (成文日期右空四字). */
const SEALED_DATE_RIGHT_CHARS = 4;

/**
 * Blank lines between the body and the signature: the seal (about 42 mm, 4 lines) sits centred a little
 * above the signature and date, with its top within one line of the body (印章顶端应当上距正文一行之内).
 */
export const SEAL_ROOM_LINES = 3;

/**
 * Right indents for a sealed sign-off (GB/T 9704-2012 7.3.5.1): the date 4 characters in, the signature
 * centred over the date. A signature so long that centring would push it past the margin moves the date
 * left instead, so both stay centred on each other.
 * @example
 * sealedSignOffIndents("中共某某委员会", "2026年1月5日") //=> { signature: 3.5, date: 4 }
 */
export function sealedSignOffIndents(signature: string, date: string): SignOffIndents {
  const signatureWidth = textWidthInChars(signature);
  const dateWidth = textWidthInChars(date);
  const dateIndent = Math.max(SEALED_DATE_RIGHT_CHARS, (signatureWidth - dateWidth) / 2);
  return { signature: dateIndent + (dateWidth - signatureWidth) / 2, date: dateIndent };
}

/**
 * The 发文机关署名 and 成文日期 of a sealed document as WordprocessingML paragraphs for a
 * `{@document.signOff}` tag (see {@link sealedSignOffIndents}), with {@link SEAL_ROOM_LINES} blank lines
 * above for the seal. Styles as {@link signOffXml}: `GwSignature` and `GwDate`. "" with neither text.
 * @param signature 发文机关署名, "" for none.
 * @param date 成文日期 as printed, "" for none.
 * @param linePitch the template's line in twips (default 579, 28.95 pt): the room above is 3 of them
 * @example
 * sealedSignOffXml("中共某某委员会", "2026年1月5日")
 * //=> '<w:p><w:pPr><w:pStyle w:val="GwSignature"/>…<w:spacing w:before="1737"/><w:ind w:right="1120"/>…'
 */
export function sealedSignOffXml(
  signature: string,
  date: string,
  linePitch: number = GRID.linePitch,
): string {
  if (signature === "" && date === "") return "";
  const room = SEAL_ROOM_LINES * linePitch;
  const alone = { right: SEALED_DATE_RIGHT_CHARS, first: true, keepNext: false, before: room };
  if (date === "") return paragraph(ReportStyle.signature, signature, alone);
  if (signature === "") return paragraph(ReportStyle.date, date, alone);
  const indents = sealedSignOffIndents(signature, date);
  return (
    paragraph(ReportStyle.signature, signature, {
      right: indents.signature,
      first: true,
      keepNext: true,
      before: room,
    }) + paragraph(ReportStyle.date, date, { right: indents.date, first: false, keepNext: false, before: 0 })
  );
}

// ---- The sign-off never alone on a page (7.3.5.4) ----

/** The styles of the sign-off's paragraphs: the first of them in a document starts the sign-off. */
const SIGN_OFF_STYLE = new RegExp(`<w:pStyle w:val="(?:${ReportStyle.signature}|${ReportStyle.date})"/>`);

/** Whether an XML text holds a sign-off paragraph (style `GwSignature` or `GwDate`). */
export function isSignOffXml(xml: string): boolean {
  return SIGN_OFF_STYLE.test(xml);
}

/** Where a paragraph starts and ends in the XML. */
interface Span {
  start: number;
  end: number;
}

/**
 * Around an offset inside a paragraph: that top-level paragraph's start (paragraphs inside a text box
 * nest in one), and the top-level paragraphs closed before it, in document order.
 */
function paragraphsAround(xml: string, offset: number): { open: number; before: Span[] } {
  let depth = 0;
  let open = 0;
  const before: Span[] = [];
  const tags = /<w:p(?=[ >/])[^>]*?(\/?)>|<\/w:p>/g;
  for (let tag = tags.exec(xml); tag !== null && tag.index < offset; tag = tags.exec(xml)) {
    if (tag[0] === "</w:p>") {
      depth -= 1;
      if (depth === 0) before.push({ start: open, end: tag.index + tag[0].length });
    } else if (tag[1] === "/") {
      if (depth === 0) before.push({ start: tag.index, end: tag.index + tag[0].length });
    } else {
      if (depth === 0) open = tag.index;
      depth += 1;
    }
  }
  return { open, before };
}

/** A change to an XML text: the characters from `start` to `end` replaced by `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * The edit that turns "keep with next" on in a paragraph's own properties (not those of a paragraph in a
 * text box inside it), where the schema puts it: after `w:pStyle`. Undefined when it is on already.
 * @param xml - the document
 * @param paragraph - where the paragraph is in it
 */
function keepNextEdit(xml: string, paragraph: Span): TextEdit | undefined {
  const { start, end } = paragraph;
  const open = /^<w:p(?=[ >/])[^>]*?(\/?)>/.exec(xml.slice(start, end));
  if (!open) return undefined;
  const at = start + open[0].length;
  if (open[1] === "/") {
    // <w:p/> → <w:p><w:pPr><w:keepNext/></w:pPr></w:p>
    return { start, end, text: `${open[0].slice(0, -2)}><w:pPr><w:keepNext/></w:pPr></w:p>` };
  }
  if (xml.startsWith("<w:pPr/>", at)) {
    return { start: at, end: at + "<w:pPr/>".length, text: "<w:pPr><w:keepNext/></w:pPr>" };
  }
  if (!xml.startsWith("<w:pPr>", at)) return { start: at, end: at, text: "<w:pPr><w:keepNext/></w:pPr>" };
  const properties = xml.slice(at, xml.indexOf("</w:pPr>", at));
  if (properties.includes("<w:keepNext/>")) return undefined;
  const off = /<w:keepNext [^>]*\/>/.exec(properties);
  if (off) return { start: at + off.index, end: at + off.index + off[0].length, text: "<w:keepNext/>" };
  const style = /^<w:pPr>(<w:pStyle [^>]*\/>)?/.exec(properties)?.[0] ?? "<w:pPr>";
  return { start: at + style.length, end: at + style.length, text: "<w:keepNext/>" };
}

/** Whether a paragraph keeps with the next one by its own properties (`<w:keepNext/>` in its `w:pPr`). */
function keepsWithNext(xml: string, paragraph: Span): boolean {
  return keepNextEdit(xml, paragraph) === undefined;
}

/**
 * Keeps the text before the sign-off on the sign-off's page: the edit that gives the last paragraph of text
 * before the first sign-off paragraph (style `GwSignature` or `GwDate`) "keep with next". GB/T 9704-2012
 * 7.3.5.4 does not let the signature and date (and the seal) stand on a page without text; when they do
 * not fit, the last lines of the text go over with them. Paragraphs that keep with the next one already
 * (the 附件说明, a 纪要's attendance lines) are passed over, so the chain reaches the text before them.
 * Undefined for a document without a sign-off, with the sign-off first, with a table (not a paragraph)
 * before it, or with every paragraph before it keeping with the next already.
 * @param xml - the rendered word/document.xml, or the part of it from some paragraphs before the sign-off
 */
export function signOffKeepEdit(xml: string): TextEdit | undefined {
  const at = xml.search(SIGN_OFF_STYLE);
  if (at === -1) return undefined;
  const { open, before } = paragraphsAround(xml, at);
  let next = open;
  for (let i = before.length - 1; i >= 0; i--) {
    const paragraph = before[i] as Span;
    // Only paragraphs directly one after another (bookmarks aside): after a table, nothing changes.
    const between = xml.slice(paragraph.end, next).replace(/<w:bookmark(?:Start|End) [^>]*\/>/g, "");
    if (between.trim() !== "") return undefined;
    if (!keepsWithNext(xml, paragraph)) return keepNextEdit(xml, paragraph);
    next = paragraph.start;
  }
  return undefined;
}

/**
 * {@link signOffKeepEdit} applied to a whole document.
 * @param xml - the rendered word/document.xml
 * @returns the same XML, with `<w:keepNext/>` in the properties of the paragraph before the sign-off
 * @example
 * keepTextWithSignOff('<w:p><w:pPr><w:pStyle w:val="GwBody"/></w:pPr>…</w:p><w:p><w:pPr><w:pStyle w:val="GwSignature"/>…')
 * //=> '<w:p><w:pPr><w:pStyle w:val="GwBody"/><w:keepNext/></w:pPr>…</w:p><w:p><w:pPr><w:pStyle w:val="GwSignature"/>…'
 */
export function keepTextWithSignOff(xml: string): string {
  const edit = signOffKeepEdit(xml);
  return edit ? xml.slice(0, edit.start) + edit.text + xml.slice(edit.end) : xml;
}
