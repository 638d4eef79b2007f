// Related clauses, computed once at index time: clauses that share wording, found by MinHash
// over character shingles with locality-sensitive hashing (bands of the signature as bucket
// keys), scored by the signatures' agreement plus a boost for shared themes (rare themes weigh
// more), keeping the best few clauses from *other* documents. No pair of clauses is compared
// unless a band put them in one bucket, and a clause meets at most maxBucket members of any
// bucket, so the pass is linear in the corpus: 7 s at ×70 (40,040 clauses). The TF-IDF cosine
// over jieba words it replaces compared every clause sharing a word, up to 256 per word.

export interface RelatedInput {
  /** Per clause: its normalised text. */
  texts: string[];
  docIds: string[];
  themes: string[][];
}

export interface Related {
  n: number;
  score: number;
  /** Set when the clause was added as the best match on a specific shared theme. */
  theme?: string;
}

export const RELATED = {
  perClause: 6,
  /** Extra places for the best clause on each of a clause's most specific themes. */
  perTheme: 2,
  /** A theme is specific when it tags at most this share of all clauses. */
  specificTheme: 0.08,
  minScore: 0.08,
  themeBoost: 0.3,
  /** Characters per shingle: three Chinese characters say more than a pair and repeat less. */
  shingle: 2,
  /** MinHash values per clause, in bands of `rows`: 16 bands of 2 find pairs from a Jaccard of about 0.25. */
  hashes: 32,
  rows: 1,
  /**
   * Candidates taken from one bucket. A sentence that a hundred plans repeat fills a bucket
   * with all of them; a clause then meets only the copies nearest it in library order, so no
   * clause meets more than bands × maxBucket others and the pass stays linear in the corpus.
   */
  maxBucket: 24,
} as const;

/** Letters and digits of any script; punctuation and spaces do not make shingles. */
const SHINGLE_CHAR = /[\p{L}\p{N}]/u;

/** Seeds of the hash family (fixed, so a build is reproducible): odd multipliers and xor masks. */
const SEEDS = Array.from({ length: RELATED.hashes }, (_, i) => {
  let x = (0x9e3779b9 * (i + 1)) >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b) >>> 0;
  return { mul: (x | 1) >>> 0, xor: Math.imul(x ^ (x >>> 13), 0xc2b2ae35) >>> 0 };
});

/** The MinHash signature of a text's character shingles; null when it has none. */
function signatureOf(text: string): Uint32Array | null {
  const chars = [...text].filter((c) => SHINGLE_CHAR.test(c));
  if (chars.length < RELATED.shingle) return null;
  const sig = new Uint32Array(RELATED.hashes).fill(0xffffffff);
  for (let i = 0; i + RELATED.shingle <= chars.length; i++) {
    // FNV-1a over the shingle's code units.
    let h = 0x811c9dc5;
    for (let k = 0; k < RELATED.shingle; k++) {
      const c = chars[i + k] as string;
      for (let u = 0; u < c.length; u++) h = Math.imul(h ^ c.charCodeAt(u), 0x01000193);
    }
    for (let j = 0; j < RELATED.hashes; j++) {
      const seed = SEEDS[j] as { mul: number; xor: number };
      let x = Math.imul(h ^ seed.xor, seed.mul);
      x ^= x >>> 15;
      x = Math.imul(x, 0x2c1b3c6d);
      x = (x ^ (x >>> 12)) >>> 0;
      if (x < (sig[j] as number)) sig[j] = x;
    }
  }
  return sig;
}

/** Clauses by band: each band's rows hashed to one key, members in clause order. */
function bandBuckets(signatures: (Uint32Array | null)[]): Map<number, number[]>[] {
  const bands = RELATED.hashes / RELATED.rows;
  const buckets = Array.from({ length: bands }, () => new Map<number, number[]>());
  signatures.forEach((sig, n) => {
    if (!sig) return;
    for (let b = 0; b < bands; b++) {
      let key = 0x811c9dc5;
      for (let r = 0; r < RELATED.rows; r++) key = Math.imul(key ^ (sig[b * RELATED.rows + r] as number), 0x01000193);
      const map = buckets[b] as Map<number, number[]>;
      const list = map.get(key);
      if (list) list.push(n);
      else map.set(key, [n]);
    }
  });
  return buckets;
}

/** The members of a bucket (ascending) nearest to clause n, at most maxBucket of them. */
function window(members: number[], n: number): number[] {
  if (members.length <= RELATED.maxBucket) return members;
  let lo = 0;
  let hi = members.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((members[mid] as number) < n) lo = mid + 1;
    else hi = mid;
  }
  const from = Math.max(0, Math.min(lo - RELATED.maxBucket / 2, members.length - RELATED.maxBucket));
  return members.slice(from, from + RELATED.maxBucket);
}

/** The share of signature positions two clauses agree on: an estimate of their shingles' Jaccard. */
function agreement(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let j = 0; j < a.length; j++) if (a[j] === b[j]) same++;
  return same / a.length;
}

/**
 * IDF-weighted cosine of theme sets: sharing a rare theme (氢能) counts more than a broad one.
 * Themes become small integers once, so the inner loop, run for every scored pair, is arithmetic.
 */
function themeSimilarity(themes: string[][]): { prepare: (a: number) => void; similarity: (b: number) => number } {
  const code = new Map<string, number>();
  const codes = themes.map((list) => list.map((t) => code.get(t) ?? code.set(t, code.size).size - 1));
  const df = new Float64Array(code.size);
  for (const list of codes) for (const c of list) df[c] = (df[c] as number) + 1;
  const weightSquared = Float64Array.from(df, (d) => Math.log(themes.length / d) ** 2);
  const norms = Float64Array.from(codes, (list) => Math.sqrt(list.reduce((sum, c) => sum + (weightSquared[c] as number), 0)));
  // The first clause of a pair, as a lookup of its themes' squared weights.
  const own = new Float64Array(code.size);
  let current = -1;
  return {
    prepare(a) {
      for (const c of codes[current] ?? []) own[c] = 0;
      current = a;
      for (const c of codes[a] ?? []) own[c] = weightSquared[c] as number;
    },
    similarity(b) {
      const na = norms[current] ?? 0;
      const nb = norms[b] ?? 0;
      if (na === 0 || nb === 0) return 0;
      let dot = 0;
      for (const c of codes[b] as number[]) dot += own[c] as number;
      return dot / (na * nb);
    },
  };
}

export function computeRelated(input: RelatedInput): Related[][] {
  const signatures = input.texts.map(signatureOf);
  const buckets = bandBuckets(signatures);
  const theme = themeSimilarity(input.themes);
  const themeDf = new Map<string, number>();
  for (const list of input.themes) for (const t of list) themeDf.set(t, (themeDf.get(t) ?? 0) + 1);
  const docCode = new Map<string, number>();
  const docOf = Int32Array.from(input.docIds, (id) => docCode.get(id) ?? docCode.set(id, docCode.size).size - 1);
  // One stamp array for every clause's candidates, instead of a Set per clause.
  const seen = new Int32Array(input.texts.length).fill(-1);
  return signatures.map((sig, n) => {
    if (!sig) return [];
    theme.prepare(n);
    const ranked: Related[] = [];
    buckets.forEach((map, b) => {
      let key = 0x811c9dc5;
      for (let r = 0; r < RELATED.rows; r++) key = Math.imul(key ^ (sig[b * RELATED.rows + r] as number), 0x01000193);
      for (const m of window(map.get(key) as number[], n)) {
        if (seen[m] === n || docOf[m] === docOf[n]) continue;
        seen[m] = n;
        const score = agreement(sig, signatures[m] as Uint32Array) + RELATED.themeBoost * theme.similarity(m);
        if (score >= RELATED.minScore) ranked.push({ n: m, score: Math.round(score * 1000) / 1000 });
      }
    });
    return diversify({ ranked, themes: input.themes, own: input.themes[n] ?? [], themeDf, total: input.texts.length });
  });
}

/** Ranked before: higher score, then lower clause number. */
const better = (a: Related, b: Related) => b.score < a.score || (b.score === a.score && a.n < b.n);

/** The best `count` of an unsorted list, best first, without sorting all of it. */
function best(list: Related[], count: number): Related[] {
  const top: Related[] = [];
  for (const r of list) {
    if (top.length === count && !better(r, top[count - 1] as Related)) continue;
    let i = Math.min(top.length, count - 1);
    if (top.length < count) top.push(r);
    while (i > 0 && better(r, top[i - 1] as Related)) {
      top[i] = top[i - 1] as Related;
      i--;
    }
    top[i] = r;
  }
  return top;
}

/**
 * The best overall, then for each specific theme the clause has (氢能 in a broad energy clause)
 * the best clause sharing it, so a rare topic is not drowned by the clause's main subject.
 */
function diversify(options: { ranked: Related[]; themes: string[][]; own: string[]; themeDf: Map<string, number>; total: number }): Related[] {
  const chosen = best(options.ranked, RELATED.perClause);
  const specific = options.own
    .filter((t) => (options.themeDf.get(t) ?? 0) <= options.total * RELATED.specificTheme)
    .sort((a, b) => (options.themeDf.get(a) ?? 0) - (options.themeDf.get(b) ?? 0))
    .slice(0, RELATED.perTheme);
  for (const theme of specific) {
    if (chosen.some((r) => options.themes[r.n]?.includes(theme))) continue;
    const [top] = best(
      options.ranked.filter((r) => options.themes[r.n]?.includes(theme) && !chosen.includes(r)),
      1,
    );
    if (top) chosen.push({ ...top, theme });
  }
  return chosen;
}

export function encodeRelated(list: Related[]): string {
  return list.map((r) => `${r.n}:${r.score}${r.theme ? `:${r.theme}` : ''}`).join(',');
}

export function decodeRelated(text: string): Related[] {
  return text
    .split(',')
    .filter(Boolean)
    .map((pair) => {
      const [n, score, theme] = pair.split(':');
      return theme ? { n: Number(n), score: Number(score), theme } : { n: Number(n), score: Number(score) };
    });
}
