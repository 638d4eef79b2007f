// The documents' identity as facet values (region, issuer, type, status, year of issue), worked
// out once per library, and as filters in the search engine, the document selection and the
// parameter checks; levels national → province → city → county wherever they are ordered.
import { describe, expect, it } from 'vitest';
import { parseCliArgs, asParams } from '../../src/cli/args.js';
import { selectDocuments } from '../../src/search/documents.js';
import type { Filters } from '../../src/search/types.js';
import { readParams } from '../../src/request/params.js';
import { searchParams } from '../../src/request/search.js';
import { targetSelectionFrom } from '../../src/request/targets.js';
import { parseQuery } from '../../src/search/query.js';
import { selectTargets } from '../../src/search/targets/index.js';
import { errorCode, searcherFor } from '../helpers.js';
import { identityLibrary, inferredId, SHARED_TERM } from '../identity-fixture.js';

const library = identityLibrary();
const searcher = searcherFor(library);
const GUOWUYUAN = inferredId(library);
const NONE: Filters = { docs: [], levels: [] };
const search = (filters: Filters = NONE, q = SHARED_TERM) => searcher.search({ query: parseQuery(q), filters, limit: 100, offset: 0 });
const docsOf = (filters: Filters) => search(filters).hits.map((h) => h.entry.clause.docId);

describe('facet values per document, worked out once', () => {
  it('the plan without a catalogue entry is inferred national, region 全国', () => {
    expect(library.getDocument(GUOWUYUAN)).toMatchObject({ level: 'national', jurisdiction: '国家', issuer: '国务院' });
    expect(library.docFacets.of(GUOWUYUAN)).toEqual({ region: ['全国'], issuer: ['国务院'], type: ['行动方案'], status: [], issued: ['2021'] });
  });

  it('region is the province of the admin code (a county through its city), 全国 for national', () => {
    const region = (id: string) => library.docFacets.of(id).region;
    expect(region('nea-renewables')).toEqual(['全国']);
    expect(region('zhejiang-peak')).toEqual(['浙江省']);
    expect(region('chengdu-opinions')).toEqual(['四川省']);
    expect(region('quxian-peak')).toEqual(['四川省']);
  });

  it('a joint document lists each organ; the year comes from a full or year-month date', () => {
    expect(library.docFacets.of('nea-renewables')).toMatchObject({ issuer: ['国家发展改革委', '国家能源局'], issued: ['2021'], type: ['规划'] });
    expect(library.docFacets.of('chengdu-opinions')).toMatchObject({ issuer: ['成都市发展和改革委员会', '四川省人民政府'], status: ['征求意见稿'], type: ['意见'], issued: ['2023'] });
  });

  it('values are listed national first: regions 全国 then by code, issuers in library order, years newest first', () => {
    const { values } = library.docFacets;
    expect(values.region).toEqual(['全国', '浙江省', '四川省']);
    expect(values.issuer.slice(0, 3)).toEqual(['国务院', '国家发展改革委', '国家能源局']);
    expect(values.issued).toEqual(['2024', '2023', '2022', '2021']);
    expect(values.status.sort()).toEqual(['征求意见稿', '试行'].sort());
  });
});

describe('levels are ordered national → province → city → county', () => {
  it('in the library, so ranking ties put the national plans first', () => {
    expect(library.documents.map((d) => d.level)).toEqual(['national', 'national', 'province', 'province', 'city', 'county']);
    const hits = search().hits;
    expect(new Set(hits.map((h) => h.score)).size).toBe(1);
    expect(hits.map((h) => library.getDocument(h.entry.clause.docId)?.level)).toEqual(['national', 'national', 'province', 'province', 'city', 'county']);
  });

  it('in the level facet of search and of the document list', () => {
    expect(search().facets.level.map((f) => f.value)).toEqual(['national', 'province', 'city', 'county']);
    expect(selectDocuments(library, { levels: [] }).facets.level).toEqual([
      { value: 'national', count: 2 },
      { value: 'province', count: 2 },
      { value: 'city', count: 1 },
      { value: 'county', count: 1 },
    ]);
  });
});

describe('search filters by identity', () => {
  it.each<[string, Filters, string[]]>([
    ['region 全国', { ...NONE, regions: ['全国'] }, [GUOWUYUAN, 'nea-renewables']],
    ['region 四川省', { ...NONE, regions: ['四川省'] }, ['sichuan-peak', 'chengdu-opinions', 'quxian-peak']],
    ['level national', { ...NONE, levels: ['national'] }, [GUOWUYUAN, 'nea-renewables']],
    ['an organ of a joint document', { ...NONE, issuers: ['国家能源局'] }, ['nea-renewables']],
    ['an organ that issued alone and jointly', { ...NONE, issuers: ['四川省人民政府'] }, ['sichuan-peak', 'chengdu-opinions']],
    ['type', { ...NONE, types: ['实施方案'] }, ['zhejiang-peak', 'sichuan-peak', 'quxian-peak']],
    ['status', { ...NONE, statuses: ['试行', '征求意见稿'] }, ['chengdu-opinions', 'quxian-peak']],
    ['year of issue', { ...NONE, issued: ['2021', '2024'] }, [GUOWUYUAN, 'nea-renewables', 'quxian-peak']],
    ['region and type together', { ...NONE, regions: ['四川省'], types: ['实施方案'] }, ['sichuan-peak', 'quxian-peak']],
    ['a year no document has', { ...NONE, issued: ['1999'] }, []],
  ])('%s', (_name, filters, expected) => {
    expect(docsOf(filters)).toEqual(expected);
  });

  it('facets count each dimension as if its own filter were off, and a joint document under each organ', () => {
    const outcome = search({ ...NONE, regions: ['四川省'] });
    expect(outcome.total).toBe(3);
    expect(outcome.facets.region).toEqual([
      { value: '全国', count: 2 },
      { value: '浙江省', count: 1 },
      { value: '四川省', count: 3 },
    ]);
    expect(outcome.facets.issuer).toEqual([
      { value: '四川省人民政府', count: 2 },
      { value: '成都市发展和改革委员会', count: 1 },
      { value: '渠县人民政府', count: 1 },
    ]);
    expect(outcome.facets.issued).toEqual([
      { value: '2024', count: 1 },
      { value: '2023', count: 1 },
      { value: '2022', count: 1 },
    ]);
  });
});

describe('documents and targets filter the same way', () => {
  it('selectDocuments keeps library order and counts documents', () => {
    const picked = selectDocuments(library, { levels: ['national', 'county'], issued: ['2021', '2024'] });
    expect(picked.docs.map((d) => d.id)).toEqual([GUOWUYUAN, 'nea-renewables', 'quxian-peak']);
    expect(picked.facets.type).toEqual([
      { value: '规划', count: 1 },
      { value: '实施方案', count: 1 },
      { value: '行动方案', count: 1 },
    ]);
  });

  it('targets narrow to the documents whose identity passes', () => {
    const all = selectTargets(library, targetSelectionFrom({}, library)).targets;
    expect(new Set(all.map((t) => t.doc)).size).toBe(6);
    expect([...new Set(selectTargets(library, targetSelectionFrom({ region: ['全国'] }, library)).targets.map((t) => t.doc))].sort()).toEqual([GUOWUYUAN, 'nea-renewables'].sort());
    expect(selectTargets(library, targetSelectionFrom({ status: ['试行'], issued: ['2024'] }, library)).targets.map((t) => t.doc)).toEqual(['quxian-peak']);
    expect(selectTargets(library, targetSelectionFrom({ level: ['national'], issuer: ['国家能源局'] }, library)).targets.map((t) => t.doc)).toEqual(['nea-renewables']);
  });
});

describe('parameter checks', () => {
  it.each([
    ['region', '火星省', '语料中没有这个地区'],
    ['issuer', '不存在的机关', '语料中没有这个发文机关'],
    ['type', '公报', '语料中没有这种文档类型'],
    ['status', '已作废', '语料中没有这种状态'],
  ])('an unknown %s is FILTER_UNKNOWN', (name, value, hint) => {
    expect(errorCode(() => searchParams({ q: '碳', [name]: value }, library))).toBe('FILTER_UNKNOWN');
    expect(() => searchParams({ q: '碳', [name]: value }, library)).toThrow(`${name}=${value}（${hint}）`);
  });

  it('a year of issue must be a year', () => {
    expect(errorCode(() => searchParams({ q: '碳', issued: '20x1' }, library))).toBe('PARAM_INVALID');
    expect(errorCode(() => readParams('docs', { issued: '1800' }, { strict: true }))).toBe('PARAM_INVALID');
  });

  it('the CLI takes --level national and the identity options, repeatable', () => {
    const args = parseCliArgs(['光伏', '--level', 'national', '--region', '全国', '--issuer', '国务院', '--issuer', '国家能源局', '--issued=2021']);
    const p = searchParams({ ...asParams(args.values), q: args.query.join(' ') }, library);
    expect(p.filters).toMatchObject({ levels: ['national'], regions: ['全国'], issuers: ['国务院', '国家能源局'], issued: ['2021'] });
    expect(searcher.search(p).hits.map((h) => h.entry.clause.docId)).toEqual([GUOWUYUAN, 'nea-renewables']);
  });
});
