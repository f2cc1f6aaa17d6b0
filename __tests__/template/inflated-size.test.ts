import { deflateRawSync } from "node:zlib";
import PizZip from "pizzip";
import { CorruptDeflateError, inflatedSize } from "../../src/template/inflated-size";

/** Text that compresses like a document: repeated phrases, Chinese and XML. */
function documentLike(bytes: number): Uint8Array {
  const phrase =
    '<w:p><w:r><w:t xml:space="preserve">支部召开组织生活会，开展批评与自我批评。{text}</w:t></w:r></w:p>';
  let text = "";
  let n = 0;
  while (text.length < bytes) text += `${phrase}${n++ % 97}`;
  return new TextEncoder().encode(text.slice(0, bytes));
}

function pseudoRandom(bytes: number): Uint8Array {
  const out = new Uint8Array(bytes);
  let x = 12345;
  for (let i = 0; i < bytes; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe("inflatedSize", () => {
  it.each([
    ["empty", new Uint8Array(0)],
    ["a few bytes", new TextEncoder().encode("abc")],
    ["document-like text", documentLike(300_000)],
    ["incompressible bytes (stored blocks)", pseudoRandom(200_000)],
    ["zeros", new Uint8Array(1_000_000)],
  ])("counts what %s inflate to, at every compression level", (_name, data) => {
    for (const level of [0, 1, 6, 9]) {
      expect(inflatedSize(deflateRawSync(data, { level }), Number.POSITIVE_INFINITY)).toBe(data.length);
    }
  });

  it("counts the entries pizzip writes", () => {
    const data = documentLike(50_000);
    const zip = new PizZip();
    zip.file("a.xml", data);
    const reread = new PizZip(zip.generate({ type: "uint8array", compression: "DEFLATE" }));
    const compressed = (reread.files["a.xml"] as unknown as { _data: { getCompressedContent(): Uint8Array } })
      ._data;
    expect(inflatedSize(compressed.getCompressedContent(), 1e9)).toBe(data.length);
  });

  it("stops counting once past the limit", () => {
    expect(inflatedSize(deflateRawSync(new Uint8Array(10_000_000)), 1_000_000)).toBe(
      Number.POSITIVE_INFINITY,
    );
  });

  it("rejects data that is not DEFLATE, or ends early", () => {
    expect(() => inflatedSize(new Uint8Array([0xff, 0xff, 0xff]), 100)).toThrow(CorruptDeflateError);
    const whole = deflateRawSync(documentLike(10_000));
    expect(() => inflatedSize(whole.subarray(0, whole.length / 2), 1e9)).toThrow(CorruptDeflateError);
  });
});
