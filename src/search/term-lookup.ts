// The clauses holding one term: candidates from the FlexSearch recall-token index (the postings
// of the term's rarest token), then literal verification on normalised text, so recall and
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
  let rarest: readonly number[] | null = null;
  for (const token of tokens) {
    const list = postings(index, token);
    cost.touch(list.length);
    if (rarest === null || list.length < rarest.length) rarest = list;
    if (list.length === 0) break;
  }
  const exact = tokens.length === 1 && tokens[0] === term;
  if (!exact && rarest !== null) cost.touch(rarest.length);
  found = exact || rarest === null ? (rarest ?? []) : rarest.filter((n) => (index.entries[n] as IndexedClause).text.includes(term));
  memo.set(term, found);
  return found;
}
