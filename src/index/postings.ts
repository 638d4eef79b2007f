// Posting lists, compressed: each ascending list of clause numbers is stored as the gaps
// between them in LEB128 varints, mostly one byte a posting instead of four. Lists are decoded
// when a query asks for a token; the most recent decodings are kept, up to a budget of
// postings, so a common character (的) is decoded once while memory stays bounded.
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

export function decodePostings(bytes: Uint8Array): number[] {
  const out: number[] = [];
  let previous = -1;
  let gap = 0;
  let shift = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] as number;
    gap |= (byte & 0x7f) << shift;
    if (byte & 0x80) shift += 7;
    else {
      previous += gap;
      out.push(previous);
      gap = 0;
      shift = 0;
    }
  }
  return out;
}

/** Decoded lists, most recently used last; the oldest are dropped past the budget (of elements). */
export class DecodedLists<T extends { readonly length: number } = readonly number[]> {
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
