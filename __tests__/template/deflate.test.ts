import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { deflateSync, inflateSync } from "fflate";
import { renderSummary } from "../../src/render-summary";
import { BuiltInTemplate, builtInTemplate } from "../../src/template/builtin";
import { deflate, REUSED_UP_TO } from "../../src/template/deflate";
import { inflatePart } from "../../src/template/docx-zip";
import { openTemplate } from "../../src/template/open";
import { forTemplate } from "../fixtures/summaries";
import { generator, variedReport } from "../helpers/varied-report";

/*
 * Our DEFLATE must write fflate 0.8.2's bytes (`deflateSync(data, { level: 6 })`) for every input, and
 * keep nothing of one input in its kept buffers that could change the next one's bytes.
 */

const root = join(__dirname, "..", "..");
const utf8 = new TextEncoder();

/**
 * What is wrong with our compression of `input`: where it first differs from fflate's, or that it does
 * not inflate back to the input; "" when nothing is.
 */
function problem(input: Uint8Array, level = 6): string {
  const ours = deflate(input, level);
  const theirs = deflateSync(input, { level: level as 6 });
  if (!Buffer.from(ours).equals(Buffer.from(theirs))) {
    let at = 0;
    while (at < ours.length && ours[at] === theirs[at]) at++;
    return `${input.length} bytes: differs from fflate at byte ${at} of ${theirs.length} (ours ${ours.length})`;
  }
  if (!Buffer.from(inflateSync(ours)).equals(Buffer.from(input)))
    return `${input.length} bytes: inflates wrong`;
  return "";
}

/** `length` bytes drawn from the first `alphabet` byte values, with runs copied from earlier on. */
function bytes(length: number, alphabet: number, copies = 0, seed = 1): Uint8Array {
  const random = generator(seed);
  const out = new Uint8Array(length);
  let i = 0;
  while (i < length) {
    if (i > 0 && random() < copies) {
      // A copy from anywhere before (overlapping its own end, as DEFLATE's matches may).
      const from = Math.floor(random() * i);
      const end = Math.min(length, i + 3 + Math.floor(random() * 300));
      for (let k = from; i < end; i++, k++) out[i] = out[k] as number;
    } else out[i++] = Math.floor(random() * alphabet);
  }
  return out;
}

/** `length` random bytes in which no 3 bytes in a row come twice: nothing to match, every byte a symbol. */
function unrepeated(length: number, seed = 1): Uint8Array {
  const random = generator(seed);
  const seen = new Uint32Array(1 << 19);
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    for (;;) {
      const byte = Math.floor(random() * 256);
      if (i < 2) {
        out[i] = byte;
        break;
      }
      const triple = ((out[i - 2] as number) << 16) | ((out[i - 1] as number) << 8) | byte;
      const bit = 1 << (triple & 31);
      if (!((seen[triple >>> 5] as number) & bit)) {
        seen[triple >>> 5] = (seen[triple >>> 5] as number) | bit;
        out[i] = byte;
        break;
      }
    }
  }
  return out;
}

/** fflate's hash table bits for an input of `length` bytes (its `mem` rule at the default level). */
function hashBits(length: number): number {
  return Math.ceil(Math.max(8, Math.min(13, Math.log(length))) * 1.5);
}

describe("deflate: fflate 0.8.2's bytes", () => {
  it("for no bytes, one byte and two", () => {
    expect([...deflate(new Uint8Array(0))]).toEqual([...deflateSync(new Uint8Array(0), { level: 6 })]);
    for (const input of [[0], [97], [255], [1, 2], [7, 7]]) {
      expect(problem(Uint8Array.from(input))).toBe("");
    }
  });

  it("around every length where fflate's hash table changes size (12 to 20 bits)", () => {
    const lengths: number[] = [];
    for (let bits = 12; bits <= 20; bits++) {
      // The last length with fewer bits, and the first with these.
      const edge = Math.floor(Math.exp(bits / 1.5));
      lengths.push(edge, edge + 1);
    }
    // The lengths do straddle each change.
    expect(new Set(lengths.map(hashBits))).toEqual(new Set([12, 13, 14, 15, 16, 17, 18, 19, 20]));
    for (const length of lengths) {
      expect(problem(bytes(length, 20, 0.05, length))).toBe("");
      expect(problem(bytes(length, 256, 0, length))).toBe("");
    }
  });

  it("around its block splits: 24,576 symbols, 7,000 matches and the last 423 bytes, with 25,000 symbols at most", () => {
    // Bytes with nothing to match are all literals: a block ends after 24,577 symbols unless 423 bytes or
    // fewer are left, so 25,000 bytes make one block of 25,000 symbols (the most it holds) and 25,001 two.
    for (const base of [24577, 24577 + 423, 2 * 24577 + 423]) {
      for (let d = -3; d <= 3; d++) expect(problem(unrepeated(base + d, base + d))).toBe("");
    }
    // A small alphabet makes short matches: 7,000 of them come every ~30 kB.
    for (let length = 20000; length < 90000; length += 5813) {
      expect(problem(bytes(length, 4, 0, length))).toBe("");
      expect(problem(bytes(length, 6, 0.02, length))).toBe("");
    }
  });

  it("around its window (matches 32,767 bytes back and no further) and at 65,535 and 65,536 bytes", () => {
    for (const distance of [32765, 32766, 32767, 32768, 32769]) {
      const chunk = bytes(distance, 256, 0, distance);
      // The chunk twice, then a little more: every match is exactly `distance` back.
      const twice = new Uint8Array(2 * distance + 100);
      twice.set(chunk);
      twice.set(chunk, distance);
      expect(problem(twice)).toBe("");
    }
    for (const length of [65534, 65535, 65536, 65537]) {
      expect(problem(bytes(length, 256, 0, length))).toBe("");
      expect(problem(bytes(length, 40, 0.1, length))).toBe("");
    }
  });

  it("for highly repetitive and random bytes, up to and past the size kept between calls", () => {
    for (const length of [1000, 100_000, REUSED_UP_TO, REUSED_UP_TO + 1]) {
      expect(problem(new Uint8Array(length))).toBe("");
    }
    expect(problem(bytes(100_000, 2, 0, 2))).toBe("");
    for (const length of [100, 5000, 300_000]) expect(problem(bytes(length, 256, 0, length))).toBe("");
    // Long copies: matches of 258 bytes, and of the "nice" length that ends the search early.
    expect(problem(bytes(500_000, 256, 0.9, 3))).toBe("");
    expect(problem(utf8.encode("<w:p><w:r><w:t>党支部</w:t></w:r></w:p>".repeat(20000)))).toBe("");
  });

  it("at every level from 1 to 9, and refuses any other", () => {
    for (let level = 1; level <= 9; level++) {
      for (const input of [bytes(50_000, 8, 0.1, level), bytes(3000, 256, 0.3, level)]) {
        expect(problem(input, level)).toBe("");
      }
    }
    for (const level of [0, 10, 6.5, Number.NaN]) {
      expect(() => deflate(new Uint8Array(10), level)).toThrow(RangeError);
    }
  });

  it("for every part of the built-in templates and of the .docx files in templates/ and examples/", async () => {
    const files: [string, Uint8Array][] = [];
    for (const name of Object.values(BuiltInTemplate)) files.push([name, await builtInTemplate(name)]);
    for (const dir of ["templates", "examples", "examples/own-fields"]) {
      for (const file of readdirSync(join(root, dir)).filter((f) => f.endsWith(".docx"))) {
        files.push([`${dir}/${file}`, readFileSync(join(root, dir, file))]);
      }
    }
    expect(files.length).toBeGreaterThanOrEqual(8);
    let parts = 0;
    for (const [name, docx] of files) {
      for (const part of openTemplate(docx).parts) {
        expect({ part: `${name}: ${part.name}`, problem: problem(inflatePart(part)) }).toEqual({
          part: `${name}: ${part.name}`,
          problem: "",
        });
        parts++;
      }
    }
    expect(parts).toBeGreaterThan(100);
  });

  it("for the document.xml of every example rendered with every template, as the document holds it", async () => {
    const examples = readdirSync(join(root, "examples")).filter(
      (f) => f.endsWith(".json") && !f.endsWith(".data.json"),
    );
    const ownFields = readFileSync(join(root, "examples", "own-fields", "own-fields.docx"));
    const ownData = JSON.parse(
      readFileSync(join(root, "examples", "own-fields", "own-fields.data.json"), "utf8"),
    );
    const letterhead = readFileSync(join(root, "examples", "branch-letterhead.docx"));
    let documents = 0;
    for (const example of examples) {
      const summary = JSON.parse(readFileSync(join(root, "examples", example), "utf8"));
      const renders: [string, Promise<Uint8Array>][] = [
        ...Object.values(BuiltInTemplate).map((template): [string, Promise<Uint8Array>] => [
          template,
          renderSummary(forTemplate(summary, template), { template }),
        ]),
        ["branch-letterhead.docx", renderSummary(summary, { template: letterhead })],
        ["own-fields.docx", renderSummary(summary, { template: ownFields, data: ownData })],
      ];
      for (const [template, render] of renders) {
        const part = openTemplate(await render).parts.find((p) => p.name === "word/document.xml");
        const key = `${example} with ${template}`;
        if (!part) throw new Error(`${key}: no document.xml`);
        const xml = inflatePart(part);
        // The render compressed it with our DEFLATE: the document holds fflate's bytes.
        expect({
          key,
          same: Buffer.from(part.data).equals(Buffer.from(deflateSync(xml, { level: 6 }))),
        }).toEqual({
          key,
          same: true,
        });
        expect({ key, problem: problem(xml) }).toEqual({ key, problem: "" });
        documents++;
      }
    }
    expect(documents).toBe(examples.length * 5);
  }, 60_000);

  it("for a 100,000-character varied report's document.xml", async () => {
    const part = openTemplate(await renderSummary(variedReport())).parts.find(
      (p) => p.name === "word/document.xml",
    );
    if (!part) throw new Error("no document.xml");
    const xml = inflatePart(part);
    expect(xml.length).toBeGreaterThan(300_000);
    expect(Buffer.from(part.data).equals(Buffer.from(deflateSync(xml, { level: 6 })))).toBe(true);
    expect(problem(xml)).toBe("");
  });
});

describe("deflate: nothing of one input changes the next one's bytes", () => {
  it("alternating big and small inputs of every kind in one process", () => {
    const inputs = [
      bytes(600_000, 4, 0.2, 1),
      new Uint8Array(5),
      bytes(200_000, 256, 0, 2),
      bytes(1500, 4, 0.2, 1),
      new Uint8Array(442_414),
      bytes(1, 256),
      bytes(REUSED_UP_TO + 10, 16, 0.1, 3),
      bytes(100_000, 4, 0.2, 1).subarray(0, 3000),
      bytes(90_000, 3, 0, 4),
      new Uint8Array(0),
      bytes(30_000, 256, 0.5, 5),
      bytes(2981, 4, 0.2, 1),
    ];
    // Twice round, so that each input also comes after the biggest.
    for (const input of [...inputs, ...inputs]) expect(problem(input)).toBe("");
  });

  /** Bytes of a random length (mostly short, some long) and make: alphabet, copies, seed. */
  const randomBytes = fc
    .record({
      length: fc.oneof(
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 3000, max: 70_000 }),
        fc.integer({ min: 70_000, max: 250_000 }),
      ),
      alphabet: fc.oneof(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 256 })),
      copies: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })),
      seed: fc.integer(),
    })
    .map(({ length, alphabet, copies, seed }) => bytes(length, alphabet, copies, seed));

  /** UTF-8 of random text of a random length: graphemes of any script, CJK, XML and emoji. */
  const randomText = fc
    .record({
      pieces: fc.array(
        fc.oneof(
          fc.string({ unit: "grapheme", minLength: 1 }),
          fc.constantFrom("<w:p><w:r><w:t>", "</w:t></w:r></w:p>", "同志们", "党支部", "，", "😀", " ", "\n"),
        ),
        { minLength: 1, maxLength: 40 },
      ),
      length: fc.oneof(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 2000, max: 150_000 })),
      seed: fc.integer(),
    })
    .map(({ pieces, length, seed }) => {
      const random = generator(seed);
      let text = "";
      while (text.length < length) text += pieces[Math.floor(random() * pieces.length)];
      return utf8.encode(text);
    });

  it("holds for random bytes and random UTF-8 text, many in sequence", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(randomBytes, randomText), { minLength: 1, maxLength: 6 }), (inputs) => {
        for (const input of inputs) expect(problem(input)).toBe("");
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it("holds for any short byte array", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 5000, size: "max" }), (input) => {
        expect(problem(input)).toBe("");
      }),
      { numRuns: 200 },
    );
  });
});
