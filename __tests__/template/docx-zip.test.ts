import { deflateSync } from "fflate";
import PizZip from "pizzip";
import { REUSED_UP_TO } from "../../src/template/deflate";
import {
  crc32,
  deflatePart,
  encodeAsDocxtemplater,
  inflatePart,
  STORED_BELOW,
  utf8Length,
  writeZip,
} from "../../src/template/docx-zip";

/** The CRC-32 of a zip, one bit at a time, as the standard defines it. */
function bitwiseCrc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

describe("crc32 (eight bytes a step)", () => {
  it("gives the check value of the standard", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it("agrees with the bit-by-bit definition at every length around its steps, and on a subarray", () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed >>> 24;
    };
    for (let length = 0; length < 70; length++) {
      const bytes = Uint8Array.from({ length }, random);
      expect({ length, crc: crc32(bytes) }).toEqual({ length, crc: bitwiseCrc32(bytes) });
    }
    const whole = Uint8Array.from({ length: 5000 }, random);
    const part = whole.subarray(3, 4099);
    expect(crc32(part)).toBe(bitwiseCrc32(part));
  });
});

describe("encodeAsDocxtemplater", () => {
  it("is UTF-8, with a lone surrogate as its own three bytes (as docxtemplater writes it)", () => {
    expect([...encodeAsDocxtemplater("a中😀")]).toEqual([...new TextEncoder().encode("a中😀")]);
    expect([...encodeAsDocxtemplater("a\ud800b")]).toEqual([0x61, 0xed, 0xa0, 0x80, 0x62]);
    expect([...encodeAsDocxtemplater("\udc00")]).toEqual([0xed, 0xb0, 0x80]);
    expect(utf8Length("a\ud800中😀")).toBe(1 + 3 + 3 + 4);
  });
});

describe("deflatePart", () => {
  it("stores a part shorter than STORED_BELOW and compresses a longer one; a zip reader reads both back", () => {
    const short = "<cp:coreProperties>党支部</cp:coreProperties>";
    const long = `<w:document>${"<w:p><w:r><w:t>同志们围绕主题查摆问题。</w:t></w:r></w:p>".repeat(60)}</w:document>`;
    const small = deflatePart("docProps/core.xml", short);
    const big = deflatePart("word/document.xml", long);
    expect(small).toMatchObject({ method: 0, size: small.data.length });
    expect(small.size).toBeLessThan(STORED_BELOW);
    expect(big.method).toBe(8);
    expect(big.data.length).toBeLessThan(big.size / 4);
    const decoder = new TextDecoder();
    expect([small, big].map((part) => decoder.decode(inflatePart(part)))).toEqual([short, long]);
    const zip = new PizZip(writeZip([small, big]));
    expect(zip.file("docProps/core.xml")?.asText()).toBe(short);
    expect(zip.file("word/document.xml")?.asText()).toBe(long);
  });

  it("gives a stored part bytes of its own, not the buffer the next text is encoded into", () => {
    const first = deflatePart("docProps/core.xml", "<cp:coreProperties>甲</cp:coreProperties>");
    deflatePart("docProps/app.xml", "<Properties>乙乙乙乙乙乙乙乙</Properties>");
    deflatePart("word/document.xml", `<w:document>${"丙".repeat(5000)}</w:document>`);
    expect(first.method).toBe(0);
    expect(new TextDecoder().decode(inflatePart(first))).toBe("<cp:coreProperties>甲</cp:coreProperties>");
  });

  it("encodes a text with a broken surrogate pair as docxtemplater does, stored or compressed", () => {
    for (const text of ["<t>a\ud800b</t>", `<t>${"前\udc00后".repeat(400)}</t>`]) {
      const part = deflatePart("word/document.xml", text);
      const bytes = encodeAsDocxtemplater(text);
      expect(Buffer.from(inflatePart(part)).equals(Buffer.from(bytes))).toBe(true);
      expect(part).toMatchObject({ size: bytes.length, crc32: crc32(bytes) });
    }
  });

  it("compresses texts of every size in turn to fflate's bytes, past the size of the buffer it keeps", () => {
    const encoder = new TextEncoder();
    // CJK takes 3 bytes a character: a text can fit the kept buffer in characters and not in bytes.
    const texts = [
      "a".repeat(100_000),
      `<w:t>${"党".repeat(2000)}</w:t>`,
      `<w:t>${"同志们，".repeat(30_000)}</w:t>`,
      "b".repeat(3000),
      `<w:t>${"会议😀".repeat(Math.ceil(REUSED_UP_TO / 10) + 1)}</w:t>`,
      "<w:t>支部委员会</w:t>".repeat(100),
    ];
    for (const text of texts) {
      const part = deflatePart("word/document.xml", text);
      const bytes = encoder.encode(text);
      expect(part).toMatchObject({ method: 8, size: bytes.length, crc32: crc32(bytes) });
      expect(Buffer.from(part.data).equals(Buffer.from(deflateSync(bytes, { level: 6 })))).toBe(true);
    }
    expect(encoder.encode(texts[4]).length).toBeGreaterThan(REUSED_UP_TO);
  });
});
