// Fuzzing search end to end, on the real corpus and on a made-up hostile document (markup,
// template syntax, astral characters, NFKC oddities, bidi controls): for any query that parses,
// search never throws, its hits are exactly the clauses that a literal scan finds, pages honour
// limit and offset, counts agree, and the snippets the web shows (search-view → toHit) are
// escaped HTML whose only markup is <mark>.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/analyse/analyzer.js';
import { AppError } from '../../src/errors.js';
import { buildLibrary, type Library } from '../../src/library/library.js';
import type { IndexedClause } from '../../src/index/search-index.js';
import { ingestBytes } from '../../src/ingest/corpus.js';
import { type Searcher } from '../../src/search/engine.js';
import { DIMENSIONS, type Filters } from '../../src/search/types.js';
import { expandQuery } from '../../src/search/expand.js';
import { parseQuery, type ParsedQuery } from '../../src/search/query.js';
import { presentSearch, searchJson } from '../../src/present/search-results.js';
import { expectEscapedHtml } from './checks.js';
import { anyQueryInput, CONTROLS, corpusDisplaySubstring, hittingQuery, LONE_SURROGATES, NFKC, PAYLOADS, PERCENT, REGEX_META } from './arbitraries.js';
import { realIndex, realLibrary, realSearcher, searcherFor } from '../helpers.js';

/** FUZZ_SCALE=N runs N times as many cases (for a long hunt); the default keeps the suite quick. */
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const TIMEOUT = 20_000 * SCALE;

/** The parsed query, or null for input the parser refuses with a 4xx AppError. */
function parsed(input: string): ParsedQuery | null {
  try {
    return parseQuery(input);
  } catch (err) {
    if (err instanceof AppError && err.status >= 400 && err.status < 500) return null;
    throw err;
  }
}

const satisfies = (text: string, query: ParsedQuery) => query.groups.every((g) => g.some((t) => text.includes(t.text))) && !query.exclude.some((t) => text.includes(t.text));

interface Check {
  library: Library;
  searcher: Searcher;
  entries: IndexedClause[];
}

/**
 * Everything a search must get right for one query and page: literal hit set, total, unique
 * hits, the page as a slice of the full ranking, matches, term counts, suggestions, and the
 * presented hits' snippets.
 */
function checkSearch(ctx: Check, query: ParsedQuery, page: { limit: number; offset: number; filters?: Filters }): void {
  const { searcher, entries, library } = ctx;
  const label = JSON.stringify(query.raw);
  const outcome = searcher.search({ query, limit: page.limit, offset: page.offset, filters: page.filters });
  const passes = (e: IndexedClause) => (!page.filters?.docs.length || page.filters.docs.includes(e.clause.docId)) && (!page.filters?.levels.length || page.filters.levels.includes(library.getDocument(e.clause.docId)?.level ?? 'none'));
  const expected = entries.filter((e) => passes(e) && satisfies(e.text, query));
  expect(outcome.total, label).toBe(expected.length);
  expect(outcome.hits.length, label).toBe(Math.max(0, Math.min(page.limit, outcome.total - page.offset)));
  const ids = outcome.hits.map((h) => h.entry.clause.id);
  expect(new Set(ids).size, label).toBe(ids.length);
  const expectedIds = new Set(expected.map((e) => e.clause.id));
  for (const id of ids) expect(expectedIds.has(id), `${label}: ${id}`).toBe(true);

  // The page is the slice of the first offset + limit of the full ranking.
  if (page.offset > 0 && outcome.hits.length > 0) {
    const first = searcher.search({ query, limit: page.offset + page.limit, offset: 0, filters: page.filters });
    expect(
      first.hits.slice(page.offset).map((h) => h.entry.clause.id),
      label,
    ).toEqual(ids);
  }

  const terms = query.groups.flat();
  for (const hit of outcome.hits) {
    for (const m of hit.matches) {
      expect(m.from, label).toBeGreaterThanOrEqual(0);
      expect(m.to, label).toBeLessThanOrEqual(hit.entry.text.length);
      expect(hit.entry.text.slice(m.from, m.to), label).toBe(terms[m.term]?.text);
    }
    expect(hit.matches.length, `${label}: ${hit.entry.clause.id} has a match`).toBeGreaterThan(0);
  }

  for (const { term, count } of outcome.termCounts) expect(count, `${label}: ${term.text}`).toBe(entries.filter((e) => passes(e) && e.text.includes(term.text)).length);
  if (!page.filters) {
    const docSum = outcome.facets.doc.reduce((n, f) => n + f.count, 0);
    expect(docSum, label).toBe(outcome.total);
  }
  for (const dim of DIMENSIONS) for (const f of outcome.facets[dim]) expect(f.count, label).toBeGreaterThan(0);
  for (const w of outcome.withoutGroup) {
    const rest: ParsedQuery = { ...query, groups: query.groups.filter((_, i) => i !== w.group) };
    expect(w.count, label).toBe(entries.filter((e) => passes(e) && satisfies(e.text, rest)).length);
  }
  for (const w of outcome.withoutExclusion) {
    const rest: ParsedQuery = { ...query, exclude: query.exclude.filter((_, i) => i !== w.exclusion) };
    expect(w.count, label).toBe(entries.filter((e) => passes(e) && satisfies(e.text, rest)).length);
  }
  if (outcome.split) {
    const splitQuery = parseQuery(outcome.split.query);
    expect(outcome.split.count, label).toBe(entries.filter((e) => passes(e) && satisfies(e.text, splitQuery)).length);
  }

  // What the web shows: the API's snippet HTML and the page's segments.
  // (The first 25 hits: presenting a 1000-hit page costs time and finds nothing new.)
  const shown = { ...outcome, hits: outcome.hits.slice(0, 25) };
  const view = presentSearch({ library, params: { query, expansions: [], filters: page.filters ?? { docs: [], levels: [] }, limit: page.limit, offset: page.offset }, outcome: shown });
  expect(view.hits.map((h) => h.id)).toEqual(ids.slice(0, 25));
  for (const hit of view.hits) {
    const plain = hit.snippetParts.map((p) => p.text).join('');
    expectEscapedHtml(hit.snippet, plain, `${label}: ${hit.id}`);
    expect(
      hit.snippetParts.some((p) => p.mark),
      `${label}: ${hit.id} marks something`,
    ).toBe(true);
  }
  const json = JSON.stringify(searchJson(view));
  expect(JSON.parse(json).total).toBe(outcome.total);
}

/** limit 1–50 (sometimes up to 1000), offset 0–30 (sometimes far past the end). */
const pageArb = fc.record({
  limit: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 50 }) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 1000 }) }),
  offset: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 30 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 100_000 }) }),
});

describe('search on the real corpus', { timeout: TIMEOUT }, () => {
  const library = realLibrary();
  const ctx: Check = { library, searcher: realSearcher(), entries: realIndex().entries };
  const docIds = library.documents.map((d) => d.id);

  it('any input that parses: hits equal a literal scan, pages and counts agree, snippets are escaped', () => {
    let hitting = 0;
    fc.assert(
      fc.property(anyQueryInput(), pageArb, (input, page) => {
        const query = parsed(input);
        if (!query) return;
        checkSearch(ctx, query, page);
        if (ctx.searcher.search({ query, limit: 1, offset: 0 }).total > 0) hitting++;
      }),
      { numRuns: 250 * SCALE },
    );
    // The real substrings make a good share of the queries find something.
    expect(hitting).toBeGreaterThan(20 * SCALE);
  });

  it('queries of real substrings and syntax, with document and level filters and theme expansion', () => {
    fc.assert(
      fc.property(hittingQuery(), pageArb, fc.subarray(docIds, { maxLength: 2 }), fc.subarray(['province', 'city', 'county', 'none'], { maxLength: 2 }), fc.boolean(), (input, page, docs, levels, expand) => {
        const query = parsed(input);
        if (!query) return;
        const q = expand ? expandQuery(query, library.enrichment.taxonomy).query : query;
        checkSearch(ctx, q, { ...page, filters: { docs, levels } });
      }),
      { numRuns: 200 * SCALE },
    );
  });

  it('per-clause lookups (matchesIn, entry, related) take any id without throwing', () => {
    const query = parseQuery('碳');
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom(...PAYLOADS, ...LONE_SURROGATES), corpusDisplaySubstring()), (id) => {
        expect(ctx.searcher.matchesIn(id, query)).toEqual([]);
        expect(ctx.searcher.entry(id)).toBeUndefined();
        expect(ctx.searcher.related(id)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

// A document whose text is hostile: markup and template payloads, astral characters, NFKC
// oddities and invisible controls, in clauses long enough to be cut into snippet fragments.
const ODD = [...PAYLOADS, ...NFKC, ...REGEX_META, ...PERCENT, '\u202e', '\u200b', '\u00ad', '\ufeff', '\u2066', '&', '"', "'", '<', '>', '𠀀𠀁', '😀😁', '碳达峰', '加氢站', '到 2025 年', '４５ ％'];
const FILLER = '坚持稳中求进，推动能源结构调整，加快建设新型电力系统，积极发展光伏和风电';

function hostileDocument(): string {
  const rng = fc.sample(fc.array(fc.constantFrom(...ODD), { minLength: 3, maxLength: 14 }), { seed: 7, numRuns: 40 });
  const lines = ['恶意<b>方案</b>', ''];
  rng.forEach((pieces, i) => {
    const body = pieces.map((p, k) => (k % 3 === 0 ? `${p}${FILLER.slice(0, 10 + ((i * 7 + k) % 30))}。` : p)).join('');
    if (i % 10 === 0) lines.push(`${'一二三四'[i / 10]}、总则${pieces[0] ?? ''}`, '');
    lines.push(`（${'一二三四五六七八九十'[i % 10]}）${i % 4 === 0 ? FILLER.repeat(4) : ''}${body}`, '');
  });
  return lines.join('\n');
}

describe('search on a hostile document', { timeout: TIMEOUT }, () => {
  const doc = ingestBytes({ name: 'hostile.txt', bytes: Buffer.from(hostileDocument()) });
  const library = buildLibrary({ documents: [doc], errors: [], warnings: [] });
  const searcher = searcherFor(library);
  // searcherFor builds the index in memory; its entries are what search verifies against.
  const entries = library.documents.flatMap((d) => library.clausesOf(d.id)).map((c) => searcher.entry(c.id) as IndexedClause);
  const ctx: Check = { library, searcher, entries };

  it('has clauses holding the payloads, some longer than a whole snippet', () => {
    expect(entries.length).toBeGreaterThan(30);
    expect(entries.some((e) => e.clause.text.includes('<script>'))).toBe(true);
    expect(entries.some((e) => e.clause.text.includes('𠀀'))).toBe(true);
    expect(entries.some((e) => e.clause.text.length > 300)).toBe(true);
  });

  const substring = fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.nat(), fc.integer({ min: 1, max: 8 }), fc.boolean()).map(([n, start, len, display]) => {
    const e = entries[n % entries.length] as IndexedClause;
    const text = display ? e.clause.text : e.text;
    const from = start % Math.max(1, text.length);
    return text.slice(from, from + len);
  });
  const term = fc.oneof(
    { weight: 5, arbitrary: substring },
    { weight: 2, arbitrary: substring.map((s) => `"${s.replace(/"/gu, '')}"`) },
    { weight: 1, arbitrary: substring.map((s) => `-${s}`) },
    { weight: 2, arbitrary: fc.constantFrom(...ODD, ...LONE_SURROGATES, ...CONTROLS) },
  );
  const query = fc.array(fc.tuple(fc.constantFrom(' ', ' | ', ' '), term), { minLength: 1, maxLength: 4 }).map((parts) => parts.map(([sep, t], i) => (i === 0 ? t : sep + t)).join(''));

  it('hits equal a literal scan, pages and counts agree, snippets of markup are escaped', () => {
    let hitting = 0;
    fc.assert(
      fc.property(query, pageArb, (input, page) => {
        const q = parsed(input);
        if (!q) return;
        checkSearch(ctx, q, page);
        if (searcher.search({ query: q, limit: 1, offset: 0 }).total > 0) hitting++;
      }),
      { numRuns: 300 * SCALE },
    );
    expect(hitting).toBeGreaterThan(60 * SCALE);
  });

  it('terms of payloads find the clauses that hold them, and mark them escaped', () => {
    for (const payload of ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '<%= x %>', '${x}', '{{x}}', '&']) {
      const q = parseQuery(`"${payload.replace(/"/gu, ' ')}"`);
      const holding = entries.filter((e) => e.text.includes(q.groups[0]?.[0]?.text ?? '\u0000'));
      expect(holding.length, payload).toBeGreaterThan(0);
      checkSearch(ctx, q, { limit: 50, offset: 0 });
    }
    expect(normalizeText('<script>')).toBe('<script>');
  });
});
