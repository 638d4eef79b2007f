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

/** A word's postings, heaviest first: clause numbers and their weights for the word. */
interface PostingList {
  clauses: Int32Array;
  weights: Float64Array;
}

/** L2-normalised TF-IDF vectors, and the postings of every word kept. */
function vectors(input: RelatedInput): { vecs: Map<string, number>[]; postings: Map<string, PostingList> } {
  const tfs = input.texts.map((t, n) => wordsOf(t, input.words[n] ?? []));
  const df = new Map<string, number>();
  for (const tf of tfs) for (const w of tf.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  const total = tfs.length;
  const lists = new Map<string, [number, number][]>();
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
      const list = lists.get(w) ?? [];
      list.push([n, v / norm]);
      lists.set(w, list);
    }
    return vec;
  });
  const postings = new Map<string, PostingList>();
  for (const [w, list] of lists) {
    const kept = list.length > RELATED.maxPostings ? list.sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, RELATED.maxPostings) : list;
    postings.set(w, { clauses: Int32Array.from(kept, (p) => p[0]), weights: Float64Array.from(kept, (p) => p[1]) });
  }
  return { vecs, postings };
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
  const { vecs, postings } = vectors(input);
  const theme = themeSimilarity(input.themes);
  const themeDf = new Map<string, number>();
  for (const list of input.themes) for (const t of list) themeDf.set(t, (themeDf.get(t) ?? 0) + 1);
  // One accumulator reused for every clause: a Map per clause was most of the build's garbage.
  const scores = new Float64Array(vecs.length);
  const touched: number[] = [];
  const docCode = new Map<string, number>();
  const docOf = Int32Array.from(input.docIds, (id) => docCode.get(id) ?? docCode.set(id, docCode.size).size - 1);
  return vecs.map((vec, n) => {
    touched.length = 0;
    theme.prepare(n);
    const own = docOf[n];
    for (const [w, v] of vec) {
      const list = postings.get(w);
      if (!list) continue;
      for (let k = 0; k < list.clauses.length; k++) {
        const m = list.clauses[k] as number;
        if (docOf[m] === own) continue;
        if (scores[m] === 0) touched.push(m);
        scores[m] = (scores[m] as number) + v * (list.weights[k] as number);
      }
    }
    const ranked: Related[] = [];
    for (const m of touched) {
      const score = (scores[m] as number) + RELATED.themeBoost * theme.similarity(m);
      scores[m] = 0;
      if (score >= RELATED.minScore) ranked.push({ n: m, score: Math.round(score * 1000) / 1000 });
    }
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
