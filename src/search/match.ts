// A parsed query as set operations: each group's terms ORed, the groups ANDed (smallest first),
// the exclusions removed. `skip` leaves one group or exclusion out, for the zero-result hints.
import type { SearchIndex } from '../index/search-index.js';
import type { ParsedQuery } from './query.js';
import type { SetOps } from './set-ops.js';
import { containing, type Lookup } from './term-lookup.js';

export interface MatchOptions {
  index: SearchIndex;
  sets: SetOps;
  lookup: Lookup;
  skip?: { group?: number; exclusion?: number };
}

/** Ascending clause numbers matching every group and no exclusion. */
export function matchAll(query: ParsedQuery, options: MatchOptions): Int32Array {
  const { index, sets, lookup, skip = {} } = options;
  const groups = query.groups
    .filter((_, i) => i !== skip.group)
    .map((g) => sets.union(g.map((t) => containing(index, t.text, lookup))))
    .sort((a, b) => a.length - b.length);
  if (groups.length === 0) return new Int32Array(0);
  let kept = groups[0] as Int32Array;
  for (const other of groups.slice(1)) kept = sets.keep(kept, other, true);
  query.exclude.forEach((t, i) => {
    if (i !== skip.exclusion) kept = sets.keep(kept, containing(index, t.text, lookup), false);
  });
  return kept;
}
