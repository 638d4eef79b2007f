// The vertical check along the jurisdiction tree: a county against its city, its province and the
// nation, a city against its province and the nation, a province against the nation, wherever
// the library holds those plans; found through admin codes (the division table), else names.
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { ingestBytes } from '../../src/ingest/corpus.js';
import type { CatalogEntry } from '../../src/ingest/types.js';
import { createApp } from '../../src/web/app.js';
import { searcherFor } from '../helpers.js';
import type { DocumentMeta } from '../../src/ingest/types.js';
import { jurisdictionsAbove, plansAbove, provinceChecks, provinceOf, verticalChecks, type LevelCheck } from '../../src/search/targets/index.js';
import { VERTICAL_DOCS, verticalLibrary } from '../fixtures/vertical-library.js';

const library = verticalLibrary();
const checks = verticalChecks(library);
const meta = (id: string) => library.getDocument(id) as DocumentMeta;
/** The checks of a document's non-fossil share: [level, jurisdiction, their document, relation, ambition]. */
const shareChecks = (doc: string, lib = library, all = checks) => {
  const t = lib.enrichment.targets.find((x) => x.doc === doc && x.indicator === 'non-fossil-share');
  if (!t) throw new Error(`no share in ${doc}`);
  return (all.get(t.id) ?? []).map((c: LevelCheck) => [c.level, c.jurisdiction, c.target.doc, c.relation, c.ambition]);
};

describe('the jurisdictions above a document', () => {
  it('a county: the nation, its province and its city, from its admin code', () => {
    expect(jurisdictionsAbove(meta('quxian-plan'))).toEqual([
      { level: 'national', name: '国家', code: null },
      { level: 'province', name: '四川省', code: '510000' },
      { level: 'city', name: '达州市', code: '511700' },
    ]);
    expect(jurisdictionsAbove(meta('sichuan-plan')).map((j) => j.name)).toEqual(['国家']);
    expect(jurisdictionsAbove(meta('nation-plan'))).toEqual([]);
  });

  it('without codes, from the names its parent carries', () => {
    expect(jurisdictionsAbove(meta('beishi-plan'))).toEqual([
      { level: 'national', name: '国家', code: null },
      { level: 'province', name: '四川省', code: null },
    ]);
  });

  it('only levels whose plans the library holds, each with all its plans', () => {
    expect(plansAbove(library, meta('anzhou-plan')).map((j) => [j.level, j.docs.map((d) => d.id)])).toEqual([
      ['national', ['nation-plan']],
      ['province', ['sichuan-a-notice', 'sichuan-plan']],
    ]);
    expect(plansAbove(library, meta('zhengding-plan')).map((j) => j.level)).toEqual(['national']);
  });
});

describe('verticalChecks', () => {
  it('a county against its city, its province and the nation, nation first', () => {
    expect(shareChecks('quxian-plan')).toEqual([
      ['national', '国家', 'nation-plan', 'above', 'stricter'],
      ['province', '四川省', 'sichuan-plan', 'below', 'looser'],
      ['city', '达州市', 'dazhou-plan', 'below', 'looser'],
    ]);
  });

  it('a city against its province and the nation, never against another city', () => {
    expect(shareChecks('chengdu-plan')).toEqual([
      ['national', '国家', 'nation-plan', 'above', 'stricter'],
      ['province', '四川省', 'sichuan-plan', 'above', 'stricter'],
    ]);
    expect(shareChecks('dazhou-plan').map(([level]) => level)).toEqual(['national', 'province']);
  });

  it('a county whose city has no plan skips that level; another province’s county meets only the nation', () => {
    expect(shareChecks('anzhou-plan').map(([level, , , relation]) => [level, relation])).toEqual([
      ['national', 'above'],
      ['province', 'above'],
    ]);
    expect(shareChecks('zhengding-plan')).toEqual([['national', '国家', 'nation-plan', 'above', 'stricter']]);
  });

  it('a province against the nation; the nation against nothing', () => {
    expect(shareChecks('sichuan-plan')).toEqual([['national', '国家', 'nation-plan', 'above', 'stricter']]);
    expect(shareChecks('nation-plan')).toEqual([]);
  });

  it('a city known only by its parent’s name still meets its province', () => {
    expect(shareChecks('beishi-plan').map(([level, , doc, relation]) => [level, doc, relation])).toEqual([
      ['national', 'nation-plan', 'above'],
      ['province', 'sichuan-plan', 'equal'],
    ]);
  });

  it('a reduction compares with the same measure at every level', () => {
    const t = library.enrichment.targets.find((x) => x.doc === 'quxian-plan' && x.indicator === 'co2-per-gdp');
    expect(checks.get(t!.id)?.map((c) => [c.level, c.target.valueText, c.relation])).toEqual([
      ['national', '10%', 'above'],
      ['province', '21%', 'below'],
      ['city', '20%', 'below'],
    ]);
  });

  it('without the nation’s and the city’s plans, the county meets its province alone, as before', () => {
    const lib = verticalLibrary(VERTICAL_DOCS.filter((d) => !['nation-plan', 'dazhou-plan'].includes(d.meta.id)));
    expect(shareChecks('quxian-plan', lib, verticalChecks(lib))).toEqual([['province', '四川省', 'sichuan-plan', 'below', 'looser']]);
  });

  it('provinceChecks and provinceOf keep their answers: the province’s figure and its first plan', () => {
    const t = library.enrichment.targets.find((x) => x.doc === 'quxian-plan' && x.indicator === 'non-fossil-share');
    expect(provinceChecks(library).get(t!.id)).toMatchObject({ province: { doc: 'sichuan-plan', valueText: '42%左右' }, relation: 'below', ambition: 'looser' });
    expect(provinceOf(library, meta('quxian-plan'))?.id).toBe('sichuan-a-notice');
    expect(provinceOf(library, meta('sichuan-plan'))).toBeNull();
    expect(provinceOf(library, meta('zhengding-plan'))).toBeNull();
  });
});

describe('how binding each figure is', () => {
  /** A plan whose share sentence opens with a modal word (确保, 力争) or none. */
  const graded = (id: string, place: Pick<CatalogEntry, 'jurisdiction' | 'adminCode' | 'level' | 'parent'>, sentence: string) => {
    const title = `${place.jurisdiction}碳达峰实施方案`;
    const entry: CatalogEntry = { file: `${id}.txt`, id, title, ...place, issuer: null, docNumber: null, date: '2022-06', status: null };
    return ingestBytes({ name: entry.file, bytes: Buffer.from(`${title}\n\n一、主要目标\n\n（一）能源结构。${sentence}\n`, 'utf8'), entry });
  };
  const SICHUAN = { name: '四川省', adminCode: '510000' };
  const lib = verticalLibrary([
    graded('sichuan-plan', { jurisdiction: '四川省', adminCode: '510000', level: 'province', parent: null }, '确保到2025年，非化石能源消费比重达到42%。'),
    graded('chengdu-plan', { jurisdiction: '成都市', adminCode: '510100', level: 'city', parent: SICHUAN }, '力争到2025年，非化石能源消费比重达到45%。'),
    graded('dazhou-plan', { jurisdiction: '达州市', adminCode: '511700', level: 'city', parent: SICHUAN }, '到2025年，非化石能源消费比重确保达到40%。'),
    graded('quxian-plan', { jurisdiction: '渠县', adminCode: '511725', level: 'county', parent: { name: '达州市', adminCode: '511700', province: '四川省' } }, '到2025年，非化石能源消费比重达到30%。'),
  ]);
  const all = verticalChecks(lib);
  const share = (doc: string) => lib.enrichment.targets.find((t) => t.doc === doc && t.indicator === 'non-fossil-share')!;

  it('each target carries the grade of the words governing its figure', () => {
    expect(['sichuan-plan', 'chengdu-plan', 'dazhou-plan', 'quxian-plan'].map((d) => share(d).obligation)).toEqual(['binding', 'strive', 'binding', null]);
  });

  it('a city’s 力争 under the province’s 约束性 is flagged softer; the same grade, or a plan that does not say, is not', () => {
    const softer = (doc: string) => (all.get(share(doc).id) ?? []).map((c) => [c.jurisdiction, c.softer]);
    expect(softer('chengdu-plan')).toEqual([['四川省', true]]);
    expect(softer('dazhou-plan')).toEqual([['四川省', false]]);
    expect(softer('quxian-plan')).toEqual([
      ['四川省', false],
      ['达州市', false],
    ]);
  });

  it('the targets page and its download show the grade and the flag', async () => {
    const app = createApp({ library: lib, searcher: searcherFor(lib), rateLimitPerMinute: 0 });
    const html = (await request(app).get('/targets?indicator=non-fossil-share').expect(200)).text;
    expect(html).toContain('<span class="grade-tag grade-strive"');
    expect(html).toContain('约束弱于上级');
    const csv = (await request(app).get('/targets.csv?indicator=non-fossil-share').expect(200)).text;
    const rows = csv.trim().split('\r\n');
    const header = rows[0]!.replace('\uFEFF', '').split(',');
    const chengdu = rows.find((r) => r.includes('成都市'))!.split(',');
    expect(chengdu[header.indexOf('约束程度')]).toBe('力争');
    expect(chengdu[header.indexOf('与省级比较')]).toContain('约束弱于上级');
    const api = (await request(app).get('/api/targets?indicator=non-fossil-share').expect(200)).body;
    expect(JSON.stringify(api)).toContain('"obligation":"strive"');
  });
});
