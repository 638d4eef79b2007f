// Related clauses, computed once at index time: TF-IDF cosine over jieba words, plus a boost for
// shared themes (rare themes weigh more), keeping the best few clauses from *other* documents.
// Scores accumulate through an inverted list of words. Each word's list keeps only its heaviest
// postings, so the build stays linear in the corpus: without that cap a word found in a fifth
// of 57,000 clauses made every pair of them meet, and ×10 took 21 s instead of 1.

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
  /** Words in more than this share of clauses say little and cost much. */
  maxDocFrequency: 0.25,
  /**
   * Postings kept per word, heaviest first. Above the bundled corpus's largest list (143), so
   * it changes nothing there; at scale it bounds the work per clause.
   */
  maxPostings: 256,
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
  for (const [w, list] of postings) {
    if (list.length > RELATED.maxPostings) postings.set(w, list.sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, RELATED.maxPostings));
  }
  return { vecs, postings };
}

/** IDF-weighted cosine of theme sets: sharing a rare theme (氢能) counts more than a broad one. */
function themeSimilarity(themes: string[][]): (a: number, b: number) => number {
  const df = new Map<string, number>();
  for (const list of themes) for (const t of list) df.set(t, (df.get(t) ?? 0) + 1);
  const weight = (t: string) => Math.log(themes.length / (df.get(t) ?? 1));
  const norms = themes.map((list) => Math.sqrt(list.reduce((s, t) => s + weight(t) ** 2, 0)));
  const sets = themes.map((list) => new Set(list));
  return (a, b) => {
    const na = norms[a] ?? 0;
    const nb = norms[b] ?? 0;
    if (na === 0 || nb === 0) return 0;
    let dot = 0;
    for (const t of themes[a] ?? []) if (sets[b]?.has(t)) dot += weight(t) ** 2;
    return dot / (na * nb);
  };
}

export function computeRelated(input: RelatedInput): Related[][] {
  const { vecs, postings } = vectors(input);
  const themeSim = themeSimilarity(input.themes);
  const themeDf = new Map<string, number>();
  for (const list of input.themes) for (const t of list) themeDf.set(t, (themeDf.get(t) ?? 0) + 1);
  // One accumulator reused for every clause: a Map per clause was most of the build's garbage.
  const scores = new Float64Array(vecs.length);
  const touched: number[] = [];
  return vecs.map((vec, n) => {
    touched.length = 0;
    for (const [w, v] of vec) {
      for (const [m, u] of postings.get(w) ?? []) {
        if (input.docIds[m] === input.docIds[n]) continue;
        if (scores[m] === 0) touched.push(m);
        scores[m] = (scores[m] as number) + v * u;
      }
    }
    const ranked: Related[] = [];
    for (const m of touched) {
      const score = (scores[m] as number) + RELATED.themeBoost * themeSim(n, m);
      scores[m] = 0;
      if (score >= RELATED.minScore) ranked.push({ n: m, score: Math.round(score * 1000) / 1000 });
    }
    ranked.sort((a, b) => b.score - a.score || a.n - b.n);
    return diversify({ ranked, themes: input.themes, own: input.themes[n] ?? [], themeDf, total: input.texts.length });
  });
}

/**
 * The best overall, then for each specific theme the clause has (氢能 in a broad energy clause)
 * the best clause sharing it, so a rare topic is not drowned by the clause's main subject.
 */
function diversify(options: { ranked: Related[]; themes: string[][]; own: string[]; themeDf: Map<string, number>; total: number }): Related[] {
  const chosen = options.ranked.slice(0, RELATED.perClause);
  const specific = options.own
    .filter((t) => (options.themeDf.get(t) ?? 0) <= options.total * RELATED.specificTheme)
    .sort((a, b) => (options.themeDf.get(a) ?? 0) - (options.themeDf.get(b) ?? 0))
    .slice(0, RELATED.perTheme);
  for (const theme of specific) {
    if (chosen.some((r) => options.themes[r.n]?.includes(theme))) continue;
    const best = options.ranked.find((r) => options.themes[r.n]?.includes(theme) && !chosen.includes(r));
    if (best) chosen.push({ ...best, theme });
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
