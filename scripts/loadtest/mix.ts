// The load test's request mix: the ids of the running server's real corpus (fetched from its
// JSON API before the run, so nothing is hard-coded) turned into one deterministic list of paths
// in which every route kind takes an equal, evenly interleaved share.
import { QUERY_MIX } from '../bench/queries.js';

export const ROUTE_KINDS = ['search', 'document', 'theme', 'clause', 'compare', 'targets'] as const;
export type RouteKind = (typeof ROUTE_KINDS)[number];

/** The route patterns of each kind, HTML page first, in the order they alternate in the mix. */
export const ROUTES: Record<RouteKind, readonly string[]> = {
  search: ['/search', '/api/search'],
  document: ['/docs/:id', '/api/docs/:id'],
  theme: ['/themes/:id', '/api/themes/:id'],
  clause: ['/c/:id', '/api/clauses/:id'],
  compare: ['/compare?theme=:id'],
  targets: ['/targets', '/targets/:indicator'],
};

export interface CorpusIds {
  docs: string[];
  clauses: string[];
  themes: string[];
  indicators: string[];
}

export interface MixEntry {
  kind: RouteKind;
  /** The route pattern, one of ROUTES[kind]. */
  route: string;
  path: string;
}

/** At most `max` items, evenly spaced over the list and always including the first. */
export function evenly<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items];
  return Array.from({ length: max }, (_, j) => items[Math.floor((j * items.length) / max)] as T);
}

const enc = encodeURIComponent;

/** Every path of one kind, its routes alternating per item (an item's page, then its API). */
function pathsOf(kind: RouteKind, ids: CorpusIds, queries: readonly string[], maxItems: number): MixEntry[] {
  const [page, api] = ROUTES[kind] as [string, string | undefined];
  const pair = (items: readonly string[], toPage: (id: string) => string, toApi: ((id: string) => string) | null): MixEntry[] =>
    evenly(items, maxItems).flatMap((id) => [{ kind, route: page, path: toPage(id) }, ...(toApi && api ? [{ kind, route: api, path: toApi(id) }] : [])]);
  switch (kind) {
    case 'search':
      return pair(
        queries,
        (q) => `/search?q=${enc(q)}`,
        (q) => `/api/search?q=${enc(q)}`,
      );
    case 'document':
      return pair(
        ids.docs,
        (id) => `/docs/${enc(id)}`,
        (id) => `/api/docs/${enc(id)}`,
      );
    case 'theme':
      return pair(
        ids.themes,
        (id) => `/themes/${enc(id)}`,
        (id) => `/api/themes/${enc(id)}`,
      );
    case 'clause':
      return pair(
        ids.clauses,
        (id) => `/c/${enc(id)}`,
        (id) => `/api/clauses/${enc(id)}`,
      );
    case 'compare':
      return pair(ids.themes, (id) => `/compare?theme=${enc(id)}`, null);
    case 'targets':
      // The whole table, then one indicator's chart page, in turn.
      return pair(
        ids.indicators,
        () => '/targets',
        (id) => `/targets/${enc(id)}`,
      );
  }
}

/**
 * The request list autocannon cycles through. Round-robin over the kinds, so any run of
 * ROUTE_KINDS.length consecutive requests has one of each kind; within a kind, its paths in
 * order, the shorter kinds wrapping around until the longest kind has been listed once. A kind
 * with more than `maxItems` ids (large synthetic corpora) takes `maxItems` evenly spaced ones.
 */
export function buildMix(ids: CorpusIds, options: { queries?: readonly string[]; maxItems?: number } = {}): MixEntry[] {
  const queries = options.queries ?? QUERY_MIX.map(({ q }) => q);
  const maxItems = options.maxItems ?? 1000;
  const byKind = ROUTE_KINDS.map((kind) => pathsOf(kind, ids, queries, maxItems));
  for (const [i, list] of byKind.entries()) if (list.length === 0) throw new Error(`负载测试的请求组合缺少 ${ROUTE_KINDS[i]} 类路由（语料中没有对应的 id）`);
  const rounds = Math.max(...byKind.map((l) => l.length));
  const mix: MixEntry[] = [];
  for (let r = 0; r < rounds; r++) for (const list of byKind) mix.push(list[r % list.length] as MixEntry);
  return mix;
}

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url} → ${res.status}`);
  return (await res.json()) as T;
}

/** The corpus the server actually serves: documents, every clause, themes and indicators. */
export async function fetchCorpusIds(baseUrl: string): Promise<CorpusIds> {
  const { docs } = await getJson<{ docs: { id: string }[] }>(`${baseUrl}/api/docs`);
  const clauses: string[] = [];
  for (const d of docs) {
    const detail = await getJson<{ clauses: { id: string }[] }>(`${baseUrl}/api/docs/${enc(d.id)}`);
    for (const c of detail.clauses) clauses.push(c.id);
  }
  const { themes } = await getJson<{ themes: { id: string }[] }>(`${baseUrl}/api/themes`);
  const { indicators } = await getJson<{ indicators: { id: string }[] }>(`${baseUrl}/api/indicators`);
  return { docs: docs.map((d) => d.id), clauses, themes: themes.map((t) => t.id), indicators: indicators.map((i) => i.id) };
}
