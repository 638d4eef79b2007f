// Ranking verified hits. Order of precedence: how many query groups match as whole words
// (by the stored jieba boundaries), then a score from match count, density and where the
// matches sit (heading or lead phrase), then document level and reading order.
import { findAll } from '../analyse/analyzer.js';
import type { IndexedClause } from '../index/search-index.js';
import type { ParsedQuery } from './query.js';

export interface Match {
  /** Normalised offsets. */
  from: number;
  to: number;
  /** Index of the term among the query's positive terms. */
  term: number;
  /** Starts and ends on word boundaries, rather than inside a longer word. */
  whole: boolean;
}

export interface RankedHit {
  entry: IndexedClause;
  /** Number of query groups with at least one whole-word match. */
  wholeGroups: number;
  score: number;
  matches: Match[];
}

const WEIGHTS = {
  whole: 2,
  inWord: 1,
  /** Multiplier for a match inside a heading or the lead phrase. */
  prominent: 2,
  density: 4,
} as const;

export function matchesOf(entry: IndexedClause, query: ParsedQuery): Match[] {
  const matches: Match[] = [];
  let t = 0;
  for (const group of query.groups) {
    for (const term of group) {
      for (const from of findAll(entry.norm.text, term.text)) {
        const to = from + term.text.length;
        matches.push({ from, to, term: t, whole: entry.boundary[from] === 1 && entry.boundary[to] === 1 });
      }
      t++;
    }
  }
  return matches.sort((a, b) => a.from - b.from || b.to - a.to);
}

/** For each positive term (in matchesOf's numbering), the AND group it belongs to. */
function groupsOfTerms(query: ParsedQuery): number[] {
  return query.groups.flatMap((g, i) => g.map(() => i));
}

export function scoreHit(entry: IndexedClause, query: ParsedQuery, groupOf = groupsOfTerms(query)): RankedHit {
  const matches = matchesOf(entry, query);
  const wholeIn = new Set<number>();
  const weightIn = new Map<number, number>();
  let covered = 0;
  let coveredTo = 0;
  for (const m of matches) {
    const group = groupOf[m.term] as number;
    if (m.whole) wholeIn.add(group);
    const prominent = entry.heading || m.from < entry.leadEnd;
    const weight = (m.whole ? WEIGHTS.whole : WEIGHTS.inWord) * (prominent ? WEIGHTS.prominent : 1);
    weightIn.set(group, (weightIn.get(group) ?? 0) + weight);
    // Matches are sorted by start; count each character once when OR terms overlap.
    covered += Math.max(0, m.to - Math.max(m.from, coveredTo));
    coveredTo = Math.max(coveredTo, m.to);
  }
  let score = 0;
  for (const weight of weightIn.values()) score += Math.log2(1 + weight);
  score += (WEIGHTS.density * covered) / Math.max(entry.norm.text.length, 1);
  return { entry, wholeGroups: wholeIn.size, score, matches };
}

export function rankHits(options: { entries: IndexedClause[]; numbers: number[]; query: ParsedQuery }): RankedHit[] {
  const groupOf = groupsOfTerms(options.query);
  const scored = options.numbers.map((n) => ({ n, hit: scoreHit(options.entries[n] as IndexedClause, options.query, groupOf) }));
  // Entries are stored province → city → county and in reading order, so n breaks ties by both.
  scored.sort((a, b) => b.hit.wholeGroups - a.hit.wholeGroups || b.hit.score - a.hit.score || a.n - b.n);
  return scored.map((s) => s.hit);
}
