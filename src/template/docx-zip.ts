import { inflateSync } from "fflate";
import { deflate, REUSED_UP_TO } from "./deflate.js";

/*
 * The zip of a document as this library reads and writes it, without pizzip: a template is read once into
 * its parts (compressed bytes kept), and a document is written from those parts with only the changed ones
 * compressed again. pizzip stays for the layout builders (src/layout), which never run in a render.
 */

/** One file of a zip as its bytes hold it: compressed data kept as is, to be copied into another zip. */
export interface ZipPart {
  name: string;
  /** 0 stored, 8 DEFLATE. */
  method: number;
  crc32: number;
  /** Uncompressed size. */
  size: number;
  /** The data as stored in the zip (compressed for method 8). */
  data: Uint8Array;
}

/** The DEFLATE level of every part we compress: fflate's default, the same as zlib's. */
const LEVEL = 6;

/**
 * CRC-32 tables for slicing by 8 (eight bytes a step): table 0 is the classic byte-at-a-time table, table
 * k the CRC of a byte followed by k zero bytes.
 */
const CRC_TABLES = (() => {
  const tables = new Int32Array(8 * 256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    tables[n] = c;
  }
  for (let n = 0; n < 256; n++) {
    let c = tables[n] as number;
    for (let k = 1; k < 8; k++) {
      c = (tables[c & 0xff] as number) ^ (c >>> 8);
      tables[k * 256 + n] = c;
    }
  }
  return tables;
})();

/** The CRC-32 a zip stores for each file (eight bytes a step: it runs over every part we compress). */
export function crc32(bytes: Uint8Array): number {
  const t = CRC_TABLES;
  let c = -1;
  let i = 0;
  const end8 = bytes.length - 8;
  for (; i <= end8; i += 8) {
    const lo =
      c ^
      ((bytes[i] as number) |
        ((bytes[i + 1] as number) << 8) |
        ((bytes[i + 2] as number) << 16) |
        ((bytes[i + 3] as number) << 24));
    const hi =
      (bytes[i + 4] as number) |
      ((bytes[i + 5] as number) << 8) |
      ((bytes[i + 6] as number) << 16) |
      ((bytes[i + 7] as number) << 24);
    c =
      (t[1792 + (lo & 0xff)] as number) ^
      (t[1536 + ((lo >>> 8) & 0xff)] as number) ^
      (t[1280 + ((lo >>> 16) & 0xff)] as number) ^
      (t[1024 + (lo >>> 24)] as number) ^
      (t[768 + (hi & 0xff)] as number) ^
      (t[512 + ((hi >>> 8) & 0xff)] as number) ^
      (t[256 + ((hi >>> 16) & 0xff)] as number) ^
      (t[hi >>> 24] as number);
  }
  for (; i < bytes.length; i++) c = (t[(c ^ (bytes[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

const encoder = new TextEncoder();

/** The length of a text's UTF-8 (lone surrogates counted as docxtemplater writes them: 3 bytes). */
export function utf8Length(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) length += 1;
    else if (c < 0x800) length += 2;
    else if ((c & 0xfc00) === 0xd800 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      length += 4;
      i++;
    } else length += 3;
  }
  return length;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether a text has no lone surrogate (String.prototype.isWellFormed where the engine has it). */
function wellFormed(text: string): boolean {
  const native = (text as { isWellFormed?: () => boolean }).isWellFormed;
  return typeof native === "function" ? native.call(text) : !LONE_SURROGATE.test(text);
}

/**
 * A rendered part's text as docxtemplater encodes it: UTF-8, with a lone surrogate (a broken pair in the
 * data) written as its own 3 bytes where TextEncoder would write U+FFFD.
 */
export function encodeAsDocxtemplater(text: string): Uint8Array {
  if (wellFormed(text)) return encoder.encode(text);
  const out = new Uint8Array(utf8Length(text));
  writeAsDocxtemplater(text, out);
  return out;
}

/** Writes a text's UTF-8 as {@link encodeAsDocxtemplater} gives it into `out` (utf8Length(text) long). */
function writeAsDocxtemplater(text: string, out: Uint8Array): void {
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if ((c & 0xfc00) === 0xd800 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      c = 0x10000 + ((c - 0xd800) << 10) + (text.charCodeAt(i + 1) - 0xdc00);
      i++;
    }
    if (c < 0x80) out[at++] = c;
    else if (c < 0x800) {
      out[at++] = 0xc0 | (c >>> 6);
      out[at++] = 0x80 | (c & 0x3f);
    } else if (c < 0x10000) {
      out[at++] = 0xe0 | (c >>> 12);
      out[at++] = 0x80 | ((c >>> 6) & 0x3f);
      out[at++] = 0x80 | (c & 0x3f);
    } else {
      out[at++] = 0xf0 | (c >>> 18);
      out[at++] = 0x80 | ((c >>> 12) & 0x3f);
      out[at++] = 0x80 | ((c >>> 6) & 0x3f);
      out[at++] = 0x80 | (c & 0x3f);
    }
  }
}

/**
 * The buffer texts are encoded into before they are compressed, kept from one part to the next (as the
 * compressor keeps its own, ./deflate.ts, and for the same reason: a fresh array per part is memory
 * outside the JavaScript heap that comes back only when V8 next collects).
 */
let textBuffer = new Uint8Array(0);

/**
 * A text's bytes as {@link encodeAsDocxtemplater} gives them, in the kept buffer (a view on it, valid until
 * the next call), or in an array of their own when longer than REUSED_UP_TO.
 */
function encodeInBuffer(text: string): Uint8Array {
  const plain = wellFormed(text);
  if (plain && textBuffer.length >= text.length) {
    // The usual case, one pass: the buffer is big enough for most texts by now.
    const { read, written } = encoder.encodeInto(text, textBuffer);
    if (read === text.length) return textBuffer.subarray(0, written);
  }
  const length = utf8Length(text);
  if (length > REUSED_UP_TO) return plain ? encoder.encode(text) : encodeAsDocxtemplater(text);
  if (textBuffer.length < length) {
    // Grown at least twofold, so that a run of growing texts reallocates only a few times.
    textBuffer = new Uint8Array(Math.min(Math.max(length, 2 * textBuffer.length), REUSED_UP_TO));
  }
  const bytes = textBuffer.subarray(0, length);
  if (plain) encoder.encodeInto(text, bytes);
  else writeAsDocxtemplater(text, bytes);
  return bytes;
}

/**
 * Below this size a part is stored, not compressed: DEFLATE would save a few hundred bytes, and its fixed
 * cost (fflate sets up its tables for every call, 30–100 µs) is more than filling a short report's template
 * takes. `docProps/core.xml`, rendered with the title on every render, is such a part.
 */
export const STORED_BELOW = 1024;

/**
 * A part holding `content`, compressed with DEFLATE (stored when shorter than {@link STORED_BELOW} bytes).
 * A text is encoded as docxtemplater writes its parts ({@link encodeAsDocxtemplater}). The compressed
 * bytes are fflate 0.8.2's at {@link LEVEL} on every platform (./deflate.ts writes them with buffers kept
 * between calls), so the same content gives the same bytes everywhere.
 */
export function deflatePart(name: string, content: string | Uint8Array): ZipPart {
  const raw = typeof content === "string" ? encodeInBuffer(content) : content;
  const crc = crc32(raw);
  if (raw.length < STORED_BELOW) {
    // A text's bytes are in the kept buffer: the part gets a copy.
    const data = raw === content ? raw : raw.slice();
    return { name, method: 0, crc32: crc, size: raw.length, data };
  }
  return { name, method: 8, crc32: crc, size: raw.length, data: deflate(raw, LEVEL) };
}

/** The uncompressed bytes of a part. */
export function inflatePart(part: ZipPart): Uint8Array {
  if (part.method === 0) return part.data;
  return inflateSync(part.data, { out: new Uint8Array(part.size) });
}

/** 1980-01-01 00:00 in DOS time and date: the timestamp of every entry we write. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** Part names as UTF-8, kept: a render writes the same ~20 names every time (a buffer each, otherwise). */
const encodedNames = new Map<string, Uint8Array>();
const ENCODED_NAMES_KEPT = 1024;

function encodedName(name: string): Uint8Array {
  let bytes = encodedNames.get(name);
  if (!bytes) {
    if (encodedNames.size >= ENCODED_NAMES_KEPT) encodedNames.clear();
    bytes = encoder.encode(name);
    encodedNames.set(name, bytes);
  }
  return bytes;
}

/**
 * Writes a zip of `parts` in their order, each with the fixed timestamp and its data copied as is: a part
 * taken from a template keeps the template's compressed bytes.
 */
export function writeZip(parts: readonly ZipPart[]): Uint8Array<ArrayBuffer> {
  const names = parts.map((part) => encodedName(part.name));
  let size = 22;
  parts.forEach((part, i) => {
    size += 30 + 46 + 2 * (names[i] as Uint8Array).length + part.data.length;
  });
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let at = 0;
  const header = (part: ZipPart, name: Uint8Array, central: boolean) => {
    view.setUint32(at, central ? 0x02014b50 : 0x04034b50, true);
    at += 4;
    if (central) {
      view.setUint16(at, 20, true); // made by: version 2.0, MS-DOS
      at += 2;
    }
    view.setUint16(at, 20, true); // needed to extract: 2.0
    // General purpose flags: bit 11, names in UTF-8.
    view.setUint16(at + 2, 0x0800, true);
    view.setUint16(at + 4, part.method, true);
    view.setUint16(at + 6, DOS_TIME, true);
    view.setUint16(at + 8, DOS_DATE, true);
    view.setUint32(at + 10, part.crc32, true);
    view.setUint32(at + 14, part.data.length, true);
    view.setUint32(at + 18, part.size, true);
    view.setUint16(at + 22, name.length, true);
    view.setUint16(at + 24, 0, true); // extra field
    at += 26;
  };
  parts.forEach((part, i) => {
    const name = names[i] as Uint8Array;
    offsets.push(at);
    header(part, name, false);
    out.set(name, at);
    at += name.length;
    out.set(part.data, at);
    at += part.data.length;
  });
  const centralStart = at;
  parts.forEach((part, i) => {
    const name = names[i] as Uint8Array;
    header(part, name, true);
    // Comment length, disk number, internal attributes, external attributes, local header offset.
    view.setUint16(at, 0, true);
    view.setUint16(at + 2, 0, true);
    view.setUint16(at + 4, 0, true);
    view.setUint32(at + 6, 0, true);
    view.setUint32(at + 10, offsets[i] as number, true);
    at += 14;
    out.set(name, at);
    at += name.length;
  });
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, parts.length, true);
  view.setUint16(at + 10, parts.length, true);
  view.setUint32(at + 12, at - centralStart, true);
  view.setUint32(at + 16, centralStart, true);
  return out;
}

/** A part as docxtemplater reads it from a zip (the subset of pizzip's file objects it uses). */
interface ZipFile {
  name: string;
  dir: boolean;
  asText(): string;
  asUint8Array(): Uint8Array;
}

/**
 * The zip docxtemplater is given: the template's parts behind the few calls of pizzip's API it makes
 * (`files`, `file(name)`, `file(regex)`, `file(name, content)`, `remove`). What it writes is recorded in
 * `written` instead of changing the template, so that one compiled template serves every render.
 */
export class TemplateZip {
  readonly files: Record<string, ZipFile> = Object.create(null);
  /** What docxtemplater wrote during the current render. */
  written = new Map<string, string | Uint8Array>();

  constructor(parts: readonly ZipPart[], texts: ReadonlyMap<string, string>) {
    const decoder = new TextDecoder();
    for (const part of parts) {
      let text = texts.get(part.name);
      this.files[part.name] = {
        name: part.name,
        dir: part.name.endsWith("/"),
        asText: () => {
          text ??= decoder.decode(inflatePart(part));
          return text;
        },
        asUint8Array: () => inflatePart(part),
      };
    }
  }

  file(name: string | RegExp, content?: string | Uint8Array): ZipFile | ZipFile[] | null | this {
    if (name instanceof RegExp) return Object.values(this.files).filter((f) => !f.dir && name.test(f.name));
    if (content === undefined) return this.files[name] ?? null;
    this.written.set(name, content);
    return this;
  }

  remove(name: string): this {
    this.written.delete(name);
    return this;
  }
}
