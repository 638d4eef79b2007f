// Quantitative-target routes in-process: /api/targets and its filters, sorts and errors,
// /api/indicators, the /targets page with its download links, the per-indicator bar charts,
// and the CSV and JSON downloads.
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { TARGET_DEFAULTS } from '../../src/config.js';
import type { Target } from '../../src/enrich/targets/index.js';
import { CHENGDU, LESHAN, MIANYANG, QUXIAN, realApp, realLibrary, SICHUAN } from '../helpers.js';

const ORIGIN = 'https://policy.example.org';
const app = realApp({ publicOrigin: ORIGIN });
const library = realLibrary();
const targets = library.enrichment.targets;
const ALL = [SICHUAN, CHENGDU, MIANYANG, LESHAN, QUXIAN];

interface Rec {
  id: string;
  doc: string;
  level: string | null;
  indicator: string;
  valueText: string;
  compareValue: number | null;
  compareUnit: string | null;
  year: number | null;
  source: string;
  text: string;
  span: [number, number];
  url: string;
  permalink: string;
  province: { target: string; doc: string; valueText: string; compareValue: number | null; url: string; relation: string | null } | null;
  [key: string]: unknown;
}

const FIELDS = [
  'id',
  'doc',
  'docTitle',
  'jurisdiction',
  'level',
  'clause',
  'clauseLabel',
  'indicator',
  'indicatorLabel',
  'canonical',
  'phrase',
  'value',
  'valueMax',
  'valueText',
  'unit',
  'baseValue',
  'baseUnit',
  'compareValue',
  'compareUnit',
  'year',
  'yearSource',
  'baselineYear',
  'baselineValue',
  'baselineText',
  'direction',
  'bound',
  'qualifier',
  'aspirational',
  'attribute',
  'source',
  'column',
  'text',
  'span',
  'citation',
  'url',
  'permalink',
  'province',
];
const PROVINCE_FIELDS = ['target', 'doc', 'valueText', 'label', 'value', 'compareValue', 'compareUnit', 'url', 'relation', 'ambition'];

const levelOf = (t: Target) => library.getDocument(t.doc)?.level ?? null;
const idsWhere = (keep: (t: Target) => boolean) =>
  targets
    .filter(keep)
    .map((t) => t.id)
    .sort();
const idsOf = (records: Rec[]) => records.map((r) => r.id).sort();

async function api(query: string): Promise<{ query: Record<string, unknown>; total: number; targets: Rec[] }> {
  const res = await request(app).get(`/api/targets${query}`).expect(200).expect('Content-Type', /json/u);
  expect(res.body.total).toBe(res.body.targets.length);
  return res.body;
}

/** RFC 4180 with quoted cells (commas, quotes and newlines inside quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

const unescapeHtml = (s: string) =>
  s
    .replace(/&amp;/gu, '&')
    .replace(/&#34;|&quot;/gu, '"')
    .replace(/&#39;/gu, "'")
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>');

describe('GET /api/targets', () => {
  it('without filters returns every target, each record carrying the whole contract', async () => {
    const body = await api('');
    expect(body.total).toBe(targets.length);
    expect(body.total).toBeGreaterThan(100);
    expect(idsOf(body.targets)).toEqual(targets.map((t) => t.id).sort());
    expect(body.query).toEqual({ indicators: [], docs: [], years: [], levels: [], obligations: [], regions: [], issuers: [], types: [], statuses: [], issued: [], sort: 'indicator', order: 'asc' });
    for (const r of body.targets) {
      for (const f of FIELDS) expect(r, `${r.id} lacks ${f}`).toHaveProperty(f);
      expect(ALL).toContain(r.doc);
      expect(['reach', 'reduce', 'increase']).toContain(r.direction);
      expect(['prose', 'table']).toContain(r.source);
      expect(r.url).toBe(`/c/${encodeURIComponent(r.clause as string)}`);
      expect(r.permalink).toBe(`${ORIGIN}${r.url}`);
      expect(library.getClause(r.clause as string)?.text).toBe(r.text);
      expect(r.span).toHaveLength(2);
      expect(r.span[0]).toBeLessThan(r.span[1]);
      expect(r.span[1]).toBeLessThanOrEqual(r.text.length);
      expect(r.citation).toMatch(/^《/u);
      if (r.province !== null) {
        for (const f of PROVINCE_FIELDS) expect(r.province, `${r.id}.province lacks ${f}`).toHaveProperty(f);
        expect(r.province.doc).toBe(SICHUAN);
        expect(r.province.url).toMatch(/^\/c\//u);
        expect([null, 'above', 'below', 'equal']).toContain(r.province.relation);
      }
    }
  });

  it('the span points at the figure in the clause text, in prose and table rows alike', async () => {
    const body = await api('');
    expect(body.targets.some((r) => r.source === 'table')).toBe(true);
    for (const r of body.targets) expect(r.text.slice(r.span[0], r.span[1]), r.id).toBe(r.valueText);
  });

  it('indicator filter restricts to exactly that indicator', async () => {
    const body = await api('?indicator=non-fossil-share');
    expect(body.total).toBeGreaterThan(0);
    expect(body.total).toBeLessThan(targets.length);
    expect(idsOf(body.targets)).toEqual(idsWhere((t) => t.indicator === 'non-fossil-share'));
    expect(body.query.indicators).toEqual(['non-fossil-share']);
  });

  it('doc, year and level filters each restrict as the library says', async () => {
    const byDoc = await api(`?doc=${CHENGDU}`);
    expect(byDoc.total).toBeGreaterThan(0);
    expect(idsOf(byDoc.targets)).toEqual(idsWhere((t) => t.doc === CHENGDU));

    const byYear = await api('?year=2030');
    expect(byYear.total).toBeGreaterThan(0);
    expect(idsOf(byYear.targets)).toEqual(idsWhere((t) => t.year === 2030));
    expect(byYear.targets.every((r) => r.year === 2030)).toBe(true);

    const byLevel = await api('?level=county');
    expect(byLevel.total).toBeGreaterThan(0);
    expect(idsOf(byLevel.targets)).toEqual(idsWhere((t) => levelOf(t) === 'county'));
    expect(byLevel.targets.every((r) => r.doc === QUXIAN && r.level === 'county')).toBe(true);
  });

  it('filters combine as AND across kinds', async () => {
    const body = await api(`?indicator=non-fossil-share&level=city&year=2025`);
    expect(idsOf(body.targets)).toEqual(idsWhere((t) => t.indicator === 'non-fossil-share' && levelOf(t) === 'city' && t.year === 2025));
    expect(new Set(body.targets.map((r) => r.doc))).toEqual(new Set([CHENGDU, MIANYANG, LESHAN]));
  });

  it('repeated and comma-separated values are the same OR filter', async () => {
    const expected = idsWhere((t) => t.indicator === 'non-fossil-share' || t.indicator === 'renewable-capacity');
    const repeated = await api('?indicator=non-fossil-share&indicator=renewable-capacity');
    const comma = await api('?indicator=non-fossil-share,renewable-capacity');
    expect(idsOf(repeated.targets)).toEqual(expected);
    expect(idsOf(comma.targets)).toEqual(expected);
    expect(comma.query.indicators).toEqual(['non-fossil-share', 'renewable-capacity']);

    const docs = idsWhere((t) => t.doc === MIANYANG || t.doc === QUXIAN);
    expect(idsOf((await api(`?doc=${MIANYANG}&doc=${QUXIAN}`)).targets)).toEqual(docs);
    expect(idsOf((await api(`?doc=${MIANYANG},${QUXIAN}`)).targets)).toEqual(docs);

    const years = idsWhere((t) => t.year === 2025 || t.year === 2030);
    expect(idsOf((await api('?year=2025,2030')).targets)).toEqual(years);
    expect(idsOf((await api('?year=2025&year=2030')).targets)).toEqual(years);
    // A null year matches no year filter.
    expect(years.length).toBeLessThan(targets.length);

    const levels = idsWhere((t) => levelOf(t) === 'province' || levelOf(t) === 'county');
    expect(idsOf((await api('?level=province,county')).targets)).toEqual(levels);
    expect(idsOf((await api('?level=province&level=county')).targets)).toEqual(levels);
  });

  it('sort=value&order=desc is non-increasing in compareValue with nulls last', async () => {
    const body = await api('?sort=value&order=desc');
    expect(body.query).toMatchObject({ sort: 'value', order: 'desc' });
    const values = body.targets.map((r) => r.compareValue);
    const firstNull = values.indexOf(null);
    expect(firstNull).toBeGreaterThan(0);
    expect(values.slice(firstNull).every((v) => v === null)).toBe(true);
    const numbers = values.slice(0, firstNull) as number[];
    for (let i = 1; i < numbers.length; i++) expect(numbers[i]).toBeLessThanOrEqual(numbers[i - 1] as number);
    expect(numbers[0]).toBe(Math.max(...(targets.map((t) => t.compareValue).filter((v) => v !== null) as number[])));

    const asc = (await api('?sort=value&order=asc')).targets.map((r) => r.compareValue);
    const ascNumbers = asc.filter((v) => v !== null) as number[];
    for (let i = 1; i < ascNumbers.length; i++) expect(ascNumbers[i]).toBeGreaterThanOrEqual(ascNumbers[i - 1] as number);
    expect(asc.slice(asc.indexOf(null)).every((v) => v === null)).toBe(true);
  });

  it('sort=year and sort=doc order the rows', async () => {
    const years = (await api('?sort=year&order=desc')).targets.map((r) => r.year);
    const known = years.filter((y) => y !== null) as number[];
    for (let i = 1; i < known.length; i++) expect(known[i]).toBeLessThanOrEqual(known[i - 1] as number);
    expect(years.at(-1)).toBeNull();
    const docs = (await api('?sort=doc')).targets.map((r) => ALL.indexOf(r.doc));
    expect(docs).toEqual([...docs].sort((a, b) => a - b));
    const docsDesc = (await api('?sort=doc&order=desc')).targets.map((r) => ALL.indexOf(r.doc));
    expect(docsDesc).toEqual([...docsDesc].sort((a, b) => b - a));
  });

  it('non-fossil-share: all five plans, and the province check beside each city and county', async () => {
    const body = await api('?indicator=non-fossil-share');
    expect(new Set(body.targets.map((r) => r.doc))).toEqual(new Set(ALL));
    const find = (doc: string, year: number, valueText: string) => {
      const hit = body.targets.find((r) => r.doc === doc && r.year === year && r.valueText === valueText);
      expect(hit, `${doc} ${year} ${valueText}`).toBeDefined();
      return hit as Rec;
    };
    const chengdu = find(CHENGDU, 2025, '42%左右');
    expect(chengdu.province?.relation).toBe('equal');
    expect(chengdu.province?.doc).toBe(SICHUAN);
    expect(chengdu.province?.compareValue).toBe(42);
    expect(body.targets.map((r) => r.id)).toContain(chengdu.province?.target);
    expect(find(MIANYANG, 2025, '45%左右').province?.relation).toBe('above');
    expect(find(QUXIAN, 2025, '30%左右').province?.relation).toBe('below');
    const sichuan = body.targets.filter((r) => r.doc === SICHUAN);
    expect(sichuan.length).toBeGreaterThan(0);
    expect(sichuan.every((r) => r.province === null && r.level === 'province')).toBe(true);
  });

  it('renewable-capacity: the province table figure in 亿千瓦 is comparable in 万千瓦', async () => {
    const body = await api(`?indicator=renewable-capacity&doc=${SICHUAN}`);
    const row = body.targets.find((r) => r.source === 'table' && r.value === 1.29);
    expect(row).toBeDefined();
    expect(row).toMatchObject({ unit: '亿千瓦', compareValue: 12900, compareUnit: '万千瓦', year: 2025 });
  });

  it('bad filters are 400 FILTER_UNKNOWN naming the value', async () => {
    for (const [query, value] of [
      ['?indicator=nope', 'nope'],
      ['?indicator=non-fossil-share,nope', 'nope'],
      ['?doc=no-such-doc', 'no-such-doc'],
      ['?level=town', 'town'],
    ]) {
      const res = await request(app).get(`/api/targets${query}`).expect(400);
      expect(res.body.error.code, query).toBe('FILTER_UNKNOWN');
      expect(res.body.error.message).toContain(value);
    }
  });

  it('bad year, sort or order is 400 PARAM_INVALID', async () => {
    for (const query of ['?year=25', '?year=20255', '?year=abcd', '?year=2025.0', '?year=2e3', '?year=0x7E9', '?year=1989', '?year=2101', '?year=2025,99', '?sort=size', '?order=up']) {
      const res = await request(app).get(`/api/targets${query}`).expect(400);
      expect(res.body.error.code, query).toBe('PARAM_INVALID');
    }
    // The bounds themselves are fine.
    await request(app).get('/api/targets?year=1990').expect(200);
    await request(app).get('/api/targets?year=2100').expect(200);
  });
});

describe('GET /api/indicators', () => {
  it('lists every indicator with targets, counts agreeing with the targets', async () => {
    const res = await request(app).get('/api/indicators').expect(200);
    const list = res.body.indicators as {
      id: string;
      label: string;
      canonical: boolean;
      count: number;
      counts: Record<string, number>;
      years: number[];
      phrases: string[];
      aliases: string[];
      unit: string | null;
      better: string | null;
      url: string;
    }[];
    expect(list.map((i) => i.id).sort()).toEqual([...new Set(targets.map((t) => t.indicator))].sort());
    expect(list.reduce((a, i) => a + i.count, 0)).toBe(targets.length);
    for (const i of list) {
      for (const f of ['id', 'label', 'canonical', 'count', 'counts', 'years', 'phrases', 'aliases', 'unit', 'better', 'url']) expect(i).toHaveProperty(f);
      expect(Object.values(i.counts).reduce((a, b) => a + b, 0)).toBe(i.count);
      expect(i.url).toBe(`/targets/${encodeURIComponent(i.id)}`);
    }
    const nf = list.find((i) => i.id === 'non-fossil-share');
    const mine = targets.filter((t) => t.indicator === 'non-fossil-share');
    expect(nf).toMatchObject({ canonical: true, count: mine.length, years: [2025, 2030] });
    expect(Object.keys(nf?.counts ?? {}).sort()).toEqual([...ALL].sort());
    expect(nf?.counts[LESHAN]).toBe(mine.filter((t) => t.doc === LESHAN).length);
    // Canonical indicators come first.
    const firstOther = list.findIndex((i) => !i.canonical);
    expect(list.slice(firstOther).every((i) => !i.canonical)).toBe(true);
  });
});

describe('GET /targets (HTML)', () => {
  const bodyRows = (html: string) => (html.split('<tbody>')[1]?.split('</tbody>')[0]?.match(/<tr>/gu) ?? []).length;

  const PAGE = TARGET_DEFAULTS.pageSize;
  const rowClauses = (html: string) => [...html.matchAll(/<td class="source"><a href="\/c\/([^"#]+)"/gu)].map((m) => decodeURIComponent(m[1] as string));

  it('lists the first page of targets as table rows, the total, and a filter form', async () => {
    expect(targets.length).toBeGreaterThan(PAGE);
    const res = await request(app).get('/targets').expect(200).expect('Content-Type', /html/u);
    expect(res.text).toContain('<h1>量化目标</h1>');
    expect(res.text).toContain('<form');
    expect(res.text).toContain('name="indicator"');
    expect(bodyRows(res.text)).toBe(PAGE);
    expect(res.text).toContain(`共 <strong>${targets.length}</strong> 项，第 1–${PAGE} 项`);
    expect(res.text).toContain('<nav class="pager" aria-label="翻页">');
  });

  it('regression: /targets rendered every row (21,000 at ×70, 1.4 s); pages of 200 now join up to the whole table', async () => {
    const pages = Math.ceil(targets.length / PAGE);
    const all: string[] = [];
    for (let p = 1; p <= pages; p++) {
      const res = await request(app).get(`/targets?page=${p}`).expect(200);
      all.push(...rowClauses(res.text));
      if (p < pages) expect(res.text).toContain(`<a rel="next" href="/targets?page=${p + 1}">`);
    }
    expect(all).toHaveLength(targets.length);
    const json = await api('');
    expect(all).toEqual(json.targets.map((t) => t.clause as string));
    // Past the last page: the last page, not an empty table; a sort link starts again at page 1.
    const past = await request(app)
      .get(`/targets?page=${pages + 5}&sort=year`)
      .expect(200);
    expect(rowClauses(past.text)).toHaveLength(targets.length - (pages - 1) * PAGE);
    expect(past.text).toContain('href="/targets?sort=year&amp;order=desc"');
    expect((await request(app).get('/targets?page=0').expect(400)).text).toContain('PARAM_INVALID');
  });

  it('filtered page lists only the matching rows, links each to its clause, and shows the province check', async () => {
    const res = await request(app).get('/targets').query({ indicator: 'non-fossil-share', year: '2025' }).expect(200);
    const expected = targets.filter((t) => t.indicator === 'non-fossil-share' && t.year === 2025);
    expect(bodyRows(res.text)).toBe(expected.length);
    for (const t of expected) expect(res.text).toContain(`href="/c/${encodeURIComponent(t.clause)}"`);
    expect(res.text).toContain('与省级持平');
    expect(res.text).toContain('高于省级');
    expect(res.text).toContain('低于省级');
    expect(res.text).toContain('<option value="non-fossil-share" selected>');
    expect(res.text).toContain('href="/targets/non-fossil-share"');
  });

  it('the CSV and JSON links carry the same filters and download the same rows', async () => {
    const query = `indicator=non-fossil-share&doc=${CHENGDU}&doc=${QUXIAN}&year=2025&sort=value&order=desc`;
    const res = await request(app).get(`/targets?${query}`).expect(200);
    const csvHref = unescapeHtml(/href="(\/targets\.csv[^"]*)"/u.exec(res.text)?.[1] ?? '');
    const jsonHref = unescapeHtml(/href="(\/targets\.json[^"]*)"/u.exec(res.text)?.[1] ?? '');
    for (const href of [csvHref, jsonHref]) {
      const params = new URL(href, ORIGIN).searchParams;
      expect(params.getAll('indicator')).toEqual(['non-fossil-share']);
      expect(params.getAll('doc')).toEqual([CHENGDU, QUXIAN]);
      expect(params.getAll('year')).toEqual(['2025']);
      expect(params.get('sort')).toBe('value');
      expect(params.get('order')).toBe('desc');
    }
    const expected = await api(`?${query}`);
    expect(expected.total).toBe(2);
    const json = await request(app).get(jsonHref).expect(200);
    expect(json.body).toEqual(expected);
    const csv = await request(app).get(csvHref).expect(200);
    const rows = parseCsv(csv.text.replace(/^\uFEFF/u, '')).slice(1);
    expect(rows.map((r) => r.at(-1))).toEqual(expected.targets.map((r) => r.permalink));
  });

  it('the empty form (全部指标, 全部年份) is no filter; sort links toggle the order and keep the filters', async () => {
    const res = await request(app).get('/targets?indicator=&year=').expect(200);
    expect(res.text).toContain(`共 <strong>${targets.length}</strong> 项`);
    const sorted = await request(app).get('/targets?indicator=non-fossil-share&sort=value').expect(200);
    expect(sorted.text).toContain('href="/targets?indicator=non-fossil-share&amp;sort=value&amp;order=desc"');
    expect(sorted.text).toContain('<input type="hidden" name="sort" value="value">');
    const values = [...sorted.text.matchAll(/<td class="figure">(\d+(?:\.\d+)?)/gu)].map((m) => Number(m[1]));
    expect(values.length).toBeGreaterThan(5);
    expect(values).toEqual([...values].sort((a, b) => a - b));
  });

  it('a bad filter is a 400 page naming the code', async () => {
    const res = await request(app).get('/targets?year=12').expect(400).expect('Content-Type', /html/u);
    expect(res.text).toContain('PARAM_INVALID');
    expect((await request(app).get('/targets?doc=nope').expect(400)).text).toContain('FILTER_UNKNOWN');
  });

  it('hostile input is a 400 with the value escaped, never echoed raw', async () => {
    const res = await request(app).get('/targets').query({ indicator: '<script>alert(1)</script>' }).expect(400);
    expect(res.text).toContain('FILTER_UNKNOWN');
    expect(res.text).not.toContain('<script>alert');
    expect(res.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const attr = await request(app).get('/targets').query({ doc: '"><img src=x onerror=alert(1)>' }).expect(400);
    expect(attr.text).not.toContain('<img src=x');
  });
});

describe('GET /targets/:indicator', () => {
  it('draws server-rendered bar charts; the 2025 chart has a bar link for each of the five jurisdictions', async () => {
    const res = await request(app).get('/targets/non-fossil-share').expect(200).expect('Content-Type', /html/u);
    expect(res.text).toContain('<h1>非化石能源消费比重</h1>');
    const figures = res.text
      .split('<figure class="chart">')
      .slice(1)
      .map((f) => f.split('</figure>')[0] as string);
    expect(figures.length).toBeGreaterThanOrEqual(1);
    for (const f of figures) expect(f).toContain('<svg');
    const chart2025 = figures.find((f) => /<figcaption>2025年 · 目标值/u.test(f));
    expect(chart2025).toBeDefined();
    const hrefs = [...(chart2025 as string).matchAll(/<a href="(\/c\/[^"]+)">/gu)].map((m) => m[1] as string);
    const docs = hrefs.map((h) => decodeURIComponent(h.slice('/c/'.length)).split('.')[0]);
    expect(docs).toEqual(ALL);
    for (const name of ['四川省', '成都市', '绵阳市', '乐山市', '渠县']) expect(chart2025).toContain(`>${name} `);
    // The province's figure is the dashed reference line.
    expect(chart2025).toContain('class="province-line"');
    expect(chart2025).toContain('省级 42');
  });

  it('filters on the page narrow the charts and rows (year=2030)', async () => {
    const res = await request(app).get('/targets/non-fossil-share?year=2030').expect(200);
    const captions = [...res.text.matchAll(/<figcaption>([^<]*)<\/figcaption>/gu)].map((m) => m[1]);
    expect(captions.length).toBeGreaterThan(0);
    expect(captions.every((c) => c?.startsWith('2030年'))).toBe(true);
    expect(res.text).toContain('href="/targets.csv?indicator=non-fossil-share&amp;year=2030"');
  });

  it('every /c/ link on the page answers 200', async () => {
    const res = await request(app).get('/targets/non-fossil-share').expect(200);
    const links = [...new Set([...res.text.matchAll(/href="(\/c\/[^"]+)"/gu)].map((m) => unescapeHtml(m[1] as string)))];
    const expected = new Set(targets.filter((t) => t.indicator === 'non-fossil-share').map((t) => `/c/${encodeURIComponent(t.clause)}`));
    for (const url of expected) expect(links).toContain(url);
    for (const url of links) await request(app).get(url).expect(200);
  });

  it('its download links are scoped to the indicator', async () => {
    const res = await request(app).get('/targets/renewable-capacity').expect(200);
    expect(res.text).toContain('href="/targets.csv?indicator=renewable-capacity"');
    expect(res.text).toContain('href="/targets.json?indicator=renewable-capacity"');
  });

  it('unknown indicator: 404 page in HTML, 400 FILTER_UNKNOWN in the API', async () => {
    const res = await request(app).get('/targets/nope').expect(404).expect('Content-Type', /html/u);
    expect(res.text).toContain('未找到指标');
    expect(res.text).toContain('INDICATOR_NOT_FOUND');
    const hostile = await request(app)
      .get(`/targets/${encodeURIComponent('<script>alert(1)</script>')}`)
      .expect(404);
    expect(hostile.text).not.toContain('<script>alert');
    const api404 = await request(app).get('/api/targets?indicator=nope').expect(400);
    expect(api404.body.error.code).toBe('FILTER_UNKNOWN');
  });
});

describe('downloads', () => {
  it('/targets.csv: BOM, attachment, header, one line per target, permalinks ending in the record url', async () => {
    const res = await request(app)
      .get('/targets.csv')
      .query({ indicator: 'non-fossil-share' })
      .expect(200)
      .expect('Content-Type', /text\/csv/u);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="targets-non-fossil-share\.csv"$/u);
    expect(res.text.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(res.text.slice(1));
    const header = rows[0] as string[];
    expect(header.slice(0, 4)).toEqual(['指标标识', '指标', '原文指标', '地区']);
    expect(header.slice(-3)).toEqual(['条款', '引用', '固定链接']);
    const api = await request(app).get('/api/targets').query({ indicator: 'non-fossil-share' }).expect(200);
    const records = api.body.targets as Rec[];
    expect(rows).toHaveLength(1 + records.length);
    expect(
      res.text
        .replace(/^\uFEFF/u, '')
        .trimEnd()
        .split('\r\n'),
    ).toHaveLength(1 + records.length);
    const col = (name: string) => header.indexOf(name);
    rows.slice(1).forEach((row, i) => {
      const r = records[i] as Rec;
      expect(row).toHaveLength(header.length);
      expect(row[0]).toBe('non-fossil-share');
      expect(row[col('目标（原文）')]).toBe(r.valueText);
      expect(row[col('目标年份')]).toBe(r.year === null ? '' : String(r.year));
      expect(row[col('地区')]).toBe(library.getDocument(r.doc)?.jurisdiction);
      expect(row.at(-1)?.endsWith(r.url)).toBe(true);
      expect(row.at(-1)).toBe(`${ORIGIN}${r.url}`);
    });
    const chengdu = rows.find((r) => r[col('地区')] === '成都市' && r[col('目标年份')] === '2025');
    expect(chengdu?.[col('与省级比较')]).toBe('与省级持平');
  });

  it('/targets.csv without filters has one line per target in the corpus', async () => {
    const res = await request(app).get('/targets.csv').expect(200);
    expect(res.headers['content-disposition']).toContain('attachment; filename="targets.csv"');
    const rows = parseCsv(res.text.replace(/^\uFEFF/u, ''));
    expect(rows).toHaveLength(1 + targets.length);
    expect(rows.every((r) => r.length === (rows[0] as string[]).length)).toBe(true);
  });

  it('/targets.json equals /api/targets for the same filters, as an attachment', async () => {
    for (const query of ['', `?indicator=renewable-capacity,non-fossil-share&level=city&sort=value&order=desc`, `?doc=${LESHAN}&year=2030`]) {
      const res = await request(app).get(`/targets.json${query}`).expect(200).expect('Content-Type', /json/u);
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="targets(-[a-z-]+)?\.json"$/u);
      expect(res.body).toEqual(await api(query));
    }
  });

  it('downloads reject bad filters like the API', async () => {
    expect((await request(app).get('/targets.csv?indicator=nope').expect(400)).text).toContain('FILTER_UNKNOWN');
    expect((await request(app).get('/targets.json?order=sideways').expect(400)).text).toContain('PARAM_INVALID');
  });
});
