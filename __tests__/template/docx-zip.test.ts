import PizZip from "pizzip";
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
});
