/*
 * DEFLATE at level 6 that writes exactly the bytes of fflate 0.8.2's `deflateSync(data, { level: 6 })`, but
 * keeps its working memory from one call to the next.
 *
 * Why not fflate itself: every `deflateSync` call allocates fresh typed arrays (an output buffer about the
 * size of the input and a copy of it cut to length, a hash table of 256 kB–2 MB, the 64 kB chain, 100 kB of
 * symbols, and small Huffman tables for every block). Their memory lives outside the JavaScript heap, in
 * the C allocator, and is only given back when V8 next collects; over thousands of documents that grows the
 * process by 20 MB. fflate's API has no way to hand it buffers, so this file carries the part of fflate we
 * use — the one-shot, level-6, no-dictionary path — with the buffers kept at module level. The compressed
 * bytes must not change (a document's bytes are the same in Node, in browsers and across versions), so the
 * algorithm is fflate's step for step, down to the order its sorts keep equal frequencies in; where the
 * code departs from fflate's shape (fixed-size scratch tables instead of arrays of the exact length, typed
 * arrays instead of tree objects), a comment says why the result is the same. fflate's names are given in
 * brackets, to read this beside node_modules/fflate/esm/index.mjs.
 *
 * Derived from fflate 0.8.2 (https://github.com/101arrowz/fflate), under its licence:
 *
 * MIT License
 *
 * Copyright (c) 2023 Arjun Barrett
 *
 * Permission is hereby granted, free of charge, to any person obtaining a copy
 * of this software and associated documentation files (the "Software"), to deal
 * in the Software without restriction, including without limitation the rights
 * to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
 * copies of the Software, and to permit persons to whom the Software is
 * furnished to do so, subject to the following conditions:
 *
 * The above copyright notice and this permission notice shall be included in all
 * copies or substantial portions of the Software.
 *
 * THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
 * IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
 * FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
 * AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
 * LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
 * OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
 * SOFTWARE.
 */

/** Extra bits of each length code [fleb]. */
const LENGTH_EXTRA = new Uint8Array([
  0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0, 0, 0, 0,
]);
/** Extra bits of each distance code [fdeb]. */
const DISTANCE_EXTRA = new Uint8Array([
  0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13, 0, 0,
]);
/** The order in which a dynamic block gives the code lengths of its code-length code [clim]. */
const CODE_LENGTH_ORDER = new Uint8Array([16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]);

/**
 * For each length (or distance), its code index in the low 5 bits and the value of its extra bits above
 * them [freb's `r`].
 */
function codeOf(extra: Uint8Array, start: number): Int32Array {
  const base = new Uint16Array(31);
  let next = start;
  for (let i = 0; i < 31; i++) {
    // fflate reads extra[-1] (undefined, a shift by 0) for the first base.
    next += 1 << (i === 0 ? 0 : (extra[i - 1] as number));
    base[i] = next;
  }
  const code = new Int32Array(base[30] as number);
  for (let i = 1; i < 30; i++) {
    for (let j = base[i] as number; j < (base[i + 1] as number); j++)
      code[j] = ((j - (base[i] as number)) << 5) | i;
  }
  return code;
}
/** [revfl] */
const LENGTH_CODE = codeOf(LENGTH_EXTRA, 2);
LENGTH_CODE[258] = 28;
/** [revfd] */
const DISTANCE_CODE = codeOf(DISTANCE_EXTRA, 0);

/** Each 15-bit value with its bits in reverse order (Huffman codes are written last bit first) [rev]. */
const REVERSED = new Uint16Array(32768);
for (let i = 0; i < 32768; i++) {
  let x = ((i & 0xaaaa) >> 1) | ((i & 0x5555) << 1);
  x = ((x & 0xcccc) >> 2) | ((x & 0x3333) << 2);
  x = ((x & 0xf0f0) >> 4) | ((x & 0x0f0f) << 4);
  REVERSED[i] = (((x & 0xff00) >> 8) | ((x & 0x00ff) << 8)) >> 1;
}

/** The bit lengths of the fixed literal/length code [flt] and distance code [fdt]. */
const FIXED_LITERAL_LENGTHS = new Uint8Array(288);
FIXED_LITERAL_LENGTHS.fill(8, 0, 144).fill(9, 144, 256).fill(7, 256, 280).fill(8, 280, 288);
const FIXED_DISTANCE_LENGTHS = new Uint8Array(32).fill(5);

/** Counts per bit length and first code per bit length, for {@link canonicalCodes}. */
const bitLengthCounts = new Uint16Array(16);
const firstCodes = new Uint16Array(16);

/**
 * The codes (bits reversed) of a Huffman code given by its code lengths [hMap with r = 0]. fflate allocates
 * its three arrays per call; here the counts are scratch and the codes go into `codes` (as long as
 * `lengths`). A symbol of length 0 keeps code 0; no one reads it.
 */
function canonicalCodes(lengths: Uint8Array, maxBits: number, codes: Uint16Array): Uint16Array {
  const counts = bitLengthCounts.fill(0);
  const first = firstCodes.fill(0);
  codes.fill(0);
  for (let i = 0; i < lengths.length; i++) {
    const length = lengths[i] as number;
    if (length) counts[length - 1] = (counts[length - 1] as number) + 1;
  }
  for (let i = 1; i < maxBits; i++) first[i] = ((first[i - 1] as number) + (counts[i - 1] as number)) << 1;
  for (let i = 0; i < lengths.length; i++) {
    const length = lengths[i] as number;
    if (length) {
      const code = first[length - 1] as number;
      first[length - 1] = code + 1;
      codes[i] = (REVERSED[code] as number) >> (15 - length);
    }
  }
  return codes;
}

/** [flm], [fdm] */
const FIXED_LITERAL_CODES = canonicalCodes(FIXED_LITERAL_LENGTHS, 9, new Uint16Array(288));
const FIXED_DISTANCE_CODES = canonicalCodes(FIXED_DISTANCE_LENGTHS, 5, new Uint16Array(32));

/*
 * The Huffman tree [hTree]. fflate builds it from objects ({ s: symbol, f: frequency, l, r }); here a node
 * is an index into these arrays: leaves 0…n-1, then the sentinel fflate pushes (frequency 25001), then the
 * joined nodes. `slots` is fflate's array `t` (node indexes), `bySymbol` its copy `t2` (the leaves in
 * symbol order, as `t.slice()` takes them before sorting).
 */
const MAX_SYMBOLS = 288;
const nodeFrequency = new Int32Array(2 * MAX_SYMBOLS + 2);
const nodeSymbol = new Int32Array(2 * MAX_SYMBOLS + 2);
const nodeLeft = new Int32Array(2 * MAX_SYMBOLS + 2);
const nodeRight = new Int32Array(2 * MAX_SYMBOLS + 2);
const slots = new Int32Array(MAX_SYMBOLS + 2);
const bySymbol = new Int32Array(MAX_SYMBOLS);
/** Each symbol's depth in the tree, then its code length [tr]. */
const depths = new Uint16Array(MAX_SYMBOLS);

/** The next free node index. */
let nextNode = 0;

/** A new node joining two [`{ s: -1, f: l.f + r.f, l, r }`]. */
function join(left: number, right: number): number {
  const node = nextNode++;
  nodeSymbol[node] = -1;
  nodeFrequency[node] = (nodeFrequency[left] as number) + (nodeFrequency[right] as number);
  nodeLeft[node] = left;
  nodeRight[node] = right;
  return node;
}

/** The frequency of the node in a slot [`t[i].f`]. */
function slotFrequency(slot: number): number {
  return nodeFrequency[slots[slot] as number] as number;
}

/** Writes each leaf's depth under `node` into `depths`; returns the deepest [ln]. */
function assignDepths(node: number, depth: number): number {
  const symbol = nodeSymbol[node] as number;
  if (symbol !== -1) {
    depths[symbol] = depth;
    return depth;
  }
  return Math.max(
    assignDepths(nodeLeft[node] as number, depth + 1),
    assignDepths(nodeRight[node] as number, depth + 1),
  );
}

/**
 * Whether leaf `a` sorts before leaf `b` for length limiting: deeper first, then rarer
 * [`tr[b.s] - tr[a.s] || a.f - b.f`].
 */
function longerOrRarer(a: number, b: number): boolean {
  const da = depths[nodeSymbol[a] as number] as number;
  const db = depths[nodeSymbol[b] as number] as number;
  return da > db || (da === db && (nodeFrequency[a] as number) < (nodeFrequency[b] as number));
}

/** The symbol of the k-th leaf in length-limiting order [`t2[k].s`]. */
function sortedSymbol(k: number): number {
  return nodeSymbol[bySymbol[k] as number] as number;
}

/**
 * The code lengths of a Huffman code for `frequencies`, at most `maxBits` long, written into `lengths` (as
 * long as `frequencies`); returns the longest [hTree]. fflate returns an array that ends at the last symbol
 * used (or is empty); `lengths` has zeros after it instead, which every reader of it treats the same way:
 * sums of frequency × length, the search for the last non-zero length, and reading past the end (undefined
 * in fflate, 0 here, both counted as 0).
 */
function huffmanLengths(frequencies: Uint16Array, maxBits: number, lengths: Uint8Array): number {
  lengths.fill(0);
  let count = 0;
  for (let i = 0; i < frequencies.length; i++) {
    const frequency = frequencies[i] as number;
    if (frequency) {
      nodeSymbol[count] = i;
      nodeFrequency[count] = frequency;
      bySymbol[count] = count;
      count++;
    }
  }
  if (count === 0) return 0;
  if (count === 1) {
    lengths[nodeSymbol[0] as number] = 1;
    return 1;
  }
  // fflate sorts by frequency with Array.prototype.sort, which is stable: equal frequencies stay in symbol
  // order. An insertion sort that moves a leaf only past higher frequencies orders them the same way.
  for (let k = 0; k < count; k++) {
    let j = k - 1;
    const frequency = nodeFrequency[k] as number;
    while (j >= 0 && (nodeFrequency[slots[j] as number] as number) > frequency) {
      slots[j + 1] = slots[j] as number;
      j--;
    }
    slots[j + 1] = k;
  }
  // The sentinel: more than any number of symbols a block holds, so the merge never takes it.
  const sentinel = count;
  nodeSymbol[sentinel] = -1;
  nodeFrequency[sentinel] = 25001;
  slots[count] = sentinel;
  nextNode = count + 1;
  let i0 = 0;
  let i1 = 1;
  let i2 = 2;
  slots[0] = join(slots[0] as number, slots[1] as number);
  while (i1 !== count - 1) {
    const left = slots[slotFrequency(i0) < slotFrequency(i2) ? i0++ : i2++] as number;
    const right = slots[i0 !== i1 && slotFrequency(i0) < slotFrequency(i2) ? i0++ : i2++] as number;
    slots[i1++] = join(left, right);
  }
  depths.fill(0);
  let longest = assignDepths(slots[i1 - 1] as number, 0);
  if (longest > maxBits) {
    // fflate's length limiting (from UZIP.js), on the leaves sorted longest first, then by frequency;
    // the stable sort keeps symbol order among equals, as the insertion sort here does.
    for (let k = 1; k < count; k++) {
      const leaf = bySymbol[k] as number;
      let j = k - 1;
      while (j >= 0 && longerOrRarer(leaf, bySymbol[j] as number)) {
        bySymbol[j + 1] = bySymbol[j] as number;
        j--;
      }
      bySymbol[j + 1] = leaf;
    }
    let i = 0;
    let debt = 0;
    const over = longest - maxBits;
    const cost = 1 << over;
    for (; i < count; i++) {
      const symbol = sortedSymbol(i);
      const depth = depths[symbol] as number;
      if (depth > maxBits) {
        debt += cost - (1 << (longest - depth));
        depths[symbol] = maxBits;
      } else break;
    }
    debt >>= over;
    while (debt > 0) {
      const symbol = sortedSymbol(i);
      const depth = depths[symbol] as number;
      if (depth < maxBits) {
        depths[symbol] = depth + 1;
        debt -= 1 << (maxBits - depth - 1);
      } else i++;
    }
    for (; i >= 0 && debt; i--) {
      const symbol = sortedSymbol(i);
      if (depths[symbol] === maxBits) {
        depths[symbol] = maxBits - 1;
        debt++;
      }
    }
    longest = maxBits;
  }
  for (let i = 0; i < lengths.length; i++) lengths[i] = depths[i] as number;
  return longest;
}

/**
 * How many code lengths a dynamic block gives: up to the last non-zero one, and at least one [lc's `n`].
 */
function usedLength(lengths: Uint8Array): number {
  let s = lengths.length - 1;
  while (s > 0 && !lengths[s]) s--;
  return s + 1;
}

/**
 * The code lengths run-length encoded (codes 16, 17, 18 with their repeat counts above bit 5, the extra
 * bits' count above bit 12), written into `out`; returns how many [lc's `c`].
 */
function runLengths(lengths: Uint8Array, count: number, out: Uint16Array): number {
  let n = 0;
  let current = lengths[0] as number;
  let streak = 1;
  for (let i = 1; i <= count; i++) {
    if (lengths[i] === current && i !== count) streak++;
    else {
      if (!current && streak > 2) {
        for (; streak > 138; streak -= 138) out[n++] = 32754;
        if (streak > 2) {
          out[n++] = streak > 10 ? ((streak - 11) << 5) | 28690 : ((streak - 3) << 5) | 12305;
          streak = 0;
        }
      } else if (streak > 3) {
        out[n++] = current;
        streak--;
        for (; streak > 6; streak -= 6) out[n++] = 8304;
        if (streak > 2) {
          out[n++] = ((streak - 3) << 5) | 8208;
          streak = 0;
        }
      }
      while (streak--) out[n++] = current;
      streak = 1;
      // Past the last length this reads beyond `lengths` (as fflate does); the value is never used.
      current = lengths[i] as number;
    }
  }
  return n;
}

/** The bits a code of `lengths` spends on symbols of `frequencies` [clen]. */
function bitCost(frequencies: Uint16Array, lengths: Uint8Array): number {
  let bits = 0;
  for (let i = 0; i < lengths.length; i++) bits += (frequencies[i] as number) * (lengths[i] as number);
  return bits;
}

/** ORs up to 9 bits of `value` into `out` at bit `pos` [wbits]. */
function writeBits(out: Uint8Array, pos: number, value: number): void {
  const v = value << (pos & 7);
  const o = (pos / 8) | 0;
  out[o] = (out[o] as number) | v;
  out[o + 1] = (out[o + 1] as number) | (v >> 8);
}

/** ORs up to 16 bits of `value` into `out` at bit `pos` [wbits16]. */
function writeBits16(out: Uint8Array, pos: number, value: number): void {
  const v = value << (pos & 7);
  const o = (pos / 8) | 0;
  out[o] = (out[o] as number) | v;
  out[o + 1] = (out[o + 1] as number) | (v >> 8);
  out[o + 2] = (out[o + 2] as number) | (v >> 16);
}

/** The byte after bit `pos` [shft]. */
function byteEnd(pos: number): number {
  return ((pos + 7) / 8) | 0;
}

/** The block being gathered: its symbols [syms] and the frequencies of its codes [lf], [df]. */
const symbols = new Int32Array(25000);
const literalFrequencies = new Uint16Array(288);
const distanceFrequencies = new Uint16Array(32);

/** The tables a block's dynamic Huffman codes are built in [dlt, ddt, lct, lclt, lcdt, lcfreq, lm, dm, llm]. */
const literalLengths = new Uint8Array(288);
const distanceLengths = new Uint8Array(32);
const codeLengthLengths = new Uint8Array(19);
const literalRuns = new Uint16Array(288);
const distanceRuns = new Uint16Array(32);
const codeLengthFrequencies = new Uint16Array(19);
const literalCodes = new Uint16Array(288);
const distanceCodes = new Uint16Array(32);
const codeLengthCodes = new Uint16Array(19);

/**
 * Writes `data[start, start + length)` as a stored block at bit `pos` (its 3 header bits already there,
 * zero but for the final bit); returns the new bit position [wfblk].
 */
function writeStored(out: Uint8Array, pos: number, data: Uint8Array, start: number, length: number): number {
  const o = byteEnd(pos + 2);
  out[o] = length & 255;
  out[o + 1] = length >> 8;
  out[o + 2] = (out[o] as number) ^ 255;
  out[o + 3] = (out[o + 1] as number) ^ 255;
  for (let i = 0; i < length; i++) out[o + i + 4] = data[start + i] as number;
  return (o + 4 + length) * 8;
}

/** Counts the codes of run-length coded code lengths into {@link codeLengthFrequencies}. */
function countCodes(runs: Uint16Array, count: number): void {
  for (let i = 0; i < count; i++) {
    const code = (runs[i] as number) & 31;
    codeLengthFrequencies[code] = (codeLengthFrequencies[code] as number) + 1;
  }
}

/** Writes run-length coded code lengths with the code-length code; returns the new bit position. */
function writeRuns(
  out: Uint8Array,
  startPos: number,
  runs: Uint16Array,
  count: number,
  codes: Uint16Array,
): number {
  let pos = startPos;
  for (let i = 0; i < count; i++) {
    const run = runs[i] as number;
    const code = run & 31;
    writeBits(out, pos, codes[code] as number);
    pos += codeLengthLengths[code] as number;
    if (code > 15) {
      writeBits(out, pos, (run >> 5) & 127);
      pos += run >> 12;
    }
  }
  return pos;
}

/**
 * Writes the gathered block — stored, with the fixed codes or with its own, whichever is shortest — and
 * returns the new bit position [wblk]. The block's bytes are `data[start, start + length)`.
 */
function writeBlock(
  data: Uint8Array,
  out: Uint8Array,
  final: number,
  symbolCount: number,
  extraBits: number,
  start: number,
  length: number,
  startPos: number,
): number {
  let pos = startPos;
  writeBits(out, pos++, final);
  literalFrequencies[256] = (literalFrequencies[256] as number) + 1;
  const literalBits = huffmanLengths(literalFrequencies, 15, literalLengths);
  const distanceBits = huffmanLengths(distanceFrequencies, 15, distanceLengths);
  const literalCount = usedLength(literalLengths);
  const literalRunCount = runLengths(literalLengths, literalCount, literalRuns);
  const distanceCount = usedLength(distanceLengths);
  const distanceRunCount = runLengths(distanceLengths, distanceCount, distanceRuns);
  codeLengthFrequencies.fill(0);
  countCodes(literalRuns, literalRunCount);
  countCodes(distanceRuns, distanceRunCount);
  const codeLengthBits = huffmanLengths(codeLengthFrequencies, 7, codeLengthLengths);
  let codeLengthCount = 19;
  while (codeLengthCount > 4 && !codeLengthLengths[CODE_LENGTH_ORDER[codeLengthCount - 1] as number]) {
    codeLengthCount--;
  }
  const storedBits = (length + 5) << 3;
  const fixedBits =
    bitCost(literalFrequencies, FIXED_LITERAL_LENGTHS) +
    bitCost(distanceFrequencies, FIXED_DISTANCE_LENGTHS) +
    extraBits;
  const dynamicBits =
    bitCost(literalFrequencies, literalLengths) +
    bitCost(distanceFrequencies, distanceLengths) +
    extraBits +
    14 +
    3 * codeLengthCount +
    bitCost(codeLengthFrequencies, codeLengthLengths) +
    2 * (codeLengthFrequencies[16] as number) +
    3 * (codeLengthFrequencies[17] as number) +
    7 * (codeLengthFrequencies[18] as number);
  // fflate also asks that the block's start be known (`bs >= 0`); it always is in a one-shot call.
  if (storedBits <= fixedBits && storedBits <= dynamicBits) return writeStored(out, pos, data, start, length);
  const dynamic = dynamicBits < fixedBits;
  writeBits(out, pos, dynamic ? 2 : 1);
  pos += 2;
  let literalMap: Uint16Array;
  let literalLength: Uint8Array;
  let distanceMap: Uint16Array;
  let distanceLength: Uint8Array;
  if (dynamic) {
    literalMap = canonicalCodes(literalLengths, literalBits, literalCodes);
    literalLength = literalLengths;
    distanceMap = canonicalCodes(distanceLengths, distanceBits, distanceCodes);
    distanceLength = distanceLengths;
    const codeLengthMap = canonicalCodes(codeLengthLengths, codeLengthBits, codeLengthCodes);
    writeBits(out, pos, literalCount - 257);
    writeBits(out, pos + 5, distanceCount - 1);
    writeBits(out, pos + 10, codeLengthCount - 4);
    pos += 14;
    for (let i = 0; i < codeLengthCount; i++) {
      writeBits(out, pos + 3 * i, codeLengthLengths[CODE_LENGTH_ORDER[i] as number] as number);
    }
    pos += 3 * codeLengthCount;
    pos = writeRuns(out, pos, literalRuns, literalRunCount, codeLengthMap);
    pos = writeRuns(out, pos, distanceRuns, distanceRunCount, codeLengthMap);
  } else {
    literalMap = FIXED_LITERAL_CODES;
    literalLength = FIXED_LITERAL_LENGTHS;
    distanceMap = FIXED_DISTANCE_CODES;
    distanceLength = FIXED_DISTANCE_LENGTHS;
  }
  for (let i = 0; i < symbolCount; i++) {
    const symbol = symbols[i] as number;
    if (symbol > 255) {
      const lengthCode = (symbol >> 18) & 31;
      writeBits16(out, pos, literalMap[lengthCode + 257] as number);
      pos += literalLength[lengthCode + 257] as number;
      if (lengthCode > 7) {
        writeBits(out, pos, (symbol >> 23) & 31);
        pos += LENGTH_EXTRA[lengthCode] as number;
      }
      const distanceCode = symbol & 31;
      writeBits16(out, pos, distanceMap[distanceCode] as number);
      pos += distanceLength[distanceCode] as number;
      if (distanceCode > 3) {
        writeBits16(out, pos, (symbol >> 5) & 8191);
        pos += DISTANCE_EXTRA[distanceCode] as number;
      }
    } else {
      writeBits16(out, pos, literalMap[symbol] as number);
      pos += literalLength[symbol] as number;
    }
  }
  writeBits16(out, pos, literalMap[256] as number);
  return pos + (literalLength[256] as number);
}

/**
 * For each level 1–9, the match length that is good enough to stop looking (above bit 13) and how many
 * earlier positions to try at most [deo].
 */
const LEVEL_OPTIONS = new Int32Array([
  65540, 131080, 131088, 131104, 262176, 1048704, 1048832, 2114560, 2117632,
]);

/**
 * Inputs up to this many bytes are compressed in the buffers kept for the next call (at most about
 * 2 × this size in all: the output and the hash table); a bigger input gets buffers of its own, given back
 * with it, so that one huge document does not hold its memory for the rest of the process.
 */
export const REUSED_UP_TO = 2 * 1024 * 1024;

let outputScratch = new Uint8Array(0);
let headScratch = new Uint16Array(0);
/** For each position (modulo the window), the previous one with the same hash [prev]. */
const previous = new Uint16Array(32768);

/** fflate's output buffer for `length` bytes: the input, plus 5 bytes per stored block it might need. */
function outputSize(length: number): number {
  return length + 5 * (1 + Math.ceil(length / 7000));
}

/**
 * The size to grow a kept buffer to: at least twice the old size, so that a run of growing inputs
 * reallocates only a few times, and no more than the biggest a reused buffer needs.
 */
function grownSize(kept: number, size: number, biggest: number): number {
  return Math.min(Math.max(size, 2 * kept), biggest);
}

/**
 * Compresses `data` with DEFLATE (raw, no zlib or gzip wrapper): the same bytes as fflate 0.8.2's
 * `deflateSync(data, { level })`, with only the returned array allocated (for inputs up to
 * {@link REUSED_UP_TO} bytes). Level 0 (stored) and fflate's other options (`mem`, `dictionary`) are left
 * out: the zip writer does not use them.
 * @param data - the bytes to compress (read, never kept)
 * @param level - 1 (fastest) to 9 (smallest); 6 is fflate's and zlib's default
 * @returns the compressed bytes, a new array of their exact length
 * @throws RangeError when `level` is not a whole number from 1 to 9
 * @example
 * deflate(new TextEncoder().encode("aaaaaaaaaa"))
 * //=> Uint8Array [75, 132, 3, 0]
 */
export function deflate(data: Uint8Array, level = 6): Uint8Array<ArrayBuffer> {
  const options = LEVEL_OPTIONS[level - 1];
  if (!Number.isInteger(level) || options === undefined) {
    throw new RangeError(`deflate: level must be a whole number from 1 to 9 (got ${level})`);
  }
  const niceLength = options >> 13;
  const maxChain = options & 8191;
  const s = data.length;
  const size = outputSize(s);
  // The hash table's bits, from the input's length [dopt's `mem` rule]: 12 to 20.
  const hashBits = Math.ceil(Math.max(8, Math.min(13, Math.log(s))) * 1.5);
  const mask = (1 << hashBits) - 1;
  let out: Uint8Array;
  let head: Uint16Array;
  if (s <= REUSED_UP_TO) {
    if (outputScratch.length < size) {
      outputScratch = new Uint8Array(grownSize(outputScratch.length, size, outputSize(REUSED_UP_TO)));
    }
    if (headScratch.length < mask + 1)
      headScratch = new Uint16Array(grownSize(headScratch.length, mask + 1, 1 << 20));
    // fflate's arrays are new, hence zero, and it counts on that: bits are ORed into the output, and the
    // frequencies are counted up from 0. The output is cut to fflate's size, so that a write past the end
    // is lost as it is there. The hash table and the chain are zeroed too, though the bytes would not
    // change if they were not: a position left from an earlier input never passes the hash check that
    // starts a search, and a chain led to one only visits positions whose first bytes differ, which
    // cannot make a longer match; zeroing keeps the state exactly fflate's, for a memset.
    out = outputScratch.subarray(0, size).fill(0);
    head = headScratch.fill(0, 0, mask + 1);
  } else {
    out = new Uint8Array(size);
    head = new Uint16Array(mask + 1);
  }
  const prev = previous.fill(0);
  const syms = symbols;
  const lf = literalFrequencies.fill(0);
  const df = distanceFrequencies.fill(0);
  const shift1 = Math.ceil(hashBits / 3);
  const shift2 = 2 * shift1;
  const hash = (i: number) =>
    ((data[i] as number) ^ ((data[i + 1] as number) << shift1) ^ ((data[i + 2] as number) << shift2)) & mask;
  let pos = 0;
  // Matches in the block, extra bits in the block, position, symbols in the block, first position not yet
  // covered by a match, the block's start.
  let matches = 0;
  let extraBits = 0;
  let i = 0;
  let li = 0;
  let waitUntil = 0;
  let blockStart = 0;
  for (; i + 2 < s; i++) {
    const hv = hash(i);
    let imod = i & 32767;
    let pimod = head[hv] as number;
    prev[imod] = pimod;
    head[hv] = imod;
    if (waitUntil > i) continue;
    const rem = s - i;
    // A new block every 7000 matches or 24576 symbols, unless the input ends within 423 bytes (fflate's
    // condition also lets a stream that is not the last one split there; ours is always the last).
    if ((matches > 7000 || li > 24576) && rem > 423) {
      pos = writeBlock(data, out, 0, li, extraBits, blockStart, i - blockStart, pos);
      li = 0;
      matches = 0;
      extraBits = 0;
      blockStart = i;
      lf.fill(0, 0, 286);
      df.fill(0, 0, 30);
    }
    let l = 2;
    let d = 0;
    let chain = maxChain;
    let dif = (imod - pimod) & 32767;
    if (rem > 2 && hv === hash(i - dif)) {
      const maxn = Math.min(niceLength, rem) - 1;
      const maxd = Math.min(32767, i);
      // Not capped at dif: a match may run into the bytes it copies.
      const ml = Math.min(258, rem);
      while (dif <= maxd && --chain && imod !== pimod) {
        if (data[i + l] === data[i + l - dif]) {
          let nl = 0;
          while (nl < ml && data[i + nl] === data[i + nl - dif]) nl++;
          if (nl > l) {
            l = nl;
            d = dif;
            if (nl > maxn) break;
            // Go on along the chain of the rarest 2-byte sequence within the match.
            const mmd = Math.min(dif, nl - 2);
            let md = 0;
            for (let j = 0; j < mmd; j++) {
              const ti = (i - dif + j) & 32767;
              const cd = (ti - (prev[ti] as number)) & 32767;
              if (cd > md) {
                md = cd;
                pimod = ti;
              }
            }
          }
        }
        imod = pimod;
        pimod = prev[imod] as number;
        dif += (imod - pimod) & 32767;
      }
    }
    if (d) {
      // Length and distance in one int: bit 28 set, length code and extra at 18, distance's at 0.
      const lengthCode = LENGTH_CODE[l] as number;
      const distanceCode = DISTANCE_CODE[d] as number;
      syms[li++] = 268435456 | (lengthCode << 18) | distanceCode;
      const lin = lengthCode & 31;
      const din = distanceCode & 31;
      extraBits += (LENGTH_EXTRA[lin] as number) + (DISTANCE_EXTRA[din] as number);
      lf[257 + lin] = (lf[257 + lin] as number) + 1;
      df[din] = (df[din] as number) + 1;
      waitUntil = i + l;
      matches++;
    } else {
      const byte = data[i] as number;
      syms[li++] = byte;
      lf[byte] = (lf[byte] as number) + 1;
    }
  }
  for (i = Math.max(i, waitUntil); i < s; i++) {
    const byte = data[i] as number;
    syms[li++] = byte;
    lf[byte] = (lf[byte] as number) + 1;
  }
  pos = writeBlock(data, out, 1, li, extraBits, blockStart, i - blockStart, pos);
  return out.slice(0, byteEnd(pos));
}
