// The cost budget of one query: terms after expansion, candidate clauses touched and matches
// ranked, counted while the engine works and checked as they grow, so an expensive query is
// refused with a code as soon as it is over (QUERY_TOO_COSTLY) instead of running to the end.
// The figures live in config.ts (QUERY_BUDGET); README, Hardening, states them.
import { QUERY_BUDGET } from '../config.js';
import { AppError, quoteValue } from '../errors.js';
import { termCount, type ParsedQuery } from './query.js';

export type QueryBudget = { readonly [K in keyof typeof QUERY_BUDGET]: number };

export interface QueryCost {
  readonly budget: QueryBudget;
  /** Clause numbers read from postings or clauses checked literally so far. */
  candidates: number;
  /** Matches scored so far. */
  matches: number;
  touch(clauses: number): void;
  rank(matches: number): void;
}

/** The budget of a library of `clauses` clauses: the fixed limits, or the per-clause ones where larger. */
export function budgetFor(clauses: number, budget: QueryBudget = QUERY_BUDGET): QueryBudget {
  return {
    ...budget,
    maxCandidates: Math.max(budget.maxCandidates, budget.candidatesPerClause * clauses),
    maxMatches: Math.max(budget.maxMatches, budget.matchesPerClause * clauses),
  };
}

/** A query over the term limit (one built in code, or expanded past it) is refused before any work. */
export function checkTerms(query: ParsedQuery, budget: QueryBudget = QUERY_BUDGET): void {
  const count = termCount(query);
  if (count > budget.maxTerms) throw new AppError('QUERY_TOO_MANY_TERMS', `${count} 个（最多 ${budget.maxTerms} 个）`);
}

/** A meter for one request: checks the term limit now, and the other limits as work is counted. */
export function queryCost(query: ParsedQuery, budget: QueryBudget = QUERY_BUDGET): QueryCost {
  checkTerms(query, budget);
  const over = (what: string) => new AppError('QUERY_TOO_COSTLY', `“${quoteValue(query.raw, 40)}”${what}（请减少 OR 项或改用更具体的词）`);
  return {
    budget,
    candidates: 0,
    matches: 0,
    touch(clauses) {
      this.candidates += clauses;
      if (this.candidates > budget.maxCandidates) throw over(`需查看的候选条款超过 ${budget.maxCandidates} 个`);
    },
    rank(matches) {
      this.matches += matches;
      if (this.matches > budget.maxMatches) throw over(`需排序的匹配超过 ${budget.maxMatches} 处`);
    },
  };
}
