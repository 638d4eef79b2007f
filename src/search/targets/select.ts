// The rows of /targets, its downloads, /api/targets and `npm run targets`: the targets query
// (indicator, document, year, level; sort) narrowed to the documents whose identity passes the
// region, issuer, type, status and year-of-issue filters.
import type { Target } from '../../enrich/targets/index.js';
import type { Library } from '../../library/library.js';
import { passingDocIds } from '../documents.js';
import { identityFiltersFrom, type IdentityFilters, type ParamsOf } from '../params.js';
import { filterTargets, sortTargets, targetQueryFrom, type TargetQuery } from './query.js';

export interface TargetSelection {
  query: TargetQuery;
  identity: Required<IdentityFilters>;
  targets: Target[];
}

export function selectTargets(library: Library, p: ParamsOf<'targets'>): TargetSelection {
  const query = targetQueryFrom(p, library);
  const identity = identityFiltersFrom(p, library);
  const allowed = passingDocIds(library, { levels: [], ...identity });
  const targets = filterTargets(library, query.filters).filter((t) => !allowed || allowed.has(t.doc));
  return { query, identity, targets: sortTargets(library, targets, query) };
}
