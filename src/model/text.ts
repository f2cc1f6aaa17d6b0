/**
 * Characters that cannot appear in a Word document: XML 1.0 allows tab, LF, CR and U+0020–U+D7FF,
 * U+E000–U+FFFD, U+10000–U+10FFFF. Everything else — C0 controls, lone surrogates, U+FFFE, U+FFFF —
 * makes Word refuse the file, so we reject it (or strip it, on request) before it reaches a template.
 */
const INVALID_XML_CHAR =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters we look for.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Every character that may be one of them, or a line break: a single class, which the regular expression
 * engine scans many times faster than the lookarounds above. Most texts hold none, and are done with it.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the controls are what it looks for.
const SUSPECT = /[\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Whether `text` may hold a character XML 1.0 forbids or a line break (false: it holds neither). */
export function maySuspect(text: string): boolean {
  return SUSPECT.test(text);
}

/** The first character of `text` that XML 1.0 forbids, with its position (in UTF-16 units), or undefined. */
export function findInvalidXmlChar(text: string): { char: string; index: number } | undefined {
  if (!SUSPECT.test(text)) return undefined;
  INVALID_XML_CHAR.lastIndex = 0;
  const match = INVALID_XML_CHAR.exec(text);
  return match ? { char: match[0], index: match.index } : undefined;
}

/** The same characters, for a yes/no answer (no match object, no `lastIndex` to reset). */
const HAS_INVALID_XML_CHAR = new RegExp(INVALID_XML_CHAR.source);

/** Whether `text` holds a character XML 1.0 forbids: {@link findInvalidXmlChar} finds one. */
export function hasInvalidXmlChar(text: string): boolean {
  return SUSPECT.test(text) && HAS_INVALID_XML_CHAR.test(text);
}

/** `text` without the characters XML 1.0 forbids. */
export function stripInvalidXmlChars(text: string): string {
  return SUSPECT.test(text) ? text.replace(INVALID_XML_CHAR, "") : text;
}

/** "U+0007" */
export function codePointName(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}
