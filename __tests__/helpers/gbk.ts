/**
 * Text → GBK bytes, as a Chinese Windows editor saves "ANSI" text. Node has no GBK encoder, so the table
 * is built once by decoding every two-byte GBK sequence.
 */
let table: Map<string, number[]> | undefined;

function gbkTable(): Map<string, number[]> {
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder("gbk", { fatal: true });
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      try {
        const char = decoder.decode(new Uint8Array([lead, trail]));
        if (!table.has(char)) table.set(char, [lead, trail]);
      } catch {
        // not a GBK sequence
      }
    }
  }
  return table;
}

/** The GBK bytes of `text`; throws for a character GBK cannot hold. */
export function encodeGbk(text: string): Uint8Array {
  const out: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    if (code < 0x80) {
      out.push(code);
      continue;
    }
    const bytes = gbkTable().get(char);
    if (!bytes) throw new Error(`GBK cannot hold ${JSON.stringify(char)}`);
    out.push(...bytes);
  }
  return new Uint8Array(out);
}
