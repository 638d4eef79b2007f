// Parameter validation on every route: limits, enumerations, repeats and unknown names give a
// 400 with a code and a Chinese message that names the value; the edges of each range pass.
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { PARAM_DEFAULTS, SEARCH_DEFAULTS } from '../../src/config.js';
import { PARAMS, readParams } from '../../src/request/params.js';
import { CHENGDU, errorCode, realApp, realLibrary } from '../helpers.js';

const app = realApp();
const library = realLibrary();
const clauseId = library.clausesOf(CHENGDU)[5]?.id as string;
// Letters and digits: 词0 词1 would join across the export-spacing rule into one term.
const terms = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');

interface Case {
  url: string;
  query: Record<string, string | string[]>;
  code: string;
  /** Text the message must contain: the bad value or name. */
  names?: string;
}

const BAD: Case[] = [
  { url: '/api/search', query: { q: '碳'.repeat(201) }, code: 'QUERY_TOO_LONG', names: '201' },
  { url: '/api/search', query: { q: terms(21) }, code: 'QUERY_TOO_MANY_TERMS', names: '21' },
  { url: '/api/search', query: { q: '碳', limit: '0' }, code: 'PARAM_INVALID', names: 'limit=0' },
  { url: '/api/search', query: { q: '碳', limit: '1001' }, code: 'PARAM_INVALID', names: 'limit=1001' },
  { url: '/api/search', query: { q: '碳', limit: '1e3' }, code: 'PARAM_INVALID', names: 'limit=1e3' },
  { url: '/api/search', query: { q: '碳', limit: ' 5' }, code: 'PARAM_INVALID', names: 'limit' },
  { url: '/api/search', query: { q: '碳', limit: '9'.repeat(40) }, code: 'PARAM_INVALID', names: 'limit' },
  { url: '/api/search', query: { q: '碳', offset: '100001' }, code: 'PARAM_INVALID', names: 'offset=100001' },
  { url: '/api/search', query: { q: '碳', offset: '-1' }, code: 'PARAM_INVALID', names: 'offset=-1' },
  { url: '/api/search', query: { q: '碳', expand: 'yes' }, code: 'PARAM_INVALID', names: 'expand=yes' },
  { url: '/api/search', query: { q: '碳', level: 'town' }, code: 'FILTER_UNKNOWN', names: 'level=town' },
  { url: '/api/search', query: { q: '碳', level: 'city,town' }, code: 'FILTER_UNKNOWN', names: 'town' },
  { url: '/api/search', query: { q: '碳', doc: 'x'.repeat(201) }, code: 'PARAM_INVALID', names: 'doc' },
  { url: '/api/search', query: { q: '碳', doc: Array.from({ length: 51 }, (_, i) => `d${i}`) }, code: 'PARAM_INVALID', names: '50' },
  { url: '/api/search', query: { q: ['碳', '氢'] }, code: 'PARAM_INVALID', names: '只能出现一次' },
  { url: '/api/search', query: { q: '碳', limit: ['5', '6'] }, code: 'PARAM_INVALID', names: 'limit' },
  { url: '/api/search', query: { q: '碳', lmit: '5' }, code: 'PARAM_UNKNOWN', names: 'lmit' },
  { url: '/api/docs', query: { page: '2' }, code: 'PARAM_UNKNOWN', names: 'page（可用参数：level、region' },
  { url: '/api/policies', query: { page: '2' }, code: 'PARAM_UNKNOWN', names: '此地址不接受参数' },
  { url: `/api/docs/${CHENGDU}`, query: { x: '1' }, code: 'PARAM_UNKNOWN', names: 'x' },
  { url: `/api/clauses/${clauseId}`, query: { hl: '碳' }, code: 'PARAM_UNKNOWN', names: 'hl' },
  { url: '/api/themes', query: { limit: '5' }, code: 'PARAM_UNKNOWN', names: 'limit' },
  { url: '/api/themes/hydrogen', query: { doc: CHENGDU }, code: 'PARAM_UNKNOWN', names: 'doc' },
  { url: '/api/policies', query: { q: '碳' }, code: 'PARAM_UNKNOWN', names: 'q' },
  { url: '/api/indicators', query: { sort: 'x' }, code: 'PARAM_UNKNOWN', names: 'sort' },
  { url: '/api/targets', query: { sort: 'size' }, code: 'PARAM_INVALID', names: 'sort=size' },
  { url: '/api/targets', query: { order: 'up' }, code: 'PARAM_INVALID', names: 'order=up' },
  { url: '/api/targets', query: { sort: ['doc', 'year'] }, code: 'PARAM_INVALID', names: 'sort' },
  { url: '/api/targets', query: { year: '2025,20x5' }, code: 'PARAM_INVALID', names: 'year=20x5' },
  { url: '/api/targets', query: { year: '1800' }, code: 'PARAM_INVALID', names: 'year=1800' },
  { url: '/api/targets', query: { level: 'none' }, code: 'FILTER_UNKNOWN', names: 'level=none' },
  { url: '/api/targets', query: { indicatr: 'x' }, code: 'PARAM_UNKNOWN', names: 'indicatr' },
  { url: '/targets.csv', query: { indicatr: 'x' }, code: 'PARAM_UNKNOWN', names: 'indicatr' },
  { url: '/targets.json', query: { order: 'sideways' }, code: 'PARAM_INVALID', names: 'order=sideways' },
  { url: '/compare.csv', query: { theme: 'hydrogen', expand: '2' }, code: 'PARAM_INVALID', names: 'expand=2' },
  { url: '/compare.csv', query: { theme: 'hydrogen', them: 'x' }, code: 'PARAM_UNKNOWN', names: 'them' },
];

describe('the API and downloads refuse bad parameters with a 400, a code and a message naming the value', () => {
  for (const c of BAD) {
    it(`${c.url} ${JSON.stringify(c.query).slice(0, 60)} → ${c.code}`, async () => {
      const res = await request(app).get(c.url).query(c.query).expect(400);
      // The API and .json answer JSON; a .csv link is opened in a browser, so its error is a page.
      if (c.url.startsWith('/api/') || c.url.endsWith('.json')) {
        expect(res.type).toBe('application/json');
        expect(res.body.error.code).toBe(c.code);
        expect(res.body.error.message).toMatch(/\p{Script=Han}/u);
        if (c.names) expect(res.body.error.message).toContain(c.names);
      } else {
        expect(res.type).toBe('text/html');
        expect(res.text).toContain(c.code);
        if (c.names) expect(res.text).toContain(c.names);
      }
    });
  }
});

describe('the edges of every range are accepted', () => {
  const ok: [string, Record<string, string>][] = [
    ['/api/search', { q: '碳'.repeat(SEARCH_DEFAULTS.maxQueryChars) }],
    ['/api/search', { q: terms(SEARCH_DEFAULTS.maxTerms) }],
    ['/api/search', { q: '碳', limit: '1' }],
    ['/api/search', { q: '碳', limit: String(SEARCH_DEFAULTS.maxLimit) }],
    ['/api/search', { q: '碳', offset: '0' }],
    ['/api/search', { q: '碳', offset: String(SEARCH_DEFAULTS.maxOffset) }],
    ['/api/search', { q: '碳', level: 'none' }],
    ['/api/search', { q: '碳', expand: '0' }],
    ['/api/targets', { year: '2025', sort: 'value', order: 'desc', level: 'city' }],
    ['/search', { q: '碳', page: String(PARAM_DEFAULTS.maxPage) }],
  ];
  for (const [url, query] of ok) {
    it(`${url} ${JSON.stringify(query).slice(0, 50)}`, async () => {
      await request(app).get(url).query(query).expect(200);
    });
  }

  it('limit=1000 returns up to 1000 hits', async () => {
    const res = await request(app).get('/api/search').query({ q: '的', limit: '1000' }).expect(200);
    expect(res.body.hits.length).toBe(Math.min(1000, res.body.total));
  });
});

describe('pages: bad values are a Chinese 400 page, unknown parameters are ignored', () => {
  it('an unknown parameter on a page (a tracking tag on a shared link) still opens it', async () => {
    await request(app).get('/themes/hydrogen?utm_source=weixin').expect(200);
    await request(app).get(`/docs/${CHENGDU}?from=mail`).expect(200);
    const res = await request(app).get('/search').query({ q: '加氢站', fbclid: 'x' }).expect(200);
    expect(res.text).toContain('<mark');
  });

  it("regression: the compare page's CSV link carries only checked parameters (a tracking tag made the download a 400)", async () => {
    const page = await request(app)
      .get('/compare')
      .query({ theme: 'hydrogen', docs: [CHENGDU], utm_source: 'x' })
      .expect(200);
    const href = /href="(\/compare\.csv\?[^"]*)"/u.exec(page.text)?.[1]?.replaceAll('&amp;', '&') ?? '';
    expect(href).toBe(`/compare.csv?theme=hydrogen&docs=${CHENGDU}`);
    const csv = await request(app).get(href).expect(200);
    expect(csv.type).toBe('text/csv');
  });

  it('the header search box shows the checked query of the page, not any q the URL carries', async () => {
    const reader = await request(app).get(`/docs/${CHENGDU}`).query({ hl: '加氢站' }).expect(200);
    expect(reader.text).toContain('value="加氢站"');
    const themes = await request(app).get('/themes').query({ q: '<b>not this</b>' }).expect(200);
    expect(themes.text).toMatch(/name="q" value=""/u);
  });

  it('over-long hl on the reader is a 400 page naming QUERY_TOO_LONG', async () => {
    const res = await request(app)
      .get(`/docs/${CHENGDU}`)
      .query({ hl: '碳'.repeat(201) })
      .expect(400);
    expect(res.type).toBe('text/html');
    expect(res.text).toContain('QUERY_TOO_LONG');
    expect(res.text).toContain('检索式过长');
  });

  it('/search with page=0, a bad level or 21 terms shows the form and the error, as a 400', async () => {
    for (const [query, code] of [
      [{ q: '碳', page: '0' }, 'PARAM_INVALID'],
      [{ q: '碳', level: 'town' }, 'FILTER_UNKNOWN'],
      [{ q: terms(21) }, 'QUERY_TOO_MANY_TERMS'],
    ] as const) {
      const res = await request(app).get('/search').query(query).expect(400);
      expect(res.text, code).toContain(code);
      expect(res.text).toContain('name="q"');
    }
  });

  it('/targets and /compare pages answer a bad enumeration with a 400 page', async () => {
    const t = await request(app).get('/targets?sort=size').expect(400);
    expect(t.text).toContain('PARAM_INVALID');
    expect(t.text).toContain('sort=size');
    const c = await request(app).get('/compare?theme=hydrogen&expand=9').expect(400);
    expect(c.text).toContain('expand=9');
  });
});

describe('every route checks its parameters before it runs', () => {
  it('each GET route starts with checkParams (except /search, whose page shows its own errors, and the health checks, which take nothing and must stay cheap)', () => {
    // Routes live in one router per area (src/web/routes/), mounted on the app: walk them all.
    type Route = { path: string; stack: { name: string }[] };
    type Layer = { route?: Route; handle?: { stack?: Layer[] } };
    const routesOf = (stack: Layer[]): Route[] => stack.flatMap((layer) => (layer.route ? [layer.route] : layer.handle?.stack ? routesOf(layer.handle.stack) : []));
    const routes = routesOf((app as unknown as { router: { stack: Layer[] } }).router.stack);
    expect(routes.length).toBeGreaterThan(20);
    const unchecked = routes.filter((r) => !['/search', '/healthz', '/readyz'].includes(r.path) && r.stack[0]?.name !== 'checkParams').map((r) => r.path);
    expect(unchecked).toEqual([]);
  });

  it('readParams: strict refuses unknown names; lenient drops them; the CLI shape (lists) passes', () => {
    expect(errorCode(() => readParams('search', { q: '碳', foo: '1' }, { strict: true }))).toBe('PARAM_UNKNOWN');
    expect(readParams('search', { q: '碳', foo: '1' })).toEqual({ q: '碳' });
    expect(readParams('targets', { doc: ['a,b', ' b ', 'c'], year: '2025' }, { strict: true })).toEqual({ doc: ['a', 'b', 'c'], year: ['2025'] });
    expect(Object.keys(PARAMS).sort()).toEqual(['compare', 'docs', 'docsPage', 'none', 'policies', 'reader', 'references', 'search', 'searchPage', 'targets', 'targetsPage', 'theme', 'themes']);
  });

  it('a value given as an object or number (not from a URL) is PARAM_INVALID, not a crash', () => {
    expect(errorCode(() => readParams('search', { q: { a: 1 } }))).toBe('PARAM_INVALID');
    expect(errorCode(() => readParams('search', { limit: 5 }))).toBe('PARAM_INVALID');
    expect(errorCode(() => readParams('search', { doc: [1, 2] }))).toBe('PARAM_INVALID');
  });

  it('control characters in a bad value are not echoed raw in the message', () => {
    try {
      readParams('search', { limit: 'a\u0000b\u001b[31m' });
      expect.unreachable();
    } catch (err) {
      expect((err as Error).message).not.toMatch(/[\u0000-\u001f]/u);
      expect((err as Error).message).toContain('limit=a');
    }
  });
});
