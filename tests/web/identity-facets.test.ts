// Identity facets and filters (level with 国家级 first, region, issuer, type, status, year of
// issue) on every route that lists clauses or documents, in HTML and JSON: /search and
// /api/search, /docs and /api/docs, /compare and /compare.csv, /targets and its downloads.
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/web/app.js';
import { searcherFor } from '../helpers.js';
import { identityLibrary, inferredId, SHARED_TERM } from '../identity-fixture.js';

const library = identityLibrary();
const app = createApp({ library, searcher: searcherFor(library), today: () => '2026-11-30' });
const GUOWUYUAN = inferredId(library);
const NATIONAL = [GUOWUYUAN, 'nea-renewables'];
const SICHUAN = ['sichuan-peak', 'chengdu-opinions', 'quxian-peak'];

/** Each filter, as a query, and the documents it leaves (library order). */
const FILTERS: [string, Record<string, string | string[]>, string[]][] = [
  ['level national', { level: 'national' }, NATIONAL],
  ['region 全国', { region: '全国' }, NATIONAL],
  ['region 四川省', { region: '四川省' }, SICHUAN],
  ['issuer, a joint document under each organ', { issuer: '四川省人民政府' }, ['sichuan-peak', 'chengdu-opinions']],
  ['issuer, one organ of a national joint plan', { issuer: '国家能源局' }, ['nea-renewables']],
  ['type', { type: '实施方案' }, ['zhejiang-peak', 'sichuan-peak', 'quxian-peak']],
  ['status, comma-separated', { status: '征求意见稿,试行' }, ['chengdu-opinions', 'quxian-peak']],
  ['year of issue, repeated', { issued: ['2021', '2023'] }, [...NATIONAL, 'chengdu-opinions']],
  ['region and level together', { region: '四川省', level: 'city,county' }, ['chengdu-opinions', 'quxian-peak']],
];

const docIds = (list: { id?: string; doc?: string }[]) => [...new Set(list.map((x) => x.doc ?? x.id))];

describe('/api/search and /search', () => {
  it.each(FILTERS)('JSON: %s', async (_name, filter, expected) => {
    const res = await request(app)
      .get('/api/search')
      .query({ q: SHARED_TERM, ...filter })
      .expect(200);
    expect(docIds(res.body.hits)).toEqual(expected);
    expect(res.body.total).toBe(expected.length);
  });

  it.each(FILTERS)('HTML: %s', async (_name, filter, expected) => {
    const res = await request(app)
      .get('/search')
      .query({ q: SHARED_TERM, ...filter })
      .expect(200);
    const shown = [...res.text.matchAll(/<div class="hit-doc">.*?<a href="\/docs\/([^"]+)">/gu)].map((m) => decodeURIComponent(m[1] as string));
    expect(shown).toEqual(expected);
    expect(res.text).toContain('class="chip on"');
  });

  it('JSON facets: levels national first, each identity dimension with labels', async () => {
    const res = await request(app).get('/api/search').query({ q: SHARED_TERM }).expect(200);
    expect(res.body.facets.level.map((f: { label: string }) => f.label)).toEqual(['国家级', '省级', '市级', '县级']);
    expect(res.body.facets.region.map((f: { value: string; count: number }) => [f.value, f.count])).toEqual([
      ['全国', 2],
      ['浙江省', 1],
      ['四川省', 3],
    ]);
    expect(res.body.facets.issuer.find((f: { value: string }) => f.value === '四川省人民政府').count).toBe(2);
    expect(res.body.facets.issued.map((f: { label: string }) => f.label)).toEqual(['2024年', '2023年', '2022年', '2021年']);
    expect(Object.keys(res.body.facets)).toEqual(expect.arrayContaining(['doc', 'level', 'region', 'issuer', 'type', 'status', 'issued']));
    // Hits that tie on score come national first.
    expect(res.body.hits.map((h: { level: string }) => h.level)).toEqual(['national', 'national', 'province', 'province', 'city', 'county']);
  });

  it('HTML facets: 国家级 listed first, every dimension a link that adds its filter', async () => {
    const res = await request(app).get('/search').query({ q: SHARED_TERM }).expect(200);
    const levels = res.text.slice(res.text.indexOf('<ul class="facet-level">'));
    expect(levels.indexOf('国家级')).toBeLessThan(levels.indexOf('省级'));
    for (const [name, value] of [
      ['region', '全国'],
      ['issuer', '国家能源局'],
      ['type', '规划'],
      ['status', '试行'],
      ['issued', '2021'],
      ['level', 'national'],
    ]) {
      expect(res.text, name).toContain(`/search?q=${encodeURIComponent(SHARED_TERM)}&amp;${name}=${encodeURIComponent(value as string)}`);
    }
    for (const title of ['地区', '发文机关', '文档类型', '状态', '发文年份']) expect(res.text).toContain(`<h2>${title}</h2>`);
  });
});

describe('/api/docs and /docs', () => {
  it.each(FILTERS)('JSON: %s', async (_name, filter, expected) => {
    const res = await request(app).get('/api/docs').query(filter).expect(200);
    expect(docIds(res.body.docs)).toEqual(expected);
    expect(res.body.total).toBe(expected.length);
  });

  it.each(FILTERS)('HTML: %s', async (_name, filter, expected) => {
    const res = await request(app).get('/docs').query(filter).expect(200);
    const listed = [...res.text.matchAll(/<a class="doc-title" href="\/docs\/([^"]+)">/gu)].map((m) => decodeURIComponent(m[1] as string));
    expect(listed).toEqual(expected);
    expect(res.text).toContain(`符合筛选条件的 <strong>${expected.length}</strong> 份`);
  });

  it('JSON: every document with its region, organs and year; groups by level (national first), then region, with counts', async () => {
    const res = await request(app).get('/api/docs').expect(200);
    expect(res.body.docs.map((d: { level: string }) => d.level)).toEqual(['national', 'national', 'province', 'province', 'city', 'county']);
    expect(res.body.docs.find((d: { id: string }) => d.id === 'chengdu-opinions')).toMatchObject({ region: '四川省', issuers: ['成都市发展和改革委员会', '四川省人民政府'], issued: '2023', docType: '意见', status: '征求意见稿' });
    expect(res.body.groups.map((g: { level: string; count: number }) => [g.level, g.count])).toEqual([
      ['national', 2],
      ['province', 2],
      ['city', 1],
      ['county', 1],
    ]);
    expect(res.body.groups[0].regions).toEqual([{ region: '全国', count: 2, docs: NATIONAL }]);
    expect(res.body.groups[1].regions.map((r: { region: string }) => r.region)).toEqual(['浙江省', '四川省']);
    expect(res.body.facets.level[0]).toEqual({ value: 'national', label: '国家级', count: 2, selected: false });
  });

  it('HTML: titles grouped by level, 国家级 first, then by province, with counts and filter links', async () => {
    const res = await request(app).get('/docs').expect(200);
    const order = ['id="lv-national"', 'id="lv-province"', 'id="lv-city"', 'id="lv-county"'].map((s) => res.text.indexOf(s));
    expect(order.every((at, i) => at > 0 && (i === 0 || at > (order[i - 1] as number)))).toBe(true);
    expect(res.text).toMatch(/国家级 <span class="count">2 份<\/span>/u);
    expect(res.text).toMatch(/<h3 class="region">浙江省 <span class="count">1 份<\/span><\/h3>/u);
    expect(res.text).toContain('2030年前碳达峰行动方案</a>');
    expect(res.text).toContain(`href="/docs?region=${encodeURIComponent('全国')}"`);
    expect(res.text).toContain(`href="/docs?issuer=${encodeURIComponent('国家能源局')}"`);
    expect(res.text).toContain('href="/docs?level=national"');
    // The header's link to the list.
    expect(res.text).toContain('<a href="/docs">全部文档</a>');
  });

  it('HTML: a chosen filter is marked and its link removes it', async () => {
    const res = await request(app).get('/docs').query({ region: '全国', issued: '2021' }).expect(200);
    expect(res.text).toContain('aria-current="true"');
    expect(res.text).toContain(`href="/docs?issued=2021" title="取消此筛选"`);
  });
});

describe('/compare and /compare.csv', () => {
  it('columns follow the filters, national first', async () => {
    const all = await request(app).get('/compare').query({ q: SHARED_TERM }).expect(200);
    const columns = (html: string) => [...html.matchAll(/<section class="compare-col" aria-labelledby="c-([^"]+)">/gu)].map((m) => m[1]);
    expect(columns(all.text)).toEqual(library.documents.map((d) => d.id));
    expect(all.text.indexOf('国家级')).toBeLessThan(all.text.indexOf('省级'));
    for (const [name, filter, expected] of FILTERS) {
      const res = await request(app)
        .get('/compare')
        .query({ q: SHARED_TERM, ...filter })
        .expect(200);
      expect(columns(res.text), name).toEqual(expected);
    }
  });

  it('the CSV carries the same columns and the form keeps the filters', async () => {
    const page = await request(app).get('/compare').query({ q: SHARED_TERM, region: '全国' }).expect(200);
    expect(page.text).toContain(`href="/compare.csv?q=${encodeURIComponent(SHARED_TERM)}&amp;region=${encodeURIComponent('全国')}"`);
    expect(page.text).toMatch(/<select name="region">[\s\S]*?<option value="全国" selected>全国<\/option>/u);
    const csv = await request(app).get('/compare.csv').query({ q: SHARED_TERM, region: '全国' }).expect(200);
    const rows = csv.text.trim().split('\r\n').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.startsWith('国家,国家级,'))).toBe(true);
  });
});

describe('/targets, its downloads and /api/targets', () => {
  const targetDocs = (body: { targets: { doc: string }[] }) => docIds(body.targets);

  it.each(FILTERS)('JSON: %s', async (_name, filter, expected) => {
    const res = await request(app)
      .get('/api/targets')
      .query({ ...filter, sort: 'doc' })
      .expect(200);
    expect(targetDocs(res.body)).toEqual(expected);
    const download = await request(app)
      .get('/targets.json')
      .query({ ...filter, sort: 'doc' })
      .expect(200);
    expect(targetDocs(download.body)).toEqual(expected);
  });

  it('JSON echoes the identity filters', async () => {
    const res = await request(app).get('/api/targets').query({ region: '全国', issued: '2021' }).expect(200);
    expect(res.body.query).toMatchObject({ regions: ['全国'], issued: ['2021'], issuers: [], types: [], statuses: [] });
  });

  it('CSV and HTML: only the filtered documents, links keep the filters', async () => {
    const csv = await request(app).get('/targets.csv').query({ level: 'national' }).expect(200);
    const rows = csv.text.trim().split('\r\n').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.includes(',国家,国家级,'))).toBe(true);
    const page = await request(app).get('/targets').query({ region: '四川省', type: '实施方案' }).expect(200);
    const body = page.text.slice(page.text.indexOf('<tbody>'), page.text.indexOf('</tbody>'));
    expect(body.match(/<tr>/gu)).toHaveLength(2);
    expect(page.text).toContain(`/targets.csv?region=${encodeURIComponent('四川省')}&amp;type=${encodeURIComponent('实施方案')}`);
    // The selects offer the values left by the other filters, the chosen ones selected.
    expect(page.text).toMatch(/<select name="type">[\s\S]*?<option value="实施方案" selected>实施方案<\/option>/u);
    const levels = /<select name="level">[\s\S]*?<\/select>/u.exec(page.text)?.[0] ?? '';
    expect(levels).toContain('<option value="province">省级</option>');
    expect(levels).not.toContain('national');
    const unfiltered = await request(app).get('/targets').expect(200);
    expect(unfiltered.text).toMatch(/<select name="level">\s*<option value="">全部<\/option>\s*<option value="national">国家级<\/option>/u);
  });
});

describe('bad filter values are a 400 with a code and the value named', () => {
  it.each([
    ['/api/search', { q: SHARED_TERM, region: '火星省' }, 'FILTER_UNKNOWN', 'region=火星省'],
    ['/api/search', { q: SHARED_TERM, issuer: '无名机关' }, 'FILTER_UNKNOWN', 'issuer=无名机关'],
    ['/api/search', { q: SHARED_TERM, level: 'nation' }, 'FILTER_UNKNOWN', 'level=nation'],
    ['/api/docs', { type: '公报' }, 'FILTER_UNKNOWN', 'type=公报'],
    ['/api/docs', { status: '作废' }, 'FILTER_UNKNOWN', 'status=作废'],
    ['/api/docs', { issued: '21' }, 'PARAM_INVALID', 'issued=21'],
    ['/api/targets', { region: '火星省' }, 'FILTER_UNKNOWN', 'region=火星省'],
    ['/targets.json', { issuer: '无名机关' }, 'FILTER_UNKNOWN', 'issuer=无名机关'],
  ])('%s %o → %s', async (url, query, code, named) => {
    const res = await request(app).get(url).query(query).expect(400).expect('Content-Type', /json/u);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message).toContain(named);
  });

  it.each([
    ['/docs', { region: '火星省' }],
    ['/search', { q: SHARED_TERM, status: '作废' }],
    ['/compare', { q: SHARED_TERM, type: '公报' }],
    ['/compare.csv', { q: SHARED_TERM, issuer: '无名机关' }],
    ['/targets', { region: '火星省' }],
    ['/targets.csv', { status: '作废' }],
  ])('%s %o → a 400 page with FILTER_UNKNOWN', async (url, query) => {
    const res = await request(app).get(url).query(query).expect(400).expect('Content-Type', /html/u);
    expect(res.text).toContain('FILTER_UNKNOWN');
    expect(res.text).toContain(Object.values(query).at(-1) as string);
  });
});

describe('from results to the comparison', () => {
  it('the compare link keeps the level and identity filters', async () => {
    const res = await request(app).get('/search').query({ q: SHARED_TERM, level: 'national', issued: '2021' }).expect(200);
    expect(res.text).toContain(`href="/compare?q=${encodeURIComponent(SHARED_TERM)}&amp;level=national&amp;issued=2021"`);
  });
});
