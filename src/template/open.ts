import { ErrorCode, TemplateError } from "../errors/index.js";
import { inflatePart, type ZipPart } from "./docx-zip.js";
import { checkXml, ParseError } from "./docxtemplater-dom.js";
import { FileKind, sniffFileKind } from "./file-kind.js";
import { inflatedSize } from "./inflated-size.js";
import { msg, type TemplateMessage } from "./messages.js";
import { makeIssue, type TemplateIssue, TemplateIssueCode } from "./template-issues.js";

/**
 * The bounds a template must stay within (see docs/custom-templates.md). A .docx is a zip: a few
 * kilobytes can declare gigabytes (a "zip bomb"), so the sizes the zip declares are checked before
 * anything is inflated.
 * @example
 * TemplateLimits.maxTotalBytes //=> 52428800 (50 MB)
 */
export const TemplateLimits = {
  /** The .docx file itself: 20 MB. */
  maxFileBytes: 20 * 1024 * 1024,
  /** Files inside the .docx: 2000 (a Word document has a few dozen). */
  maxEntries: 2000,
  /** One file inside the .docx, uncompressed: 20 MB. */
  maxPartBytes: 20 * 1024 * 1024,
  /** All files inside the .docx together, uncompressed: 50 MB. */
  maxTotalBytes: 50 * 1024 * 1024,
} as const;

const MB = 1024 * 1024;
const mb = (n: number) => `${Math.round((n / MB) * 10) / 10} MB`;

const EOCD = 0x06054b50;
const CENTRAL_HEADER = 0x02014b50;

function refuse(code: TemplateIssueCode, explanation: TemplateMessage, cause?: unknown): never {
  throw new TemplateError(ErrorCode.InvalidTemplate, [makeIssue(code, explanation)], { cause });
}

const NOT_A_ZIP = msg("not_a_zip", {});

/** Not a zip: say what the file is (a .doc, a .wps, an encrypted .docx, …) when its first bytes tell. */
function notAZip(bytes: Uint8Array, cause?: unknown): never {
  const kind = sniffFileKind(bytes);
  if (kind === FileKind.Zip || kind === FileKind.Other) refuse(TemplateIssueCode.NotADocx, NOT_A_ZIP, cause);
  refuse(TemplateIssueCode.NotADocx, msg("file_kind", { kind }), cause);
}

interface CentralEntry {
  name: string;
  /** The uncompressed size it declares. */
  size: number;
  compressedSize: number;
  /** 0 stored, 8 DEFLATE. */
  method: number;
  crc32: number;
  /** Where its local header starts. */
  localOffset: number;
}

/**
 * Reads the zip's central directory straight from the bytes (the list at the end of a zip of every file
 * with its sizes) and checks the declared sizes against {@link TemplateLimits}: nothing is inflated yet.
 */
function checkCentralDirectory(bytes: Uint8Array): CentralEntry[] {
  if (bytes.length > TemplateLimits.maxFileBytes) {
    refuse(
      TemplateIssueCode.TooLarge,
      msg("file_too_large", { size: mb(bytes.length), max: mb(TemplateLimits.maxFileBytes) }),
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record: 22 bytes, then a comment of up to 65535 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) notAZip(bytes);
  const count = view.getUint16(eocd + 10, true);
  const offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff) {
    refuse(TemplateIssueCode.TooLarge, msg("zip64", {}));
  }
  if (count > TemplateLimits.maxEntries) {
    refuse(TemplateIssueCode.TooManyParts, msg("too_many_parts", { count, max: TemplateLimits.maxEntries }));
  }
  const entries: CentralEntry[] = [];
  let at = offset;
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL_HEADER) {
      refuse(TemplateIssueCode.NotADocx, msg("zip_directory_damaged", {}));
    }
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const crc32 = view.getUint32(at + 16, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localOffset = view.getUint32(at + 42, true);
    const name = decoder.decode(bytes.subarray(at + 46, Math.min(bytes.length, at + 46 + nameLength)));
    if (flags & 1) {
      // Zip encryption (Office itself encrypts into an OLE file, which sniffFileKind names): the same advice.
      refuse(TemplateIssueCode.NotADocx, msg("file_kind", { kind: FileKind.EncryptedDocx }));
    }
    entries.push({ name, size, compressedSize, method, crc32, localOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  let total = 0;
  for (const entry of entries) {
    if (entry.size > TemplateLimits.maxPartBytes) {
      refuse(
        TemplateIssueCode.TooLarge,
        msg("part_too_large", {
          name: entry.name,
          size: mb(entry.size),
          max: mb(TemplateLimits.maxPartBytes),
        }),
      );
    }
    total += entry.size;
  }
  if (total > TemplateLimits.maxTotalBytes) {
    refuse(
      TemplateIssueCode.TooLarge,
      msg("total_too_large", { size: mb(total), max: mb(TemplateLimits.maxTotalBytes) }),
    );
  }
  return entries;
}

const LOCAL_HEADER = 0x04034b50;
const DAMAGED = msg("zip_data_damaged", {});

/** An entry's data as stored in the zip, after its local header. */
function entryData(bytes: Uint8Array, entry: CentralEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_HEADER)
    refuse(TemplateIssueCode.NotADocx, DAMAGED);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) refuse(TemplateIssueCode.NotADocx, DAMAGED);
  return data;
}

/**
 * Checks that an entry really inflates to the size it declares, counting without inflating (memory stays
 * constant), so that a header that understates the size cannot make pizzip inflate an unbounded amount.
 */
function checkActualSize(data: Uint8Array, entry: CentralEntry): void {
  let actual: number;
  if (entry.method === 0) actual = data.length;
  else if (entry.method === 8) {
    try {
      actual = inflatedSize(data, entry.size);
    } catch (cause) {
      refuse(TemplateIssueCode.NotADocx, DAMAGED, cause);
    }
  } else return; // openTemplate refuses compression methods other than these two
  if (actual !== entry.size) {
    refuse(TemplateIssueCode.TooLarge, msg("size_mismatch", { name: entry.name }));
  }
}

/** A DTD is how XML entity expansion ("billion laughs") and external entities get in; Word never writes one. */
const DTD = /<!DOCTYPE|<!ENTITY/i;

/** Whether a part's text is well-formed XML, as far as xmldom and Word's reader agree that it is. */
function isWellFormed(text: string): boolean {
  try {
    checkXml(text);
    return true;
  } catch (error) {
    if (error instanceof ParseError) return false;
    throw error;
  }
}

function isXmlPart(name: string): boolean {
  return /\.(xml|rels)$/i.test(name);
}

/** A template that passed the checks of {@link openTemplate}. */
export interface OpenedTemplate {
  /** Every file of the zip in its order, with its compressed bytes. */
  parts: ZipPart[];
  /** The text of every XML part, as checked. */
  texts: Map<string, string>;
}

/**
 * Opens a template's bytes, refusing hostile or broken files before the template engine sees them:
 * not a zip, bigger than {@link TemplateLimits} (checked on the sizes the zip declares, before inflating),
 * no `word/document.xml`, or an XML part that declares a DTD. Each XML part's compressed data is first
 * counted (not inflated) to check it unpacks to exactly the size declared, so a lying header is refused
 * in constant memory; then it is inflated and checked for a DTD. The parts' compressed bytes are kept,
 * so that a rendered document copies every part the render leaves unchanged as the template has it.
 * @param bytes - the .docx file
 * @returns the template's parts and the text of its XML parts
 * @throws {@link TemplateError} `invalid_template` with one issue: `not_a_docx`, `too_large`,
 *   `too_many_parts`, `missing_document`, or one per broken part: `dtd_not_allowed` (it declares a DTD),
 *   `invalid_xml` (it is not well-formed XML)
 * @throws TypeError when `bytes` is not a Uint8Array
 * @example
 * openTemplate(new TextEncoder().encode("hello"))
 * //=> throws TemplateError: "Invalid template: The template is not a .docx file: it is not a zip archive. …"
 */
export function openTemplate(bytes: Uint8Array): OpenedTemplate {
  if (!(bytes instanceof Uint8Array)) {
    throw new TypeError(`a template must be a Uint8Array (got ${typeof bytes})`);
  }
  const entries = checkCentralDirectory(bytes);
  const datas = entries.map((entry) => entryData(bytes, entry));
  entries.forEach((entry, i) => {
    if (isXmlPart(entry.name)) checkActualSize(datas[i] as Uint8Array, entry);
  });
  // Stored and DEFLATE are the only methods a .docx uses (and the only ones read here).
  if (entries.some((entry) => entry.method !== 0 && entry.method !== 8)) {
    refuse(TemplateIssueCode.NotADocx, DAMAGED);
  }
  if (!entries.some((entry) => entry.name === "word/document.xml")) {
    if (sniffFileKind(bytes) === FileKind.Odt)
      refuse(TemplateIssueCode.NotADocx, msg("file_kind", { kind: FileKind.Odt }));
    refuse(TemplateIssueCode.MissingDocument, msg("missing_document", {}));
  }
  const issues: TemplateIssue[] = [];
  const parts: ZipPart[] = [];
  const texts = new Map<string, string>();
  const decoder = new TextDecoder();
  entries.forEach((entry, i) => {
    // A copy, so that a caller reusing its buffer cannot change a template kept for later renders.
    const part: ZipPart = {
      name: entry.name,
      method: entry.method,
      crc32: entry.crc32,
      size: entry.size,
      data: (datas[i] as Uint8Array).slice(),
    };
    parts.push(part);
    if (entry.name.endsWith("/") || !isXmlPart(entry.name)) return;
    let text: string;
    try {
      text = decoder.decode(inflatePart(part));
    } catch (cause) {
      refuse(TemplateIssueCode.TooLarge, msg("size_mismatch", { name: entry.name }), cause);
    }
    texts.set(entry.name, text);
    if (DTD.test(text)) {
      issues.push(makeIssue(TemplateIssueCode.DtdNotAllowed, msg("dtd_not_allowed", { name: entry.name })));
    } else if (!isWellFormed(text)) {
      // Word refuses a document with one broken part, and most parts are copied to the output as they
      // are: refused here, so that no render writes a file Word cannot open.
      // Named by its file, not as a template author sees it ("body"): a damaged footer2.xml is one file.
      issues.push(makeIssue(TemplateIssueCode.InvalidXml, msg("invalid_xml", {}), { part: entry.name }));
    }
  });
  if (issues.length > 0) throw new TemplateError(ErrorCode.InvalidTemplate, issues);
  return { parts, texts };
}
