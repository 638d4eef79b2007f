// Checked targets requests: ?indicator=&doc=&year=&level=&obligation=&sort=&order= and the identity
// filters, read once for /targets, its downloads, /api/targets and npm run targets; a bad value
// is a 400 naming it. search/targets receives the typed query.
import { AppError, quoteValue } from '../errors.js';
import type { Level } from '../ingest/types.js';
import type { Library } from '../library/library.js';
import type { TargetSelectionRequest, TargetQuery, TargetSort } from '../search/targets/index.js';
import { readParams, type ParamsOf } from './params.js';
import { identityFiltersFrom } from './search.js';

const knownIndicators = new WeakMap<Library, Set<string>>();

/** Indicators a filter may name: the data file's and those of extracted targets; read once per library. */
function indicatorIds(library: Library): Set<string> {
  let ids = knownIndicators.get(library);
  if (!ids) {
    ids = new Set([...library.enrichment.indicators.byId.keys(), ...library.enrichment.targets.map((t) => t.indicator)]);
    knownIndicators.set(library, ids);
  }
  return ids;
}

/** `strict` refuses unknown parameters (the API, downloads and CLI; pages ignore them). */
export function targetQuery(raw: Record<string, unknown>, library: Library, options: { strict?: boolean } = {}): TargetQuery {
  return targetQueryFrom(readParams('targets', raw, options), library);
}

/** The same, from parameters already read by readParams: the checks that need the corpus. */
export function targetQueryFrom(p: ParamsOf<'targets'>, library: Library): TargetQuery {
  const known = indicatorIds(library);
  const indicators = p.indicator ?? [];
  for (const id of indicators) if (!known.has(id)) throw new AppError('FILTER_UNKNOWN', `indicator=${quoteValue(id)}`);
  const docs = p.doc ?? [];
  for (const id of docs) if (!library.getDocument(id)) throw new AppError('FILTER_UNKNOWN', `doc=${quoteValue(id)}`);
  const filters = { indicators, docs, years: (p.year ?? []).map(Number), levels: (p.level ?? []) as Level[], obligations: p.obligation ?? [] };
  return { filters, sort: (p.sort ?? 'indicator') as TargetSort, order: p.order === 'desc' ? 'desc' : 'asc' };
}

/** The rows asked for: the targets query and the documents' identity filters. */
export function targetSelectionFrom(p: ParamsOf<'targets'>, library: Library): TargetSelectionRequest {
  return { query: targetQueryFrom(p, library), identity: identityFiltersFrom(p, library) };
}
