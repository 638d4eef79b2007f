// Posting lists, compressed: each ascending list of clause numbers is stored as the gaps
// between them in LEB128 varints, mostly one byte a posting instead of four. Lists are decoded
// when a query asks for a token; the most recent decodings are kept, up to a budget of
// postings, so a common character (的) is decoded once while memory stays bounded.
//
// Decoded lists are Int32Arrays, as are the lists a query derives from them. A plain array
// of more than about 16,000 numbers lives in V8's large-object space: building one of 21,000
// took 1 ms where an Int32Array took 0.1 ms, and a common query builds several.
import { INDEX_DEFAULTS } from '../config.js';

export function encodePostings(list: ArrayLike<number>): Uint8Array {
  const bytes: number[] = [];
  let previous = -1;
  for (let i = 0; i < list.length; i++) {
    const n = list[i] as number;
    if (!Number.isInteger(n) || n <= previous) throw new Error(`倒排表须为递增整数：${previous} 之后是 ${n}`);
    let gap = n - previous;
    previous = n;
    while (gap >= 0x80) {
      bytes.push((gap & 0x7f) | 0x80);
      gap >>>= 7;
    }
    bytes.push(gap);
  }
  return Uint8Array.from(bytes);
}

export function decodePostings(bytes: Uint8Array): Int32Array {
  // Every posting's last byte has the high bit clear.
  let count = 0;
  for (let i = 0; i < bytes.length; i++) if ((bytes[i] as number) < 0x80) count++;
  const out = new Int32Array(count);
  let k = 0;
  let previous = -1;
  let gap = 0;
  let shift = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] as number;
    gap |= (byte & 0x7f) << shift;
    if (byte & 0x80) shift += 7;
    else {
      previous += gap;
      out[k++] = previous;
      gap = 0;
      shift = 0;
    }
  }
  return out;
}

/** Decoded lists, most recently used last; the oldest are dropped past the budget (of elements). */
export class DecodedLists<T extends { readonly length: number } = Int32Array> {
  private lists = new Map<string, T>();
  private held = 0;
  constructor(private budget: number = INDEX_DEFAULTS.decodedPostings) {}

  get(token: string): T | undefined {
    const list = this.lists.get(token);
    if (list) {
      this.lists.delete(token);
      this.lists.set(token, list);
    }
    return list;
  }

  add(token: string, list: T): T {
    this.lists.set(token, list);
    this.held += list.length;
    for (const [oldest, old] of this.lists) {
      if (this.held <= this.budget || oldest === token) break;
      this.lists.delete(oldest);
      this.held -= old.length;
    }
    return list;
  }
}

/**
 * Clauses holding every token of a term, shortest list first: the bigrams narrow the candidates
 * before any text is read, instead of reading every text the rarest bigram names.
 */
export function intersectLists(lists: readonly Int32Array[]): Int32Array {
  const sorted = [...lists].sort((a, b) => a.length - b.length);
  let result = sorted[0] ?? new Int32Array(0);
  for (let k = 1; k < sorted.length && result.length > 0; k++) result = intersectTwo(result, sorted[k] as Int32Array);
  return result;
}

/**
 * Ascending lists in, ascending common numbers out. Against a list many times longer, each
 * number is found by galloping (doubling steps, then halving) instead of walking every number
 * between: a long phrase's rare pairs met 国家's 15,000 postings at ×70.
 */
function intersectTwo(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(a.length);
  let count = 0;
  const gallop = b.length > a.length * 8;
  let j = 0;
  for (let i = 0; i < a.length && j < b.length; i++) {
    const n = a[i] as number;
    if (gallop) j = seek(b, j, n);
    else while (j < b.length && (b[j] as number) < n) j++;
    if (j < b.length && b[j] === n) out[count++] = n;
  }
  return out.subarray(0, count);
}

/** The first position at or after `from` whose number is at least `n` (b.length when none). */
function seek(b: Int32Array, from: number, n: number): number {
  let step = 1;
  let hi = from;
  while (hi < b.length && (b[hi] as number) < n) {
    hi += step;
    step *= 2;
  }
  let lo = Math.max(from, hi - step / 2);
  hi = Math.min(hi, b.length);
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((b[mid] as number) < n) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
