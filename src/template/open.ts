import { ErrorCode, TemplateError } from "../errors/index.js";
import { inflatePart, type ZipPart } from "./docx-zip.js";
import { inflatedSize } from "./inflated-size.js";
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

function refuse(code: TemplateIssueCode, explanation: string, cause?: unknown): never {
  throw new TemplateError(ErrorCode.InvalidTemplate, [makeIssue(code, explanation)], { cause });
}

const NOT_A_ZIP =
  "The template is not a .docx file: it is not a zip archive. Save it in Word or WPS as “Word 文档 (*.docx)”.";

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
      `The template file is ${mb(bytes.length)}; a template may be at most ${mb(TemplateLimits.maxFileBytes)}.`,
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
  if (eocd < 0) refuse(TemplateIssueCode.NotADocx, NOT_A_ZIP);
  const count = view.getUint16(eocd + 10, true);
  const offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff) {
    refuse(
      TemplateIssueCode.TooLarge,
      "The template is a ZIP64 archive, made for files over 4 GB; a .docx template never needs one.",
    );
  }
  if (count > TemplateLimits.maxEntries) {
    refuse(
      TemplateIssueCode.TooManyParts,
      `The template holds ${count} files; a template may hold at most ${TemplateLimits.maxEntries}.`,
    );
  }
  const entries: CentralEntry[] = [];
  let at = offset;
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL_HEADER) {
      refuse(TemplateIssueCode.NotADocx, "The template is not a .docx file: its zip directory is damaged.");
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
      refuse(
        TemplateIssueCode.NotADocx,
        "The template is encrypted (password-protected); save it without a password.",
      );
    }
    entries.push({ name, size, compressedSize, method, crc32, localOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  let total = 0;
  for (const entry of entries) {
    if (entry.size > TemplateLimits.maxPartBytes) {
      refuse(
        TemplateIssueCode.TooLarge,
        `The file ${entry.name} inside the template unpacks to ${mb(entry.size)}; a part may be at most ${mb(TemplateLimits.maxPartBytes)}.`,
      );
    }
    total += entry.size;
  }
  if (total > TemplateLimits.maxTotalBytes) {
    refuse(
      TemplateIssueCode.TooLarge,
      `The template unpacks to ${mb(total)}; a template may unpack to at most ${mb(TemplateLimits.maxTotalBytes)}.`,
    );
  }
  return entries;
}

const LOCAL_HEADER = 0x04034b50;
const DAMAGED =
  "The template is not a .docx file: its zip data is damaged. Open it in Word or WPS and save it again.";

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
    refuse(
      TemplateIssueCode.TooLarge,
      `The file ${entry.name} inside the template does not unpack to the size the zip declares: the file is damaged or made to mislead.`,
    );
  }
}

/** A DTD is how XML entity expansion ("billion laughs") and external entities get in; Word never writes one. */
const DTD = /<!DOCTYPE|<!ENTITY/i;

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
 *   `too_many_parts`, `missing_document` or `dtd_not_allowed` (one per part that declares a DTD)
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
    refuse(
      TemplateIssueCode.MissingDocument,
      "The template is not a Word document: the zip has no word/document.xml. Save it in Word or WPS as “Word 文档 (*.docx)”.",
    );
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
      refuse(
        TemplateIssueCode.TooLarge,
        `The file ${entry.name} inside the template does not unpack to the size the zip declares: the file is damaged or made to mislead.`,
        cause,
      );
    }
    texts.set(entry.name, text);
    if (DTD.test(text)) {
      issues.push(
        makeIssue(
          TemplateIssueCode.DtdNotAllowed,
          `The file ${entry.name} inside the template declares a DTD (<!DOCTYPE>), which Word never writes and which can be used to attack the program reading it. Open the template in Word or WPS and save it again.`,
        ),
      );
    }
  });
  if (issues.length > 0) throw new TemplateError(ErrorCode.InvalidTemplate, issues);
  return { parts, texts };
}
