/**
 * The size raw DEFLATE data (RFC 1951) inflates to, counted without inflating: the Huffman codes are
 * decoded but no byte is written, so memory stays constant however large the output would be, and the
 * count stops as soon as it passes a limit. It is how a zip entry whose header understates its size is
 * caught before pizzip inflates it in one piece. (The decoder follows zlib's reference "puff".)
 */

const MAX_BITS = 15;
const LENGTH_BASE = [
  3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195,
  227, 258,
];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DISTANCE_EXTRA = [
  0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
];
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/** Thrown for data that is not valid DEFLATE. */
export class CorruptDeflateError extends Error {
  override name = "CorruptDeflateError";
}

interface Huffman {
  count: Uint16Array;
  symbol: Uint16Array;
}

function huffman(lengths: ArrayLike<number>): Huffman {
  const count = new Uint16Array(MAX_BITS + 1);
  for (let i = 0; i < lengths.length; i++) {
    const len = lengths[i] as number;
    count[len] = (count[len] as number) + 1;
  }
  const offsets = new Uint16Array(MAX_BITS + 2);
  for (let len = 1; len <= MAX_BITS; len++) offsets[len + 1] = (offsets[len] ?? 0) + (count[len] ?? 0);
  const symbol = new Uint16Array(lengths.length);
  for (let s = 0; s < lengths.length; s++) {
    const len = lengths[s] as number;
    if (len === 0) continue;
    const at = offsets[len] as number;
    symbol[at] = s;
    offsets[len] = at + 1;
  }
  return { count, symbol };
}

const FIXED = (() => {
  const lengths = new Uint8Array(288);
  lengths.fill(8, 0, 144);
  lengths.fill(9, 144, 256);
  lengths.fill(7, 256, 280);
  lengths.fill(8, 280, 288);
  return { lengths: huffman(lengths), distances: huffman(new Uint8Array(30).fill(5)) };
})();

/**
 * Counts the bytes `data` inflates to.
 * @param data - raw DEFLATE data (a zip entry's compressed bytes)
 * @param limit - stop counting past this many bytes
 * @returns the inflated size, or `Infinity` as soon as it exceeds `limit`
 * @throws {@link CorruptDeflateError} for data that is not valid DEFLATE
 * @example
 * inflatedSize(deflateRawSync(new Uint8Array(1000)), 10_000) //=> 1000
 * inflatedSize(deflateRawSync(new Uint8Array(1000)), 100) //=> Infinity
 */
export function inflatedSize(data: Uint8Array, limit: number): number {
  let pos = 0;
  let bitBuffer = 0;
  let bitCount = 0;
  const bits = (n: number): number => {
    while (bitCount < n) {
      if (pos >= data.length) throw new CorruptDeflateError("the data ends early");
      bitBuffer |= (data[pos++] as number) << bitCount;
      bitCount += 8;
    }
    const value = bitBuffer & ((1 << n) - 1);
    bitBuffer >>>= n;
    bitCount -= n;
    return value;
  };
  const decode = (h: Huffman): number => {
    let code = 0;
    let first = 0;
    let index = 0;
    for (let len = 1; len <= MAX_BITS; len++) {
      code |= bits(1);
      const count = h.count[len] as number;
      if (code - count < first) return h.symbol[index + (code - first)] as number;
      index += count;
      first = (first + count) << 1;
      code <<= 1;
    }
    throw new CorruptDeflateError("an invalid Huffman code");
  };

  let size = 0;
  let last = 0;
  while (!last) {
    last = bits(1);
    const type = bits(2);
    if (type === 0) {
      bitBuffer = 0;
      bitCount = 0;
      if (pos + 4 > data.length) throw new CorruptDeflateError("the data ends early");
      const length = (data[pos] as number) | ((data[pos + 1] as number) << 8);
      const inverse = (data[pos + 2] as number) | ((data[pos + 3] as number) << 8);
      if ((length ^ 0xffff) !== inverse) throw new CorruptDeflateError("a stored block's length is damaged");
      pos += 4 + length;
      if (pos > data.length) throw new CorruptDeflateError("the data ends early");
      size += length;
      if (size > limit) return Number.POSITIVE_INFINITY;
      continue;
    }
    let lengths: Huffman;
    let distances: Huffman;
    if (type === 1) {
      ({ lengths, distances } = FIXED);
    } else if (type === 2) {
      const nLength = bits(5) + 257;
      const nDistance = bits(5) + 1;
      const nCode = bits(4) + 4;
      const codeLengths = new Uint8Array(19);
      for (let i = 0; i < nCode; i++) codeLengths[CODE_LENGTH_ORDER[i] as number] = bits(3);
      const codeCode = huffman(codeLengths);
      const all = new Uint8Array(nLength + nDistance);
      for (let i = 0; i < all.length; ) {
        const symbol = decode(codeCode);
        if (symbol < 16) {
          all[i++] = symbol;
          continue;
        }
        let repeat: number;
        let value = 0;
        if (symbol === 16) {
          if (i === 0) throw new CorruptDeflateError("a repeat with nothing before it");
          value = all[i - 1] as number;
          repeat = 3 + bits(2);
        } else if (symbol === 17) repeat = 3 + bits(3);
        else repeat = 11 + bits(7);
        if (i + repeat > all.length) throw new CorruptDeflateError("too many code lengths");
        all.fill(value, i, i + repeat);
        i += repeat;
      }
      lengths = huffman(all.subarray(0, nLength));
      distances = huffman(all.subarray(nLength));
    } else {
      throw new CorruptDeflateError("an invalid block type");
    }
    for (;;) {
      const symbol = decode(lengths);
      if (symbol < 256) size += 1;
      else if (symbol === 256) break;
      else {
        const index = symbol - 257;
        if (index >= 29) throw new CorruptDeflateError("an invalid length code");
        size += (LENGTH_BASE[index] as number) + bits(LENGTH_EXTRA[index] as number);
        const distance = decode(distances);
        if (distance >= 30) throw new CorruptDeflateError("an invalid distance code");
        bits(DISTANCE_EXTRA[distance] as number);
      }
      if (size > limit) return Number.POSITIVE_INFINITY;
    }
  }
  return size;
}
