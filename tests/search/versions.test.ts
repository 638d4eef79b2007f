// Versions of one plan: a draft and the issued text are linked by their titles apart from the
// stage; their diff finds exactly the edits made to a copy of 成都's plan (a clause deleted, one
// moved, one reworded, a figure changed) and nothing else; and a draft clause maps to its successor.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../src/config.js';
import type { AppError } from '../../src/errors.js';
import { ingestBytes, loadCorpus } from '../../src/ingest/corpus.js';
import type { CatalogEntry, DocumentMeta } from '../../src/ingest/types.js';
import { buildLibrary, type Library } from '../../src/library/library.js';
import { planKey, planVersions, successorOf, versionDiff, versionsOf } from '../../src/search/versions/versions.js';
import { createApp } from '../../src/web/app.js';
import { realIndicators, realTaxonomy, searcherFor } from '../helpers.js';

const source = fs.readFileSync(path.join(DEFAULTS.corpusDir, 'chengdu-carbon-peak-2024.txt'), 'utf8');
const line = (start: string) => source.split('\n').find((l) => l.startsWith(start)) as string;

const DELETED = line('2. 推进空间治理低碳转型');
const MOVED = line('15.加快提升建筑能效水平');
const REWORDED = line('8.全面壮大绿色低碳优势产业');
const FIGURE = line('“十四五”期间，全市经济绿色化');

function edited(): string {
  let text = source.replace(`${DELETED}\n`, '').replace(`${MOVED}\n`, '');
  text = text.replace(line('10.大力发展循环经济'), `${line('10.大力发展循环经济')}\n\n${MOVED}`);
  text = text.replace(REWORDED, REWORDED.replace('大力发展光伏产业', '加快发展光伏产业').replace('形成上中下游适配协调的产业集群', '形成上下游协同发展的产业集群'));
  return text.replace(FIGURE, FIGURE.replace('42% 左右', '45% 左右'));
}

const place = { jurisdiction: '成都市', adminCode: '510100', level: 'city' as const, parent: { name: '四川省', adminCode: '510000' }, issuer: '成都市人民政府', docNumber: null };
function version(id: string, options: { title: string; date: string; text: string }) {
  const entry: CatalogEntry = { file: `${id}.txt`, id, title: options.title, ...place, date: options.date, status: null };
  return ingestBytes({ name: entry.file, bytes: Buffer.from(options.text, 'utf8'), entry });
}

const draftText = source.replace('## 成都市碳达峰实施方案', '## 成都市碳达峰实施方案（征求意见稿）');
const library = buildLibrary(
  {
    documents: [version('cd-final', { title: '成都市碳达峰实施方案', date: '2024-03-13', text: edited() }), version('cd-draft', { title: '成都市碳达峰实施方案（征求意见稿）', date: '2023-10', text: draftText })],
    errors: [],
    warnings: [],
  },
  { indicators: realIndicators(), taxonomy: realTaxonomy() },
);
/** Clause text as the source prints it, spaces aside (the reader drops the space after 2.). */
const squeeze = (t: string) => t.replace(/\s/gu, '');
const textOf = (id: string | null) => (id ? squeeze(library.getClause(id)!.text) : '');

describe('versions are linked', () => {
  it('by the title without its stage, for one jurisdiction, draft first', () => {
    expect(planKey({ title: '成都市碳达峰实施方案（征求意见稿）', jurisdiction: '成都市', issuer: null })).toBe(planKey({ title: '成都市碳达峰实施方案', jurisdiction: '成都市', issuer: null }));
    expect(planKey({ title: '成都市碳达峰实施方案', jurisdiction: '绵阳市', issuer: null })).not.toBe(planKey({ title: '成都市碳达峰实施方案', jurisdiction: '成都市', issuer: null }));
    expect(planVersions(library, 'cd-final').map((d) => d.id)).toEqual(['cd-draft', 'cd-final']);
  });
});

describe('versions linked by the catalogue’s versionOf', () => {
  // Titles that differ by more than a stage word: only the catalogue can say they are one plan.
  const [planA, planB, planC] = [
    { file: 'a.txt', id: 'cd-plan', title: '成都市碳达峰实施方案', jurisdiction: '成都市', level: 'city' },
    { file: 'b.txt', id: 'cd-plan-2026', title: '成都市碳达峰行动方案（2026年调整）', jurisdiction: '成都市', level: 'city', versionOf: 'cd-plan' },
    { file: 'c.txt', id: 'cd-other', title: '成都市碳达峰实施方案（征求意见稿）', jurisdiction: '成都市', level: 'city', issuer: '成都市发展和改革委员会' },
  ] as const;
  function folder(documents: object[], files = ['a.txt', 'b.txt', 'c.txt']): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'versions-'));
    // Each file's text carries its catalogued title, as a published one would.
    for (const f of files) fs.writeFileSync(path.join(dir, f), f === 'b.txt' ? source.replace('## 成都市碳达峰实施方案', '## 成都市碳达峰行动方案（2026年调整）') : source);
    fs.writeFileSync(path.join(dir, 'catalog.json'), JSON.stringify({ documents }));
    return dir;
  }
  const libraryOf = async (dir: string) => buildLibrary(await loadCorpus({ corpusDir: dir }), { indicators: realIndicators(), taxonomy: realTaxonomy() });

  it('links two titles the stage rule would not, the earlier first, with no date to order them', async () => {
    const linked = await libraryOf(folder([planA, planB], ['a.txt', 'b.txt']));
    expect(planVersions(linked, 'cd-plan-2026').map((d) => d.id)).toEqual(['cd-plan', 'cd-plan-2026']);
    expect(versionDiff(linked, 'cd-plan', 'cd-plan-2026').counts).toMatchObject({ changed: 0, added: 0, removed: 0, moved: 0 });
    const unlinked = await libraryOf(folder([planA, { ...planB, versionOf: undefined }], ['a.txt', 'b.txt']));
    expect(planVersions(unlinked, 'cd-plan')).toEqual([]);
  });

  it('joins the groups it touches: a title-linked draft and a catalogue-linked revision are three versions of one plan', async () => {
    const all = await libraryOf(folder([planA, planB, { ...planC, issuer: null }]));
    expect(planVersions(all, 'cd-other').map((d) => d.id)).toEqual(['cd-other', 'cd-plan', 'cd-plan-2026']);
    // Without the link, a draft from another issuer is another plan.
    const apart = await libraryOf(folder([{ ...planA, issuer: '成都市人民政府' }, planC], ['a.txt', 'c.txt']));
    expect(planVersions(apart, 'cd-plan')).toEqual([]);
  });

  it('a versionOf naming no document in the corpus is a warning on that file, and links nothing', async () => {
    const corpus = await loadCorpus({ corpusDir: folder([planA, { ...planB, versionOf: 'cd-missing' }], ['a.txt', 'b.txt']) });
    expect(corpus.warnings).toContainEqual({ file: 'b.txt', code: 'WARNING', message: '目录中的 versionOf 指向语料中没有的文档，未链接版本：cd-missing' });
    expect(planVersions(buildLibrary(corpus, { indicators: realIndicators(), taxonomy: realTaxonomy() }), 'cd-plan-2026')).toEqual([]);
  });

  it('the link outranks the stage: a draft of the revision comes after the edition it revises', async () => {
    const draft = { ...planB, title: '成都市碳达峰行动方案（征求意见稿）' };
    const dir = folder([planA, draft], ['a.txt', 'b.txt']);
    fs.writeFileSync(path.join(dir, 'b.txt'), source.replace('## 成都市碳达峰实施方案', '## 成都市碳达峰行动方案（征求意见稿）'));
    const linked = await libraryOf(dir);
    expect(planVersions(linked, 'cd-plan').map((d) => d.id)).toEqual(['cd-plan', 'cd-plan-2026']);
    expect(successorOf(linked, linked.clausesOf('cd-plan').at(-1)!)).toMatchObject({ doc: 'cd-plan-2026' });
  });

  it('a cycle of versionOf is CATALOG_INVALID naming it', async () => {
    const err = await loadCorpus({ corpusDir: folder([{ ...planA, versionOf: 'cd-plan-2026' }, planB], ['a.txt', 'b.txt']) }).catch((e: unknown) => e);
    expect((err as AppError).code).toBe('CATALOG_INVALID');
    expect((err as AppError).message).toContain('cd-plan → cd-plan-2026 → cd-plan');
  });

  it('property: the order of a plan’s versions does not depend on the order the library lists them in', () => {
    const meta = (id: string, more: Partial<DocumentMeta>) => ({ id, title: '某市碳达峰实施方案', jurisdiction: '某市', issuer: null, date: null, status: null, versionOf: null, ...more }) as DocumentMeta;
    // Dated and undated versions together: by date alone the comparison is not transitive.
    const docs = [meta('x', { date: '2020-01' }), meta('z-a', { date: '2025-01' }), meta('b', { versionOf: 'z-a' }), meta('c', { title: '某市碳达峰实施方案（征求意见稿）' })];
    const orderOf = (list: DocumentMeta[]) =>
      versionsOf({ documents: list } as Library)
        .get('x')!
        .map((d) => d.id);
    const first = orderOf(docs);
    expect(first.indexOf('b')).toBeGreaterThan(first.indexOf('z-a'));
    fc.assert(
      fc.property(fc.shuffledSubarray(docs, { minLength: docs.length, maxLength: docs.length }), (shuffled) => {
        expect(orderOf(shuffled)).toEqual(first);
      }),
    );
  });

  it('a versionOf that is not a document id, or is the entry’s own, is CATALOG_INVALID naming the value', async () => {
    for (const bad of ['CD Plan', 42, 'cd-plan-2026']) {
      const err = await loadCorpus({ corpusDir: folder([planA, { ...planB, versionOf: bad }], ['a.txt', 'b.txt']) }).catch((e: unknown) => e);
      expect((err as AppError).code, String(bad)).toBe('CATALOG_INVALID');
      expect((err as AppError).message).toContain(String(bad));
    }
  });
});

describe('the diff of the generated pair finds every edit and nothing else', () => {
  const diff = versionDiff(library, 'cd-draft', 'cd-final');

  it('one removed, one moved, two changed, none added; every other clause the same', () => {
    expect(diff.counts).toMatchObject({ removed: 1, moved: 1, changed: 2, added: 0 });
    expect(diff.counts.same).toBe(library.clausesOf('cd-draft').filter((c) => c.kind !== 'notice').length - 4);
  });

  it('each edit is the one made', () => {
    const of = (change: string) => diff.clauses.filter((c) => c.change === change);
    expect(textOf(of('removed')[0]!.before)).toBe(squeeze(DELETED));
    expect(textOf(of('moved')[0]!.after)).toBe(squeeze(MOVED));
    expect(
      of('changed')
        .map((c) => textOf(c.before))
        .sort(),
    ).toEqual([FIGURE, REWORDED].map(squeeze).sort());
  });

  it('the changed figure is called out: 42%左右 → 45%左右', () => {
    const changes = diff.clauses.flatMap((c) => c.targets);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ indicator: 'non-fossil-share', year: 2025 });
    expect(changes[0]!.from.replace(/\s/gu, '')).toBe('42%左右');
    expect(changes[0]!.to.replace(/\s/gu, '')).toBe('45%左右');
  });

  it('a draft clause maps to its successor; a deleted one to none', () => {
    const draft = (text: string) => library.clausesOf('cd-draft').find((c) => squeeze(c.text) === squeeze(text))!;
    const moved = successorOf(library, draft(MOVED));
    expect(moved).toMatchObject({ doc: 'cd-final', change: 'moved' });
    expect(textOf(moved!.clause)).toBe(squeeze(MOVED));
    expect(successorOf(library, draft(DELETED))).toBeNull();
    expect(successorOf(library, library.clausesOf('cd-final')[5]!)).toBeNull();
  });
});

describe('the version page, the API and the permalinks', () => {
  const app = createApp({ library, searcher: searcherFor(library), rateLimitPerMinute: 0 });

  it('the version page lists each edit with its change, the figure called out, and counts the rest', async () => {
    const html = (await request(app).get('/versions/cd-draft/cd-final').expect(200)).text;
    expect(html.match(/<li class="version-row /gu)).toHaveLength(4);
    expect(html).toContain('<span class="change-tag change-removed">删除</span>');
    expect(html).toContain('<span class="change-tag change-moved">移动</span>');
    expect(html).toMatch(/非化石能源消费比重（2025 年）：42\s?%\s?左右 → 45\s?%\s?左右/u);
    expect(html).toMatch(/<del>[^<]*大力[^<]*<\/del>/u);
    const api = (await request(app).get('/api/versions/cd-draft/cd-final').expect(200)).body;
    expect(api.rows.map((r: { change: string }) => r.change).sort()).toEqual(['changed', 'changed', 'moved', 'removed']);
  });

  it('the API carries the same: a document’s versions, and a draft clause’s successor', async () => {
    const doc = (await request(app).get('/api/docs/cd-final').expect(200)).body;
    expect(doc.versions.map((v: { id: string; current: boolean }) => [v.id, v.current])).toEqual([
      ['cd-draft', false],
      ['cd-final', true],
    ]);
    expect(doc.versions[0].compareUrl).toBe('/versions/cd-draft/cd-final');
    const moved = library.clausesOf('cd-draft').find((c) => squeeze(c.text) === squeeze(MOVED))!;
    const clause = (await request(app).get(`/api/clauses/${moved.id}`).expect(200)).body;
    expect(clause.successor).toMatchObject({ id: successorOf(library, moved)!.clause, doc: 'cd-final', change: 'moved', changeLabel: '移动' });
    const deleted = library.clausesOf('cd-draft').find((c) => squeeze(c.text) === squeeze(DELETED))!;
    expect((await request(app).get(`/api/clauses/${deleted.id}`).expect(200)).body.successor).toBeNull();
  });

  it('each version’s page links the other; a draft clause’s page points to its successor', async () => {
    expect((await request(app).get('/docs/cd-draft').expect(200)).text).toContain('href="/versions/cd-draft/cd-final"');
    expect((await request(app).get('/docs/cd-final').expect(200)).text).toContain('href="/versions/cd-draft/cd-final"');
    const moved = library.clausesOf('cd-draft').find((c) => squeeze(c.text) === squeeze(MOVED))!;
    const html = (await request(app).get(`/c/${moved.id}`).expect(200)).text;
    expect(html).toContain(`href="/c/${successorOf(library, moved)!.clause}"`);
    expect(html).toContain('（移动）');
  });

  it('two documents that are not versions of one plan, or in the wrong order: 404 VERSIONS_NOT_LINKED naming them', async () => {
    const wrong = await request(app).get('/api/versions/cd-final/cd-draft').expect(404);
    expect(wrong.body.error.code).toBe('VERSIONS_NOT_LINKED');
    expect(wrong.body.error.message).toContain('cd-final');
    expect((await request(app).get('/versions/cd-draft/nope').expect(404)).text).toContain('DOC_NOT_FOUND');
  });
});
