// The rows of /targets, its downloads, /api/targets and `npm run targets`: the targets query
// (indicator, document, year, level; sort) narrowed to the documents whose identity passes the
// region, issuer, type, status and year-of-issue filters.
import type { Target } from '../../enrich/targets/index.js';
import type { Library } from '../../library/library.js';
import { passingDocIds } from '../documents.js';
import type { IdentityFilters } from '../types.js';
import { filterTargets, sortTargets, type TargetQuery } from './query.js';

export interface TargetSelectionRequest {
  query: TargetQuery;
  identity: Required<IdentityFilters>;
}

export interface TargetSelection extends TargetSelectionRequest {
  targets: Target[];
}

export function selectTargets(library: Library, request: TargetSelectionRequest): TargetSelection {
  const { query, identity } = request;
  const allowed = passingDocIds(library, { levels: [], ...identity });
  const targets = filterTargets(library, query.filters).filter((t) => !allowed || allowed.has(t.doc));
  return { query, identity, targets: sortTargets(library, targets, query) };
}
