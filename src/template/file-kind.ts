/**
 * What a file is, from its first bytes: the one place that tells a .docx from the files people mistake
 * for one (a Word 97-2003 .doc, a WPS .wps, a password-protected .docx, an .odt, a PDF, an RTF). Both
 * templates and Word drafts are checked with it, so each refusal says what the file is and how to save it
 * as a .docx, instead of "not a zip archive".
 */
import { defineMessages } from "../messages/catalogue.js";

/** The kinds of file {@link sniffFileKind} tells apart. */
export const FileKind = {
  /** A zip archive: a .docx, .dotx or .docm (the parts tell which), or another zip. */
  Zip: "zip",
  /** An OpenDocument text (.odt): a zip whose first entry is `mimetype`. */
  Odt: "odt",
  /** A Word 97-2003 document (.doc): an OLE compound file with a WordDocument stream. */
  Doc: "doc",
  /** A WPS Office document (.wps): an OLE compound file written by WPS. */
  Wps: "wps",
  /** A password-protected .docx: an OLE compound file holding EncryptionInfo and EncryptedPackage. */
  EncryptedDocx: "encrypted_docx",
  /** Another OLE compound file (an .xls, a .ppt, …). */
  OtherOle: "ole",
  /** A PDF. */
  Pdf: "pdf",
  /** Rich Text Format (.rtf), which Word also opens. */
  Rtf: "rtf",
  /** None of these (text, or unknown bytes). */
  Other: "other",
} as const;
export type FileKind = (typeof FileKind)[keyof typeof FileKind];

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  return prefix.every((byte, i) => bytes[at + i] === byte);
}

function ascii(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0));
}

/** Whether `pattern` occurs anywhere in `bytes`. */
function holds(bytes: Uint8Array, pattern: readonly number[]): boolean {
  const first = pattern[0] as number;
  for (
    let i = bytes.indexOf(first);
    i >= 0 && i <= bytes.length - pattern.length;
    i = bytes.indexOf(first, i + 1)
  ) {
    if (startsWith(bytes, pattern, i)) return true;
  }
  return false;
}

/** Whether `bytes` hold `name` written in UTF-16LE, as an OLE directory entry names its stream. */
const hasUtf16Name = (bytes: Uint8Array, name: string) =>
  holds(
    bytes,
    ascii(name).flatMap((c) => [c, 0]),
  );

/** Whether `bytes` hold `text` in ASCII. */
const hasAscii = (bytes: Uint8Array, text: string) => holds(bytes, ascii(text));

/**
 * What a file is, from its bytes (and its name, which only tells a .wps from a .doc when WPS wrote no
 * mark of its own).
 * @param bytes - the file
 * @param name - the file's name, if known
 * @example
 * sniffFileKind(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d])) //=> "pdf"
 */
export function sniffFileKind(bytes: Uint8Array, name?: string): FileKind {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    // ODF puts an uncompressed `mimetype` entry first (name at offset 30, content right after it).
    if (
      startsWith(bytes, ascii("mimetype"), 30) &&
      startsWith(bytes, ascii("application/vnd.oasis.opendocument"), 38)
    ) {
      return FileKind.Odt;
    }
    return FileKind.Zip;
  }
  if (startsWith(bytes, OLE_MAGIC)) {
    if (hasUtf16Name(bytes, "EncryptedPackage")) return FileKind.EncryptedDocx;
    if (/\.wps$/i.test(name ?? "") || hasAscii(bytes, "Kingsoft") || hasUtf16Name(bytes, "WpsCustomData")) {
      return FileKind.Wps;
    }
    if (hasUtf16Name(bytes, "WordDocument")) return FileKind.Doc;
    return FileKind.OtherOle;
  }
  if (startsWith(bytes, ascii("%PDF-"))) return FileKind.Pdf;
  if (startsWith(bytes, ascii("{\\rtf"))) return FileKind.Rtf;
  return FileKind.Other;
}

const SAVE_AS_ZH = "请在 Word 或 WPS 中打开，另存为“Word 文档（*.docx）”后重试。";
const SAVE_AS_EN = "Open it in Word or WPS and save it as “Word 文档 (*.docx)”.";

/**
 * Why a file of each kind is not a .docx, and what to do, for a refusal's message. `what` names the file's
 * role: "模板"/"template", "草稿"/"draft".
 */
export const fileKindMessages = defineMessages({
  [FileKind.Odt]: {
    "zh-CN": (p: { what: string }) =>
      `该${p.what}是 OpenDocument 文本（.odt），不是 .docx 文件。${SAVE_AS_ZH}`,
    en: (p: { what: string }) =>
      `The ${p.what} is an OpenDocument text (.odt), not a .docx file. ${SAVE_AS_EN}`,
  },
  [FileKind.Doc]: {
    "zh-CN": (p: { what: string }) =>
      `该${p.what}是 Word 97-2003 文档（.doc），不是 .docx 文件。${SAVE_AS_ZH}`,
    en: (p: { what: string }) =>
      `The ${p.what} is a Word 97-2003 document (.doc), not a .docx file. ${SAVE_AS_EN}`,
  },
  [FileKind.Wps]: {
    "zh-CN": (p: { what: string }) => `该${p.what}是 WPS 文字文档（.wps），不是 .docx 文件。${SAVE_AS_ZH}`,
    en: (p: { what: string }) =>
      `The ${p.what} is a WPS Writer document (.wps), not a .docx file. ${SAVE_AS_EN}`,
  },
  [FileKind.EncryptedDocx]: {
    "zh-CN": (p: { what: string }) =>
      `该${p.what}设有打开密码（已加密），无法读取。请在 Word 或 WPS 中取消密码（文件 → 信息 → 保护文档 → 用密码进行加密，清空密码）后另存为 .docx。`,
    en: (p: { what: string }) =>
      `The ${p.what} is protected with a password (encrypted) and cannot be read. Remove the password in Word or WPS (File → Info → Protect Document → Encrypt with Password, clear it) and save it again as .docx.`,
  },
  [FileKind.OtherOle]: {
    "zh-CN": (p: { what: string }) => `该${p.what}是旧版 Office 文件（如 .xls、.ppt），不是 .docx 文件。`,
    en: (p: { what: string }) =>
      `The ${p.what} is an older Office file (such as .xls or .ppt), not a .docx file.`,
  },
  [FileKind.Pdf]: {
    "zh-CN": (p: { what: string }) =>
      `该${p.what}是 PDF 文件，不是 .docx 文件。请使用原始的 Word 或 WPS 文档。`,
    en: (p: { what: string }) =>
      `The ${p.what} is a PDF, not a .docx file. Use the original Word or WPS document.`,
  },
  [FileKind.Rtf]: {
    "zh-CN": (p: { what: string }) => `该${p.what}是 RTF 文件，不是 .docx 文件。${SAVE_AS_ZH}`,
    en: (p: { what: string }) =>
      `The ${p.what} is a Rich Text Format file (.rtf), not a .docx file. ${SAVE_AS_EN}`,
  },
});
