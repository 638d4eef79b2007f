// The clauses holding one term: candidates from the recall-token index (the clauses holding
// every bigram of the term), then literal verification on normalised text, so recall and
// precision are exact. A one- or two-character term is its own token: its postings are the
// answer. Every list read and every clause to check counts against the query budget first.
import { termTokens } from '../analyse/analyzer.js';
import { CLASSES, termClasses } from '../index/features.js';
import { postingClasses, postings, type IndexedClause, type SearchIndex } from '../index/search-index.js';
import { queryCost, type QueryBudget, type QueryCost } from './budget.js';
import type { ParsedQuery } from './query.js';

/** What one request has looked up (each term once) and what it has cost so far. */
export interface Lookup {
  memo: Map<string, readonly number[]>;
  /** Per term, the position-class counts of its occurrences in each clause of its list (four per clause). */
  classes: Map<string, Int32Array>;
  cost: QueryCost;
}

export function lookupFor(query: ParsedQuery, budget?: QueryBudget): Lookup {
  return { memo: new Map(), classes: new Map(), cost: queryCost(query, budget) };
}

/** Clause numbers (ascending) whose normalised text contains `term`. */
export function containing(index: SearchIndex, term: string, { memo, classes, cost }: Lookup): readonly number[] {
  let found = memo.get(term);
  if (found) return found;
  const tokens = termTokens(term);
  const lists: (readonly number[])[] = [];
  for (const token of tokens) {
    const list = postings(index, token);
    cost.touch(list.length);
    lists.push(list);
    if (list.length === 0) break;
  }
  const exact = tokens.length === 1 && tokens[0] === term;
  const candidates = exact ? (lists[0] ?? []) : intersectAll(lists);
  if (!exact) cost.touch(candidates.length);
  if (exact) {
    found = candidates;
    // A token the index has never seen has no postings, and so no counts.
    classes.set(term, postingClasses(index, term) ?? new Int32Array(0));
  } else {
    const verified = verify({ index, term, candidates, cap: cost.budget.maxMatchesPerTerm });
    found = verified.list;
    classes.set(term, verified.counts);
  }
  memo.set(term, found);
  return found;
}

/**
 * The candidates whose text holds the term, with the class counts of its occurrences: the one
 * pass over each text that both the match and its ranking need.
 */
function verify(options: { index: SearchIndex; term: string; candidates: readonly number[]; cap: number }): { list: number[]; counts: Int32Array } {
  const { index, term, candidates, cap } = options;
  const list: number[] = [];
  let counts = new Int32Array(Math.min(candidates.length, 64) * CLASSES);
  const one = new Int32Array(CLASSES);
  for (const n of candidates) {
    if (termClasses(index.entries[n] as IndexedClause, term, cap, one) === 0) continue;
    if ((list.length + 1) * CLASSES > counts.length) {
      const grown = new Int32Array(counts.length * 2);
      grown.set(counts);
      counts = grown;
    }
    counts.set(one, list.length * CLASSES);
    list.push(n);
  }
  return { list, counts: counts.subarray(0, list.length * CLASSES) };
}

/**
 * Clauses holding every token of a term, shortest list first: the bigrams narrow the candidates
 * before any text is read, instead of reading every text the rarest bigram names.
 */
function intersectAll(lists: (readonly number[])[]): readonly number[] {
  const sorted = [...lists].sort((a, b) => a.length - b.length);
  let result = sorted[0] ?? [];
  for (let k = 1; k < sorted.length && result.length > 0; k++) result = intersect(result, sorted[k] as readonly number[]);
  return result;
}

/** Ascending lists in, ascending common numbers out; galloping would pay only for far longer lists. */
function intersect(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let j = 0;
  for (const n of a) {
    while (j < b.length && (b[j] as number) < n) j++;
    if (j === b.length) break;
    if (b[j] === n) out.push(n);
  }
  return out;
}
