// The clauses holding one term: candidates from the recall-token index (the clauses holding
// every bigram of the term), then literal verification on normalised text, so recall and
// precision are exact. A one- or two-character term is its own token: its postings are the
// answer. Every list read and every clause to check counts against the query budget first.
import { termTokens } from '../analyse/analyzer.js';
import { postings, type IndexedClause, type SearchIndex } from '../index/search-index.js';
import { queryCost, type QueryBudget, type QueryCost } from './budget.js';
import type { ParsedQuery } from './query.js';

/** What one request has looked up (each term once) and what it has cost so far. */
export interface Lookup {
  memo: Map<string, readonly number[]>;
  cost: QueryCost;
}

export function lookupFor(query: ParsedQuery, budget?: QueryBudget): Lookup {
  return { memo: new Map(), cost: queryCost(query, budget) };
}

/** Clause numbers (ascending) whose normalised text contains `term`. */
export function containing(index: SearchIndex, term: string, { memo, cost }: Lookup): readonly number[] {
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
  found = exact || candidates.length === 0 ? candidates : candidates.filter((n) => (index.entries[n] as IndexedClause).text.includes(term));
  memo.set(term, found);
  return found;
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
