// The query budget (issue 16): terms after theme expansion stay within the parser's limit, the
// least related expansions left out and named; candidate clauses touched and matches ranked are
// counted, and a query over either is a 400 QUERY_TOO_COSTLY, in the engine, the API and the page.
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { QUERY_BUDGET, SEARCH_DEFAULTS } from '../../src/config.js';
import { AppError } from '../../src/errors.js';
import { budgetFor, checkTerms, queryCost, type QueryBudget } from '../../src/search/budget.js';
import { createSearcher } from '../../src/search/engine.js';
import { expandQuery } from '../../src/search/expand.js';
import { parseQuery, termCount, type ParsedQuery } from '../../src/search/query.js';
import { createApp } from '../../src/web/app.js';
import { realApp, realIndex, realLibrary, realTaxonomy } from '../helpers.js';

const library = realLibrary();
const index = realIndex();
const taxonomy = realTaxonomy();

/** The AppError code a call throws, or null. */
function codeOf(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
}

const searcherWith = (budget: Partial<QueryBudget>) => createSearcher(library, index, { budget: { ...QUERY_BUDGET, ...budget } });
const search = (budget: Partial<QueryBudget>, q: string | ParsedQuery) => searcherWith(budget).search({ query: typeof q === 'string' ? parseQuery(q) : q, limit: 20, offset: 0 });

/** One typed term per theme, each the first include term that names a theme with others to add. */
const themeNames = taxonomy.themes.map((t) => t.includeTerms[0] as string).filter((t, i, all) => all.indexOf(t) === i);
const TWENTY_THEMES = themeNames.slice(0, SEARCH_DEFAULTS.maxTerms).join(' ');

describe('expand=1 turned 20 typed terms into 340: expansion stays within the term limit', () => {
  it('20 typed terms naming themes are not expanded at all, and every expansion says what it left out', () => {
    const typed = parseQuery(TWENTY_THEMES);
    expect(termCount(typed)).toBe(SEARCH_DEFAULTS.maxTerms);
    // Without the limit, the attack's size: hundreds of terms.
    expect(termCount(expandQuery(typed, taxonomy, Number.POSITIVE_INFINITY).query)).toBeGreaterThan(200);
    const { query, expansions } = expandQuery(typed, taxonomy);
    expect(termCount(query)).toBe(SEARCH_DEFAULTS.maxTerms);
    expect(query.groups).toEqual(typed.groups);
    expect(expansions.length).toBeGreaterThan(10);
    for (const x of expansions) {
      expect(x.added).toEqual([]);
      expect(x.dropped.length).toBeGreaterThan(0);
    }
  });

  it("the room left is shared round robin: each expansion keeps its theme's first terms, the later ones go", () => {
    const typed = parseQuery('氢能 | 光伏发电');
    const unlimited = expandQuery(typed, taxonomy, Number.POSITIVE_INFINITY).expansions;
    expect(unlimited.map((x) => x.theme)).toEqual(['hydrogen', 'wind-solar']);
    const { query, expansions } = expandQuery(typed, taxonomy, 5);
    expect(termCount(query)).toBe(5);
    const [hydrogen, wind] = unlimited as [(typeof unlimited)[number], (typeof unlimited)[number]];
    expect(expansions).toEqual([
      { term: '氢能', theme: 'hydrogen', added: hydrogen.added.slice(0, 2), dropped: hydrogen.added.slice(2) },
      { term: '光伏发电', theme: 'wind-solar', added: wind.added.slice(0, 1), dropped: wind.added.slice(1) },
    ]);
    expect(query.groups[0]?.map((t) => t.text)).toEqual(['氢能', '光伏发电', ...hydrogen.added.slice(0, 2), ...wind.added.slice(0, 1)]);
  });

  it('a query with room for everything expands as before, dropping nothing', () => {
    const { query, expansions } = expandQuery(parseQuery('氢能'), taxonomy);
    expect(expansions).toHaveLength(1);
    expect(expansions[0]?.added).toContain('加氢站');
    expect(expansions[0]?.dropped).toEqual([]);
    expect(termCount(query)).toBe(1 + (expansions[0]?.added.length ?? 0));
  });

  it('/api/search?expand=1 with 20 typed terms answers within the limit and lists what it left out', async () => {
    const res = await request(realApp()).get('/api/search').query({ q: TWENTY_THEMES, expand: '1' }).expect(200);
    expect(res.body.terms.length + res.body.excluded.length).toBeLessThanOrEqual(SEARCH_DEFAULTS.maxTerms);
    expect(res.body.expansions.length).toBeGreaterThan(0);
    expect(res.body.expansions.every((x: { added: string[]; dropped: string[] }) => x.added.length === 0 && x.dropped.length > 0)).toBe(true);
    const page = await request(realApp()).get('/search').query({ q: TWENTY_THEMES, expand: '1' }).expect(200);
    expect(page.text).toContain('检索词已达上限，未加入');
  });
});

describe('the engine meters every query against the budget', () => {
  it('a query over the term limit built in code (not by the parser) is QUERY_TOO_MANY_TERMS before any work', () => {
    const typed = parseQuery('碳');
    const wide: ParsedQuery = { ...typed, groups: [Array.from({ length: SEARCH_DEFAULTS.maxTerms + 1 }, (_, i) => ({ text: `词${i}`, source: `词${i}`, phrase: false }))] };
    expect(codeOf(() => checkTerms(wide))).toBe('QUERY_TOO_MANY_TERMS');
    expect(codeOf(() => search({}, wide))).toBe('QUERY_TOO_MANY_TERMS');
    expect(codeOf(() => searcherWith({}).matching(wide))).toBe('QUERY_TOO_MANY_TERMS');
  });

  it('counts candidate clauses touched: every postings list read, plus the clauses checked literally', () => {
    // 的 is its own index token: its postings are the answer. 加氢站 reads the postings of 加氢 and
    // 氢站, then checks the shorter list literally.
    const containing = (token: string) => index.entries.filter((e) => e.text.includes(token)).length;
    const pairs = [containing('加氢'), containing('氢站')];
    const cases: [string, number][] = [
      ['的', containing('的')],
      ['加氢站', (pairs[0] as number) + (pairs[1] as number) + Math.min(...pairs)],
    ];
    for (const [q, touched] of cases) {
      expect(
        codeOf(() => search({ maxCandidates: touched }, q)),
        q,
      ).toBe(null);
      expect(
        codeOf(() => search({ maxCandidates: touched - 1 }, q)),
        q,
      ).toBe('QUERY_TOO_COSTLY');
    }
    const cost = queryCost(parseQuery('的'), { ...QUERY_BUDGET, maxCandidates: 5 });
    cost.touch(5);
    expect(cost.candidates).toBe(5);
    expect(codeOf(() => cost.touch(1))).toBe('QUERY_TOO_COSTLY');
  });

  it('over the candidate budget: QUERY_TOO_COSTLY naming the query; a rare term under the same budget answers', () => {
    const broad = '的|年|和|在|发|展|能|源|碳|排|放|建|设|推|进|绿|色|低|业|工';
    let error: AppError | null = null;
    try {
      search({ maxCandidates: 1000 }, broad);
    } catch (err) {
      error = err as AppError;
    }
    expect(error?.code).toBe('QUERY_TOO_COSTLY');
    expect(error?.status).toBe(400);
    expect(error?.message).toContain('的|年|和');
    expect(error?.message).toContain('1000');
    expect(search({ maxCandidates: 1000 }, '加氢站').total).toBeGreaterThan(0);
    expect(codeOf(() => searcherWith({ maxCandidates: 1000 }).matching(parseQuery(broad)))).toBe('QUERY_TOO_COSTLY');
  });

  it('over the match budget: QUERY_TOO_COSTLY while ranking; every match counted once', () => {
    const matches = index.entries.reduce((n, e) => n + e.text.split('碳').length - 1, 0);
    expect(search({ maxMatches: matches }, '碳').total).toBeGreaterThan(0);
    expect(codeOf(() => search({ maxMatches: matches - 1 }, '碳'))).toBe('QUERY_TOO_COSTLY');
  });

  it('the default budget leaves every real query of the bundled corpus far inside it', () => {
    const broad = parseQuery('的|年|和|在|发|展|能|源|碳|排|放|建|设|推|进|绿|色|低|业|工');
    expect(search({}, broad).total).toBeGreaterThan(0);
    expect(codeOf(() => searcherWith({}).search({ query: broad, limit: index.entries.length, offset: 0 }))).toBe(null);
  });
});

describe('at ×800 the fixed budget refused 绿色低碳 and 碳: the limits grow with the library', () => {
  it('a small library keeps the fixed limits; a large one gets the per-clause figures, never less', () => {
    expect(budgetFor(572)).toEqual(QUERY_BUDGET);
    const national = budgetFor(458_000);
    expect(national.maxCandidates).toBe(QUERY_BUDGET.candidatesPerClause * 458_000);
    expect(national.maxMatches).toBe(QUERY_BUDGET.matchesPerClause * 458_000);
    for (const clauses of [0, 1000, 57_200, 62_500, 100_000, 1_000_000]) {
      const b = budgetFor(clauses);
      expect(b.maxCandidates).toBeGreaterThanOrEqual(QUERY_BUDGET.maxCandidates);
      expect(b.maxMatches).toBeGreaterThanOrEqual(QUERY_BUDGET.maxMatches);
      expect(b.maxCandidates).toBeGreaterThanOrEqual(QUERY_BUDGET.candidatesPerClause * clauses);
      expect(b.maxTerms).toBe(QUERY_BUDGET.maxTerms);
    }
  });

  it('the searcher meters against the budget of its own library size unless given one', () => {
    const tiny = { ...QUERY_BUDGET, maxCandidates: 1, candidatesPerClause: 0 };
    expect(codeOf(() => createSearcher(library, index, { budget: tiny }).search({ query: parseQuery('碳'), limit: 20, offset: 0 }))).toBe('QUERY_TOO_COSTLY');
    // Scaled from a budget whose fixed limit is tiny, the per-clause figure lets 碳 through.
    const scaled = budgetFor(index.entries.length, { ...tiny, candidatesPerClause: 100 });
    expect(codeOf(() => createSearcher(library, index, { budget: scaled }).search({ query: parseQuery('碳'), limit: 20, offset: 0 }))).toBe(null);
  });
});

describe('over the budget, routes answer 400 with the code and a Chinese message', () => {
  const app = createApp({ library, searcher: searcherWith({ maxCandidates: 50 }), today: () => '2026-11-21' });

  it('/api/search: JSON error QUERY_TOO_COSTLY', async () => {
    const res = await request(app).get('/api/search').query({ q: '的|年|和' }).expect(400);
    expect(res.body.error.code).toBe('QUERY_TOO_COSTLY');
    expect(res.body.error.message).toMatch(/^检索代价超出上限：“的\|年\|和”/u);
  });

  it('/search: the message above the form, status 400', async () => {
    const res = await request(app).get('/search').query({ q: '的|年|和' }).expect(400);
    expect(res.text).toContain('检索代价超出上限');
  });
});
