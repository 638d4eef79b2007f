// Per-posting ranking data: for each (token, clause) posting, how many times the token occurs
// in the clause in each position class (a whole jieba word or inside one; in a heading or lead
// phrase or not). Ranking a one- or two-character term (碳, 的, 氢能) then reads these counts
// instead of every hit's text: at ×70 scoring read 28,000 texts for 碳. A longer term, verified
// on the text anyway, gets the same counts from that one pass (termClasses).
//
// Occurrences are counted as the ranking counts them: left to right, without overlaps.

/** Class of an occurrence: bit 1 whole word, bit 0 prominent (heading or lead phrase). */
export const CLASSES = 4;
const WHOLE = 2;
const PROMINENT = 1;

export interface ClauseShape {
  text: string;
  boundary: Uint8Array;
  leadEnd: number;
  heading: boolean;
}

function classAt(shape: ClauseShape, from: number, to: number): number {
  const whole = shape.boundary[from] === 1 && shape.boundary[to] === 1;
  const prominent = shape.heading || from < shape.leadEnd;
  return (whole ? WHOLE : 0) | (prominent ? PROMINENT : 0);
}

/**
 * Counts per class of a term's occurrences in one clause, into `out` (four numbers), at most
 * `cap` occurrences; returns how many were counted.
 */
export function termClasses(shape: ClauseShape, term: string, cap: number, out: Int32Array): number {
  out.fill(0);
  let count = 0;
  for (let from = shape.text.indexOf(term); from >= 0 && count < cap; from = shape.text.indexOf(term, from + term.length)) {
    const cls = classAt(shape, from, from + term.length);
    out[cls] = (out[cls] as number) + 1;
    count++;
  }
  return count;
}

/**
 * The candidates whose text holds the term, with the class counts of its occurrences (four per
 * clause found): the one pass over each text that a match and its ranking both need. A query
 * verifies a long term with it; the build verifies each phrase list with it.
 */
export function verifyTerm(options: { shapes: readonly ClauseShape[]; term: string; candidates: Int32Array; cap: number }): { list: Int32Array; counts: Int32Array } {
  const { shapes, term, candidates, cap } = options;
  const list = new Int32Array(candidates.length);
  const counts = new Int32Array(candidates.length * CLASSES);
  const one = new Int32Array(CLASSES);
  let found = 0;
  for (let c = 0; c < candidates.length; c++) {
    const n = candidates[c] as number;
    if (termClasses(shapes[n] as ClauseShape, term, cap, one) === 0) continue;
    counts.set(one, found * CLASSES);
    list[found++] = n;
  }
  return { list: list.subarray(0, found), counts: counts.subarray(0, found * CLASSES) };
}

/**
 * The class counts of every one- and two-character token of a clause, in one pass: slot k of the
 * returned map holds counts[4k .. 4k+3]. One array per clause, not one per token: at ×70 that
 * was nine million small arrays. ASCII words (the third kind of recall token) are counted by
 * `termClasses` by the caller.
 */
export function clauseTokenClasses(shape: ClauseShape, counts: { array: Int32Array }): Map<string, number> {
  const slots = new Map<string, number>();
  // Where the last counted occurrence of a two-character token ends: occurrences do not overlap.
  const ends = new Map<string, number>();
  const { text } = shape;
  const add = (token: string, from: number, to: number) => {
    let slot = slots.get(token);
    if (slot === undefined) {
      slot = slots.size;
      slots.set(token, slot);
      if ((slot + 1) * CLASSES > counts.array.length) {
        const grown = new Int32Array(counts.array.length * 2);
        grown.set(counts.array);
        counts.array = grown;
      }
      counts.array.fill(0, slot * CLASSES, slot * CLASSES + CLASSES);
    }
    const at = slot * CLASSES + classAt(shape, from, to);
    counts.array[at] = (counts.array[at] as number) + 1;
  };
  let i = 0;
  while (i < text.length) {
    const next = i + ((text.codePointAt(i) as number) > 0xffff ? 2 : 1);
    add(text.slice(i, next), i, next);
    if (next < text.length) {
      const end = next + ((text.codePointAt(next) as number) > 0xffff ? 2 : 1);
      const pair = text.slice(i, end);
      if (i >= (ends.get(pair) ?? 0)) {
        add(pair, i, end);
        ends.set(pair, end);
      }
    }
    i = next;
  }
  return slots;
}

/**
 * Class counts of a list of postings as bytes: one varint `count × 4 + class` when every
 * occurrence is of one class (nearly all), else 0 and the four counts.
 */
export function encodeClasses(list: Int32Array[]): Uint8Array {
  const writer = new ByteWriter();
  for (const c of list) writer.classes(c);
  return writer.bytes();
}

/** Decodes `count` postings' class counts into one flat array, four numbers per posting. */
export function decodeClasses(bytes: Uint8Array, count: number): Int32Array {
  const out = new Int32Array(count * CLASSES);
  let at = 0;
  const varint = () => {
    let value = 0;
    let shift = 0;
    for (;;) {
      const byte = bytes[at++] as number;
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
      shift += 7;
    }
  };
  for (let p = 0; p < count; p++) {
    const v = varint();
    if (v === 0) for (let k = 0; k < CLASSES; k++) out[p * CLASSES + k] = varint();
    else out[p * CLASSES + (v % CLASSES)] = Math.floor(v / CLASSES);
  }
  if (at !== bytes.length) throw new Error(`位置类别数据长度不符：读了 ${at} 字节，共 ${bytes.length} 字节`);
  return out;
}

/** A growing byte buffer of one token's class counts, written posting by posting while building. */
export class ByteWriter {
  private buffer = new Uint8Array(8);
  private length = 0;

  private push(byte: number): void {
    if (this.length === this.buffer.length) {
      const grown = new Uint8Array(this.buffer.length * 2);
      grown.set(this.buffer);
      this.buffer = grown;
    }
    this.buffer[this.length++] = byte;
  }

  private varint(n: number): void {
    while (n >= 0x80) {
      this.push((n & 0x7f) | 0x80);
      n = Math.floor(n / 0x80);
    }
    this.push(n);
  }

  /** One posting's counts (c[at .. at+3]), in the encoding of encodeClasses. */
  classes(c: Int32Array, at = 0): void {
    let used = -1;
    let kinds = 0;
    for (let k = 0; k < CLASSES; k++) {
      if ((c[at + k] as number) > 0) {
        used = k;
        kinds++;
      }
    }
    if (kinds === 1) this.varint((c[at + used] as number) * CLASSES + used);
    else {
      this.varint(0);
      for (let k = 0; k < CLASSES; k++) this.varint(c[at + k] as number);
    }
  }

  bytes(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}
