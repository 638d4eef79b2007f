import { loadCorpus } from './src/ingest/corpus.js';
import { buildLibrary } from './src/index/library.js';
import { readData, readManifest } from './src/index/store.js';
import { restoreIndex, indexedClauses } from './src/index/search-index.js';
import { createSearcher } from './src/search/engine.js';
import { parseQuery } from './src/search/query.js';
import { normalizeText } from './src/analyse/analyzer.js';
import { DEFAULTS } from './src/config.js';
export const library = buildLibrary(loadCorpus({ corpusDir: DEFAULTS.corpusDir }));
export const index = restoreIndex(library, readData('/tmp/review-index', readManifest('/tmp/review-index')!));
export const searcher = createSearcher(library, index);
export const clauses = indexedClauses(library);
export const norms = index.entries.map((e) => e.norm.text);
export function hits(q: string, filters?: any) {
  const query = parseQuery(q);
  const out = searcher.search({ query, filters, limit: 100000, offset: 0 });
  return { query, out, ids: new Set(out.hits.map((h) => h.entry.clause.id)) };
}
export function brute(term: string) {
  const t = normalizeText(term);
  return new Set(clauses.filter((c, n) => norms[n]!.includes(t)).map((c) => c.id));
}
