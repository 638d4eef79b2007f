// MinHash sketches of clause text and a banded LSH index over them, so that finding a clause's
// closest counterparts among thousands of plans looks up a few buckets instead of comparing every
// pair. Shingles are character 3-grams of the text with punctuation and spaces taken out.
import { normalizeText } from '../../analyse/analyzer.js';
import type { Clause } from '../../ingest/types.js';

/**
 * Hash functions per sketch, rows per LSH band (bands = hashes / rows), and the largest bucket
 * read: one row per band finds rewordings that share a tenth of their phrases, and the few
 * buckets that phrases like 碳达峰 fill with half a plan say nothing about which clause is close.
 */
export const SKETCH = { hashes: 64, rows: 1, shingle: 3, maxBucket: 48 } as const;

/** The text a sketch and an alignment read: normalised, only letters and digits (Han included). */
export function contentOf(text: string): string {
  return normalizeText(text).replace(/[^\p{L}\p{N}]/gu, '');
}

/** A clause's text without its printed marker (1. （一）): numbering is not wording. */
export function bodyOf(clause: Pick<Clause, 'text' | 'marker'>): string {
  return clause.text.slice(clause.marker?.length ?? 0).trim();
}

function fnv(text: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Distinct shingle hashes of a content string (one shingle for a string shorter than the shingle). */
export function shingles(content: string): Uint32Array {
  const n = Math.max(1, content.length - SKETCH.shingle + 1);
  const set = new Set<number>();
  for (let i = 0; i < n; i++) set.add(fnv(content, i, Math.min(content.length, i + SKETCH.shingle)));
  return Uint32Array.from(set);
}

// Seeds of the hash family h_i(x) = mix(x ^ seed_i): fixed, so sketches are the same in every run.
const SEEDS = Uint32Array.from({ length: SKETCH.hashes }, (_, i) => fnv(`seed${i}`, 0, `seed${i}`.length));

function mix(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** The MinHash signature of a shingle set. */
export function minhash(set: Uint32Array): Uint32Array {
  const sig = new Uint32Array(SKETCH.hashes).fill(0xffffffff);
  for (const x of set) {
    for (let i = 0; i < SKETCH.hashes; i++) {
      const h = mix(x ^ (SEEDS[i] as number));
      if (h < (sig[i] as number)) sig[i] = h;
    }
  }
  return sig;
}

/** The share of equal positions: an estimate of the shingle sets' Jaccard similarity. */
export function estimate(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/** Banded LSH over the signatures of some items: items sharing a band with a probe are its candidates. */
export class LshIndex {
  private readonly buckets = new Map<number, number[]>();
  /** `keys`: each item's band keys (bandKeys of its signature). */
  constructor(keys: number[][]) {
    keys.forEach((itemKeys, item) => {
      for (const key of itemKeys) {
        const list = this.buckets.get(key);
        if (list) list.push(item);
        else this.buckets.set(key, [item]);
      }
    });
  }

  /** Items sharing at least one band with the probe's keys (bandKeys), most shared bands first, at most `limit`. */
  candidates(keys: number[], limit: number): number[] {
    const hits = new Map<number, number>();
    for (const key of keys) {
      const bucket = this.buckets.get(key);
      if (bucket && bucket.length <= SKETCH.maxBucket) for (const item of bucket) hits.set(item, (hits.get(item) ?? 0) + 1);
    }
    const top: [number, number][] = [];
    for (const entry of hits) {
      if (top.length < limit) top.push(entry);
      else if (entry[1] > (top[top.length - 1] as [number, number])[1]) top[top.length - 1] = entry;
      else continue;
      top.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    }
    return top.map(([item]) => item);
  }
}

/** A signature's band keys, one number per band (band number and its rows' hash). */
export function bandKeys(sig: Uint32Array): number[] {
  const keys: number[] = [];
  const bands = SKETCH.hashes / SKETCH.rows;
  for (let band = 0; band < bands; band++) {
    let h = band;
    for (let r = 0; r < SKETCH.rows; r++) h = Math.imul(h ^ (sig[band * SKETCH.rows + r] as number), 0x01000193) >>> 0;
    // The band in the high bits keeps two bands' equal hashes apart.
    keys.push(band * 2 ** 32 + h);
  }
  return keys;
}
