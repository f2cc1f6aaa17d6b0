/**
 * Bytes → text, once for every input the library reads: a summary's JSON, a draft, a data file. Clerks'
 * files come as UTF-8 (with or without a BOM), as UTF-16 with a BOM (Notepad's "Unicode"), and as
 * GB18030/GBK (what older Windows tools save as "ANSI" on a Chinese system). Anything else is refused
 * with the byte where it stops being text: never decoded into "�".
 *
 * Only `TextDecoder` is used, so this runs in a browser too (every current browser decodes gb18030).
 */
import { ErrorCode, type Issue, MeetingSummaryError } from "../errors/index.js";
import { checkLocale, defineMessages, type Locale, messageText } from "../messages/catalogue.js";

/** The encodings {@link decodeText} recognises. */
export const TextEncoding = {
  Utf8: "utf-8",
  Utf16le: "utf-16le",
  Utf16be: "utf-16be",
  Gb18030: "gb18030",
} as const;
export type TextEncoding = (typeof TextEncoding)[keyof typeof TextEncoding];

/** What {@link decodeText} returns. */
export interface DecodedText {
  /** The text, without a BOM. */
  text: string;
  /** The encoding it was read in. */
  encoding: TextEncoding;
  /** Whether the bytes began with a byte order mark. */
  bom: boolean;
}

/** Options of {@link decodeText}. */
export interface DecodeTextOptions {
  /** The language of the error message (default `"en"`). */
  locale?: Locale;
}

/** The issue codes of {@link UnreadableTextError}. */
export const TextIssueCode = {
  /** The bytes are not UTF-8, UTF-16 with a BOM, or GB18030. */
  InvalidEncoding: "invalid_encoding",
  /** A NUL byte: the file is binary (or UTF-16 without a BOM), not text. */
  BinaryFile: "binary_file",
} as const;
export type TextIssueCode = (typeof TextIssueCode)[keyof typeof TextIssueCode];

const hex = (byte: number) => byte.toString(16).toUpperCase().padStart(2, "0");

export const textMessages = defineMessages({
  [TextIssueCode.InvalidEncoding]: {
    "zh-CN": (p: { offset: number; byte: number }) =>
      `文件不是 UTF-8、UTF-16 或 GB18030（GBK）编码的文本：第 ${p.offset} 字节（0x${hex(p.byte)}）起无法识别。请在编辑器中另存为“UTF-8”编码后重试。`,
    en: (p: { offset: number; byte: number }) =>
      `The file is not UTF-8, UTF-16 or GB18030 (GBK) text: not UTF-8 at byte ${p.offset} (0x${hex(p.byte)}), and not GB18030 either. Save it as UTF-8 and try again.`,
  },
  [TextIssueCode.BinaryFile]: {
    "zh-CN": (p: { offset: number }) =>
      `文件含有二进制数据（第 ${p.offset} 字节为 NUL），不是文本文件。UTF-16 文本须带字节顺序标记（BOM）。`,
    en: (p: { offset: number }) =>
      `The file holds binary data (a NUL byte at byte ${p.offset}), not text. UTF-16 text needs a byte order mark.`,
  },
});

/** The bytes could not be read as text. `issues[0].code` is a {@link TextIssueCode}. */
export class UnreadableTextError extends MeetingSummaryError {
  override name = "UnreadableTextError";
  /** The offset (from 0) of the first byte that is not text. */
  readonly offset: number;
  constructor(issue: Issue, offset: number) {
    super(ErrorCode.UnreadableText, issue.message, [issue]);
    this.offset = offset;
  }
}

/**
 * The offset of the first byte where `bytes` stop being well-formed UTF-8 (overlongs, surrogates and
 * values past U+10FFFF included), or -1 when all of it is.
 */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return i;
    // The second byte's range rules out overlongs (E0, F0), surrogates (ED) and values past U+10FFFF (F4).
    min = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    if (b === 0xed) max = 0x9f;
    if (b === 0xf4) max = 0x8f;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < min || c > max) return i;
      min = 0x80;
      max = 0xbf;
    }
    i += need + 1;
  }
  return -1;
}

/**
 * Whether text read as GB18030 looks like what a person typed: no control characters but tab, line
 * feed, carriage return and form feed, and the characters outside ASCII mostly those a Chinese text is
 * made of. Any byte string decodes as *something* in GB18030's four-byte ranges, so this is what tells a
 * GBK file from a binary or a file in another encoding.
 */
function looksLikeChineseText(text: string): boolean {
  let other = 0;
  let rare = 0;
  for (const char of text) {
    const c = char.codePointAt(0) as number;
    if (c < 0x20) {
      if (c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) return false;
      continue;
    }
    if (c < 0x7f) continue;
    other++;
    const common =
      (c >= 0x4e00 && c <= 0x9fff) || // CJK unified ideographs
      (c >= 0x3000 && c <= 0x303f) || // CJK punctuation
      (c >= 0xff00 && c <= 0xffef) || // full-width forms
      (c >= 0x2000 && c <= 0x206f) || // general punctuation: — … ‘’ “”
      (c >= 0x2460 && c <= 0x24ff) || // ①…⑳
      (c >= 0x2160 && c <= 0x217f) || // Ⅰ Ⅱ
      (c >= 0x2500 && c <= 0x257f) || // box drawing
      (c >= 0x25a0 && c <= 0x26ff) || // ■ ○ ★ ☆
      (c >= 0x2190 && c <= 0x22ff) || // arrows, maths
      (c >= 0x3200 && c <= 0x33ff) || // ㈠ ㊣ ㎡
      (c >= 0xfe30 && c <= 0xfe4f) || // vertical forms
      (c >= 0x00a0 && c <= 0x00ff) || // · × ÷ °
      (c >= 0x0391 && c <= 0x03c9) || // Greek
      (c >= 0x0401 && c <= 0x0451) || // Cyrillic
      (c >= 0x3040 && c <= 0x30ff) || // kana
      (c >= 0x02c6 && c <= 0x02dd) || // ˇ ˉ
      (c >= 0x0100 && c <= 0x01dc); // pinyin tones: ā á ǎ à
    if (!common) rare++;
  }
  return other === 0 || rare <= Math.max(1, other * 0.02);
}

function refuse(code: TextIssueCode, offset: number, byte: number, locale: Locale): never {
  const message =
    code === TextIssueCode.BinaryFile
      ? messageText(textMessages[code], { offset }, locale)
      : messageText(textMessages[code], { offset, byte }, locale);
  throw new UnreadableTextError({ path: [], code, message }, offset);
}

/**
 * Reads a text file's bytes: UTF-8 (a BOM is dropped), UTF-16 LE or BE with a BOM, or GB18030/GBK.
 * Decoding is strict: a file that is none of these is refused, never decoded into "�".
 * @param bytes - the file's content
 * @param options - {@link DecodeTextOptions}
 * @returns the text (without a BOM), its encoding, and whether it had a BOM
 * @throws {@link UnreadableTextError} (`unreadable_text`) with issue code `binary_file` or `invalid_encoding`
 *   and the byte offset (from 0) where the text stops being readable
 * @example
 * decodeText(new Uint8Array([0xd6, 0xd0, 0xce, 0xc4])) //=> { text: "中文", encoding: "gb18030", bom: false }
 */
export function decodeText(bytes: Uint8Array, options: DecodeTextOptions = {}): DecodedText {
  const locale = checkLocale(options.locale);
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    return { text: strictUtf8(bytes.subarray(3), 3, locale), encoding: TextEncoding.Utf8, bom: true };
  }
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    const encoding = b0 === 0xff ? TextEncoding.Utf16le : TextEncoding.Utf16be;
    try {
      const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
      return { text, encoding, bom: true };
    } catch {
      refuse(TextIssueCode.InvalidEncoding, 0, b0, locale);
    }
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) refuse(TextIssueCode.BinaryFile, nul, 0, locale);
  const bad = invalidUtf8Offset(bytes);
  if (bad < 0)
    return { text: new TextDecoder("utf-8").decode(bytes), encoding: TextEncoding.Utf8, bom: false };
  let text: string | undefined;
  try {
    text = new TextDecoder("gb18030", { fatal: true }).decode(bytes);
  } catch {
    text = undefined;
  }
  if (text !== undefined && looksLikeChineseText(text)) {
    return { text, encoding: TextEncoding.Gb18030, bom: false };
  }
  refuse(TextIssueCode.InvalidEncoding, bad, bytes[bad] as number, locale);
}

function strictUtf8(bytes: Uint8Array, base: number, locale: Locale): string {
  const nul = bytes.indexOf(0);
  if (nul >= 0) refuse(TextIssueCode.BinaryFile, base + nul, 0, locale);
  const bad = invalidUtf8Offset(bytes);
  if (bad >= 0) refuse(TextIssueCode.InvalidEncoding, base + bad, bytes[bad] as number, locale);
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
}
