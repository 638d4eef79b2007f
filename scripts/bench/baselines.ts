// The two baselines every figure is a ratio against, fed exactly what the engine gets:
// a literal scan of every clause's normalised text, and MiniSearch indexing the same analyzer
// tokens. Both must find the same clauses as the engine; the bench checks that before timing.
import MiniSearch from 'minisearch';
import { recallTokens, termTokens } from '../../src/analyse/analyzer.js';
import type { IndexedClause } from '../../src/index/search-index.js';
import type { ParsedQuery } from '../../src/search/query.js';
import { rankHits } from '../../src/search/rank.js';

/** Clause numbers (ascending) whose text satisfies the query, testing every clause. */
export function scanMatches(texts: readonly string[], query: ParsedQuery): number[] {
  const out: number[] = [];
  for (let n = 0; n < texts.length; n++) {
    const text = texts[n] as string;
    if (query.groups.every((g) => g.some((t) => text.includes(t.text))) && !query.exclude.some((t) => text.includes(t.text))) out.push(n);
  }
  return out;
}

/** What the engine answers without an index: scan, then the same ranking for the first page. */
export function scanSearch(entries: IndexedClause[], texts: readonly string[], query: ParsedQuery, take: number): { total: number; top: string[] } {
  const numbers = scanMatches(texts, query);
  return { total: numbers.length, top: rankHits({ entries, numbers, query, take }).map((h) => h.entry.clause.id) };
}

const SEPARATOR = '\n';

export interface MiniBaseline {
  search(query: ParsedQuery, take: number): { total: number; numbers: number[] };
}

/**
 * MiniSearch over the analyzer's recall tokens (no normalisation of its own). A term's candidates
 * are the clauses holding all its tokens, verified literally like the engine's; groups and
 * exclusions combine the same way; the page is ordered by MiniSearch's BM25 score.
 */
export function miniBaseline(texts: readonly string[]): MiniBaseline {
  const split = (s: string) => s.split(SEPARATOR);
  const mini = new MiniSearch<{ id: number; tokens: string }>({
    fields: ['tokens'],
    storeFields: [],
    tokenize: split,
    processTerm: (t) => t,
    searchOptions: { combineWith: 'AND', prefix: false, fuzzy: false, tokenize: split, processTerm: (t) => t },
  });
  mini.addAll(texts.map((text, id) => ({ id, tokens: recallTokens(text).join(SEPARATOR) })));
  const termHits = (term: string): Map<number, number> => {
    const found = new Map<number, number>();
    for (const r of mini.search(termTokens(term).join(SEPARATOR))) if ((texts[r.id as number] as string).includes(term)) found.set(r.id as number, r.score);
    return found;
  };
  return {
    search(query, take) {
      const groups = query.groups.map((g) => {
        const union = new Map<number, number>();
        for (const t of g) for (const [n, s] of termHits(t.text)) union.set(n, (union.get(n) ?? 0) + s);
        return union;
      });
      groups.sort((a, b) => a.size - b.size);
      const excluded = query.exclude.map((t) => termHits(t.text));
      const scored: [number, number][] = [];
      for (const [n, s] of groups[0] ?? new Map<number, number>()) {
        let score = s;
        let ok = true;
        for (const g of groups.slice(1)) {
          const other = g.get(n);
          if (other === undefined) {
            ok = false;
            break;
          }
          score += other;
        }
        if (ok && !excluded.some((x) => x.has(n))) scored.push([n, score]);
      }
      scored.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      return { total: scored.length, numbers: scored.slice(0, take).map(([n]) => n) };
    },
  };
}
