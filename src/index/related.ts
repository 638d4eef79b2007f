// Related clauses, computed once at index time: TF-IDF cosine over jieba words, plus a boost for
// shared themes, keeping the best few clauses from *other* documents. Scores accumulate through
// an inverted list of words, so the cost follows shared words rather than all pairs.

export interface RelatedInput {
  /** Per clause: its normalised text and the jieba word lengths that tile it. */
  texts: string[];
  words: number[][];
  docIds: string[];
  themes: string[][];
}

export interface Related {
  n: number;
  score: number;
}

export const RELATED = {
  perClause: 5,
  minScore: 0.08,
  themeBoost: 0.15,
  /** Words in more than this share of clauses say little and cost much. */
  maxDocFrequency: 0.25,
} as const;

const CONTENT_WORD = /^(?=.*[\p{Script=Han}a-z])[\p{Script=Han}a-z0-9]{2,}$/u;

function wordsOf(text: string, lengths: number[]): Map<string, number> {
  const tf = new Map<string, number>();
  let at = 0;
  for (const length of lengths) {
    const word = text.slice(at, at + length);
    at += length;
    if (CONTENT_WORD.test(word)) tf.set(word, (tf.get(word) ?? 0) + 1);
  }
  return tf;
}

/** L2-normalised TF-IDF vectors, and the postings of every word kept. */
function vectors(input: RelatedInput): { vecs: Map<string, number>[]; postings: Map<string, [number, number][]> } {
  const tfs = input.texts.map((t, n) => wordsOf(t, input.words[n] ?? []));
  const df = new Map<string, number>();
  for (const tf of tfs) for (const w of tf.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  const total = tfs.length;
  const postings = new Map<string, [number, number][]>();
  const vecs = tfs.map((tf, n) => {
    const vec = new Map<string, number>();
    for (const [w, count] of tf) {
      const d = df.get(w) as number;
      if (d < 2 || d > total * RELATED.maxDocFrequency) continue;
      vec.set(w, (1 + Math.log(count)) * Math.log(total / d));
    }
    const norm = Math.sqrt([...vec.values()].reduce((a, v) => a + v * v, 0)) || 1;
    for (const [w, v] of vec) {
      vec.set(w, v / norm);
      const list = postings.get(w) ?? [];
      list.push([n, v / norm]);
      postings.set(w, list);
    }
    return vec;
  });
  return { vecs, postings };
}

function jaccard(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const set = new Set(a);
  const shared = b.filter((x) => set.has(x)).length;
  return shared / (a.length + b.length - shared);
}

export function computeRelated(input: RelatedInput): Related[][] {
  const { vecs, postings } = vectors(input);
  return vecs.map((vec, n) => {
    const scores = new Map<number, number>();
    for (const [w, v] of vec) {
      for (const [m, u] of postings.get(w) ?? []) {
        if (input.docIds[m] === input.docIds[n]) continue;
        scores.set(m, (scores.get(m) ?? 0) + v * u);
      }
    }
    const ranked: Related[] = [];
    for (const [m, cosine] of scores) {
      const score = cosine + RELATED.themeBoost * jaccard(input.themes[n] ?? [], input.themes[m] ?? []);
      if (score >= RELATED.minScore) ranked.push({ n: m, score: Math.round(score * 1000) / 1000 });
    }
    return ranked.sort((a, b) => b.score - a.score || a.n - b.n).slice(0, RELATED.perClause);
  });
}

export function encodeRelated(list: Related[]): string {
  return list.map((r) => `${r.n}:${r.score}`).join(',');
}

export function decodeRelated(text: string): Related[] {
  return text
    .split(',')
    .filter(Boolean)
    .map((pair) => {
      const [n, score] = pair.split(':');
      return { n: Number(n), score: Number(score) };
    });
}
