// The clauses holding one term: candidates from the recall-token index (the clauses holding
// every bigram of the term), then literal verification on normalised text, so recall and
// precision are exact. A one- or two-character term is its own token, and a frequent longer
// word has its own phrase list (index/phrases.ts): their postings are the answer. Every list
// read and every clause to check counts against the query budget first.
import { termTokens } from '../analyse/analyzer.js';
import { verifyTerm } from '../index/features.js';
import { intersectLists } from '../index/postings.js';
import { postingClasses, postings, type SearchIndex } from '../index/search-index.js';
import { queryCost, type QueryBudget, type QueryCost } from './budget.js';
import type { ParsedQuery } from './query.js';

/** What one request has looked up (each term once) and what it has cost so far. */
export interface Lookup {
  memo: Map<string, Int32Array>;
  /** Per term, the position-class counts of its occurrences in each clause of its list (four per clause). */
  classes: Map<string, Int32Array>;
  cost: QueryCost;
}

export function lookupFor(query: ParsedQuery, budget?: QueryBudget): Lookup {
  return { memo: new Map(), classes: new Map(), cost: queryCost(query, budget) };
}

/** Clause numbers (ascending) whose normalised text contains `term`. */
export function containing(index: SearchIndex, term: string, { memo, classes, cost }: Lookup): Int32Array {
  let found = memo.get(term);
  if (found) return found;
  // Every list the index holds is exact: a term that has one needs no verification.
  const tokens = index.lists.has(term) ? [term] : termTokens(term);
  const lists: Int32Array[] = [];
  for (const token of tokens) {
    const list = postings(index, token);
    cost.touch(list.length);
    lists.push(list);
    if (list.length === 0) break;
  }
  const exact = tokens.length === 1 && tokens[0] === term;
  const candidates = exact ? (lists[0] ?? new Int32Array(0)) : intersectLists(lists);
  if (!exact) cost.touch(candidates.length);
  if (exact) {
    found = candidates;
    // A token the index has never seen has no postings, and so no counts.
    classes.set(term, postingClasses(index, term) ?? new Int32Array(0));
  } else {
    const verified = verifyTerm({ shapes: index.entries, term, candidates, cap: cost.budget.maxMatchesPerTerm });
    found = verified.list;
    classes.set(term, verified.counts);
  }
  memo.set(term, found);
  return found;
}
