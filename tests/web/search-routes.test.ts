// /api/search and /search in-process: the JSON contract, every 400, facets as filter links,
// the zero-result page, escaping of the echoed query, and highlights in the reader.
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { CHENGDU, MIANYANG, realApp, realIndex, SICHUAN } from '../helpers.js';

const app = realApp();
const containing = (term: string) => realIndex().entries.filter((e) => e.text.includes(term)).length;

describe('GET /api/search', () => {
  it('returns query, total, hits with the contract fields, and facets', async () => {
    const res = await request(app).get('/api/search').query({ q: '加氢站' }).expect(200).expect('Content-Type', /json/u);
    expect(res.body.query).toBe('加氢站');
    expect(res.body.total).toBe(containing('加氢站'));
    expect(res.body.hits).toHaveLength(res.body.total);
    for (const hit of res.body.hits) {
      expect(Object.keys(hit)).toEqual(expect.arrayContaining(['id', 'doc', 'text', 'snippet', 'citation', 'url', 'themes', 'label', 'breadcrumb', 'readerUrl']));
      expect(hit.snippet).toContain('<mark>加氢站</mark>');
      expect(hit.snippet.replace(/<\/?mark>/gu, '')).not.toMatch(/[<>]/u);
      expect(hit.url).toBe(`/c/${encodeURIComponent(hit.id)}`);
      expect(hit.text).toContain('加氢站');
    }
    expect(res.body.facets.doc.reduce((n: number, f: { count: number }) => n + f.count, 0)).toBe(res.body.total);
    expect(res.body.facets.level.map((f: { value: string }) => f.value)).toEqual(['province', 'city']);
  });

  it('limit and offset page through one ranking; limit may be 1000', async () => {
    const all = await request(app).get('/api/search').query({ q: '碳', limit: 1000 }).expect(200);
    expect(all.body.hits.length).toBe(Math.min(1000, all.body.total));
    const page = await request(app).get('/api/search').query({ q: '碳', limit: 5, offset: 10 }).expect(200);
    expect(page.body.hits.map((h: { id: string }) => h.id)).toEqual(all.body.hits.slice(10, 15).map((h: { id: string }) => h.id));
    expect(page.body.hits[0].rank).toBe(11);
  });

  it('filters by doc (repeated or comma-separated) and by level', async () => {
    const one = await request(app).get('/api/search').query({ q: '碳汇', doc: MIANYANG }).expect(200);
    expect(new Set(one.body.hits.map((h: { doc: string }) => h.doc))).toEqual(new Set([MIANYANG]));
    const two = await request(app)
      .get(`/api/search?q=${encodeURIComponent('碳汇')}&doc=${MIANYANG},${CHENGDU}`)
      .expect(200);
    expect(new Set(two.body.hits.map((h: { doc: string }) => h.doc))).toEqual(new Set([MIANYANG, CHENGDU]));
    const repeated = await request(app)
      .get(`/api/search?q=${encodeURIComponent('碳汇')}&doc=${MIANYANG}&doc=${CHENGDU}`)
      .expect(200);
    expect(repeated.body.total).toBe(two.body.total);
    const county = await request(app).get('/api/search').query({ q: '碳汇', level: 'county' }).expect(200);
    expect(county.body.hits.every((h: { level: string }) => h.level === 'county')).toBe(true);
  });

  const bad: [string, Record<string, string>, string][] = [
    ['empty query', { q: '' }, 'QUERY_EMPTY'],
    ['missing query', {}, 'QUERY_EMPTY'],
    ['blank query', { q: '   ' }, 'QUERY_EMPTY'],
    ['query over 200 characters', { q: '碳'.repeat(201) }, 'QUERY_TOO_LONG'],
    ['non-numeric limit', { q: '碳', limit: 'ten' }, 'PARAM_INVALID'],
    ['negative limit', { q: '碳', limit: '-1' }, 'PARAM_INVALID'],
    ['too large limit', { q: '碳', limit: '1001' }, 'PARAM_INVALID'],
    ['fractional limit', { q: '碳', limit: '2.5' }, 'PARAM_INVALID'],
    ['non-numeric offset', { q: '碳', offset: 'x' }, 'PARAM_INVALID'],
    ['negative offset', { q: '碳', offset: '-5' }, 'PARAM_INVALID'],
    ['too large offset', { q: '碳', offset: '100001' }, 'PARAM_INVALID'],
    ['unknown doc', { q: '碳', doc: 'no-such-doc' }, 'FILTER_UNKNOWN'],
    ['unknown level', { q: '碳', level: 'planet' }, 'FILTER_UNKNOWN'],
    ['unknown theme', { q: '碳', theme: 'no-such-theme' }, 'FILTER_UNKNOWN'],
    ['only exclusions', { q: '-氢' }, 'QUERY_ONLY_EXCLUSIONS'],
  ];
  for (const [name, query, code] of bad) {
    it(`400 ${code} for ${name}`, async () => {
      const res = await request(app).get('/api/search').query(query).expect(400).expect('Content-Type', /json/u);
      expect(res.body.error.code).toBe(code);
      expect(res.body.error.message).toMatch(/\p{Script=Han}/u);
    });
  }

  it('a repeated q is a 400, not a crash', async () => {
    const res = await request(app).get('/api/search?q=a&q=b').expect(400);
    expect(res.body.error.code).toBe('PARAM_INVALID');
  });

  it('the message names the bad value', async () => {
    const res = await request(app).get('/api/search').query({ q: '碳', limit: 'ten' }).expect(400);
    expect(res.body.error.message).toContain('limit=ten');
  });

  it('zero results carry per-term counts and drop-a-term suggestions', async () => {
    const res = await request(app).get('/api/search').query({ q: '加氢站 海绵城市' }).expect(200);
    expect(res.body.total).toBe(0);
    expect(res.body.terms).toEqual([
      { term: '加氢站', source: '加氢站', phrase: false, count: containing('加氢站') },
      { term: '海绵城市', source: '海绵城市', phrase: false, count: containing('海绵城市') },
    ]);
    expect(res.body.suggestions).toEqual([
      { kind: 'drop-term', query: '海绵城市', dropped: '加氢站', count: containing('海绵城市') },
      { kind: 'drop-term', query: '加氢站', dropped: '海绵城市', count: containing('加氢站') },
    ]);
    // Two words: no single-word hints.
    expect(res.body.themes).toEqual([]);
  });

  it('one word with no hits: the longest shorter words that occur, the themes holding it, and the syntax page', async () => {
    const res = await request(app).get('/api/search').query({ q: '加氢母站点' }).expect(200);
    expect(res.body.total).toBe(0);
    const shorter = res.body.suggestions.filter((s: { kind: string }) => s.kind === 'shorter');
    expect(shorter.length).toBeGreaterThan(0);
    for (const s of shorter) {
      const word = s.query.replace(/"/gu, '');
      expect('加氢母站点').toContain(word);
      expect(s.count).toBe(containing(word));
      expect(s.count).toBeGreaterThan(0);
    }
    // Longest first: every offered word has the same length, and no longer cut occurs.
    const lengths = new Set(shorter.map((s: { query: string }) => [...s.query.replace(/"/gu, '')].length));
    expect(lengths.size).toBe(1);
    const length = [...lengths][0] as number;
    for (let from = 0; from + length + 1 <= 5; from++) expect(containing([...'加氢母站点'].slice(from, from + length + 1).join(''))).toBe(0);
    expect(res.body.themes.map((t: { id: string }) => t.id)).toContain('hydrogen');
    const page = await request(app).get('/search').query({ q: '加氢母站点' }).expect(200);
    expect(page.text).toContain('文中出现的近似词');
    expect(page.text).toContain('href="/themes/hydrogen"');
    expect(page.text).toContain('href="/search#syntax"');
  });

  it('regression: a 200-character word with no hits answered 400 QUERY_TOO_LONG, its quoted near words being over the limit', async () => {
    const res = await request(app)
      .get('/api/search')
      .query({ q: '碳'.repeat(200) })
      .expect(200);
    expect(res.body.total).toBe(0);
    for (const s of res.body.suggestions) expect([...s.query].length).toBeLessThanOrEqual(200);
  });

  it('a word no shorter cut of which occurs offers no near words, and a word of no theme no theme', async () => {
    const res = await request(app).get('/api/search').query({ q: '龘靐齉' }).expect(200);
    expect(res.body.suggestions).toEqual([]);
    expect(res.body.themes).toEqual([]);
  });
});

describe('GET /search (HTML)', () => {
  it('shows results with document, jurisdiction, label, breadcrumb, snippet, citation and reader link', async () => {
    const res = await request(app).get('/search').query({ q: '加氢站' }).expect(200).expect('Content-Type', /html/u);
    expect(res.text).toContain('<mark>加氢站</mark>');
    expect(res.text).toContain('成都市碳达峰实施方案');
    expect(res.text).toContain('四川省');
    expect(res.text).toMatch(/class="crumb"/u);
    expect(res.text).toMatch(/<code class="citation">《[^<]+》/u);
    expect(res.text).toContain(`/docs/${SICHUAN}?hl=${encodeURIComponent('加氢站')}#`);
    expect(res.text).toContain('class="copy"');
  });

  it('facets are links that add and remove a filter', async () => {
    const res = await request(app).get('/search').query({ q: '碳汇' }).expect(200);
    const link = `/search?q=${encodeURIComponent('碳汇')}&amp;doc=${MIANYANG}`;
    expect(res.text).toContain(link);
    expect(res.text).toContain(`/search?q=${encodeURIComponent('碳汇')}&amp;level=county`);
    const filtered = await request(app)
      .get(`/search?q=${encodeURIComponent('碳汇')}&doc=${MIANYANG}`)
      .expect(200);
    // A link may not carry aria-pressed (axe: aria-allowed-attr); the chosen facet is aria-current.
    expect(filtered.text).toContain('aria-current="true"');
    expect(filtered.text).not.toContain('aria-pressed');
    expect(filtered.text).toContain(`href="/search?q=${encodeURIComponent('碳汇')}"`);
  });

  it('paginates with page links', async () => {
    const res = await request(app).get('/search').query({ q: '碳' }).expect(200);
    expect(res.text).toContain(`/search?q=${encodeURIComponent('碳')}&amp;page=2`);
    const p2 = await request(app).get('/search').query({ q: '碳', page: '2' }).expect(200);
    expect(p2.text).toContain('<ol class="hits" start="21">');
  });

  it("the zero-result page shows each term's count and suggests dropping a term", async () => {
    const res = await request(app).get('/search').query({ q: '加氢站 海绵城市' }).expect(200);
    expect(res.text).toContain('没有找到条款');
    expect(res.text).toContain(`加氢站</a>：${containing('加氢站')} 个条款`);
    expect(res.text).toContain(`去掉“海绵城市”`);
    expect(res.text).toContain(`href="/search?q=${encodeURIComponent('加氢站')}"`);
  });

  it('the echoed query is escaped, in the heading and in the search box', async () => {
    const res = await request(app).get('/search').query({ q: '<script>alert(1)</script>' }).expect(200);
    expect(res.text).not.toContain('<script>alert(1)</script>');
    expect(res.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('a bad query is a 400 page in Chinese with the form still there', async () => {
    const res = await request(app)
      .get('/search')
      .query({ q: '碳'.repeat(201) })
      .expect(400);
    expect(res.text).toContain('检索式过长');
    expect(res.text).toContain('QUERY_TOO_LONG');
    expect(res.text).toContain('name="q"');
  });

  it('/search without a query shows the syntax help', async () => {
    const res = await request(app).get('/search').expect(200);
    expect(res.text).toContain('检索语法');
  });

  it('every page has the search box', async () => {
    for (const url of ['/', `/docs/${CHENGDU}`, `/c/${CHENGDU}.part_3__item_2__para_5`, '/search', '/no-such-page']) {
      const res = await request(app).get(url);
      expect(res.text, url).toMatch(/<form class="searchbox" role="search" action="\/search"/u);
    }
  });
});

describe('highlights in the reader', () => {
  it('/docs/:id?hl= marks the terms in every matching clause and lists them', async () => {
    const res = await request(app).get(`/docs/${SICHUAN}`).query({ hl: '加氢站' }).expect(200);
    const marks = res.text.match(/<mark>加氢站<\/mark>/gu) ?? [];
    expect(marks.length).toBeGreaterThanOrEqual(1);
    expect(res.text).toContain('hl-hit');
    expect(res.text).toContain('已高亮检索词');
  });

  it('/c/:id?hl= marks the terms in the clause; a bad hl is ignored, not an error', async () => {
    const id = `${CHENGDU}.part_3__item_2__para_5`;
    const res = await request(app).get(`/c/${id}`).query({ hl: '能源' }).expect(200);
    expect(res.text).toContain('<mark>能源</mark>');
    await request(app).get(`/c/${id}`).query({ hl: '-能源' }).expect(200);
  });

  it('highlights inside table rows, cell by cell', async () => {
    const res = await request(app).get(`/docs/${SICHUAN}`).query({ hl: '海绵城市建设面积占比' }).expect(200);
    expect(res.text).toMatch(/<td><mark>海绵城市建设面积占比<\/mark><\/td>/u);
  });
});

describe('review regressions (web)', () => {
  it('the reader counts clauses that satisfy the whole query, not clauses with any one term', async () => {
    const api = await request(app).get('/api/search').query({ q: '碳达峰 氢能', doc: SICHUAN }).expect(200);
    const page = await request(app).get(`/docs/${SICHUAN}`).query({ hl: '碳达峰 氢能' }).expect(200);
    expect(page.text).toContain(`本文 <strong>${api.body.total}</strong> 个条款命中`);
    expect((page.text.match(/ hl-hit/gu) ?? []).length).toBe(api.body.total);
    expect(page.text).toContain('<mark>碳达峰</mark>');
  });

  it('a match in a table caption is highlighted in the reader', async () => {
    const res = await request(app).get(`/docs/${SICHUAN}`).query({ hl: '主要目标' }).expect(200);
    expect(res.text).toMatch(/<figcaption>[^]*?<mark>主要目标<\/mark>[^]*?<\/figcaption>/u);
  });

  it('level=none (documents without a catalogue entry) is a valid filter', async () => {
    const res = await request(app).get('/api/search').query({ q: '碳', level: 'none' }).expect(200);
    expect(res.body.total).toBe(0);
  });

  it('empty or padded numbers are a 400, not the default', async () => {
    for (const limit of ['', ' ', ' 1 ']) {
      const res = await request(app).get('/api/search').query({ q: '碳', limit }).expect(400);
      expect(res.body.error.code).toBe('PARAM_INVALID');
    }
  });

  it('a page past the end says so and links back', async () => {
    const res = await request(app).get('/search').query({ q: '碳', page: '100' }).expect(200);
    expect(res.text).toContain('第 100 页没有结果');
  });

  it('the zero-result page offers the split query and dropping an exclusion', async () => {
    const split = await request(app).get('/search').query({ q: '加氢站 2025' }).expect(200);
    expect(split.text).toContain('把汉字和数字分开检索');
    const excl = await request(app).get('/search').query({ q: '加氢站 -氢' }).expect(200);
    expect(excl.text).toContain('不排除“-氢”');
  });
});
