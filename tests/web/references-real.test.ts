// Exports of three published PDFs of ../shared/corpus-real, read back by independent readers:
// RIS and BibLaTeX through citation-js and @retorquere/bibtex-parser, CSL-JSON against the CSL
// schema (tests/fixtures/csl-data.schema.json) and through citation-js, and the search workbook
// through exceljs. The three differ in what a citation must carry: a cover notice naming the plan
// in 《》, two joint issuers from two provinces, and a 实施意见 whose 文号 is its own.
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { Ajv } from 'ajv';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { ingestPath } from '../../src/ingest/corpus.js';
import type { DocumentMeta } from '../../src/ingest/types.js';
import { buildLibrary, type Library } from '../../src/library/library.js';
import { citeClause, citeDocument, type DocumentCitation } from '../../src/present/citation.js';
import { createApp } from '../../src/web/app.js';
import { realCorpus, realLibrary, searcherFor } from '../helpers.js';
import { asCsl, authorName, column, workbookOf, type CslItem } from './read-back.js';

const REAL = path.join(PROJECT_ROOT, '..', 'shared', 'corpus-real');
const FILES = {
  bazhong: '125、巴中市“十四五”生态环境保护规划.pdf',
  chengyu: '57、成渝地区双城经济圈碳达峰碳中和联合行动方案.pdf',
  greening: '164、四川省关于科学绿化的实施意见.pdf',
};
const ORIGIN = 'https://policy.example.org';
const SETTINGS = { origin: ORIGIN, today: '2026-11-30', edition: '2025' as const };
const schema = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../fixtures/csl-data.schema.json'), 'utf8')) as object;
const validCsl = new Ajv({ allErrors: true, strict: false }).compile(schema);

let library: Library;
let app: ReturnType<typeof createApp>;
const docs: Record<keyof typeof FILES, DocumentMeta> = {} as never;

beforeAll(async () => {
  const cacheDir = path.join(PROJECT_ROOT, '.cache', 'test-extracted');
  const bundled = realCorpus();
  const pdfs = await Promise.all(Object.values(FILES).map((file) => ingestPath({ file: path.join(REAL, file), cacheDir })));
  library = buildLibrary({ ...bundled, documents: [...bundled.documents, ...pdfs] });
  for (const [key, file] of Object.entries(FILES)) docs[key as keyof typeof FILES] = library.documents.find((d) => d.sourceFile === file)!;
  app = createApp({ library, searcher: searcherFor(library), today: () => '2026-11-30', publicOrigin: ORIGIN, rateLimitPerMinute: 0 });
}, 180_000);

const cited = (key: keyof typeof FILES) => citeDocument(library, docs[key], SETTINGS);
/** The first clause of the plan itself (past the cover notice) that opens with a phrase: what a researcher cites. */
const clauseOf = (key: keyof typeof FILES) => library.clausesOf(docs[key].id).find((c) => c.kind !== 'notice' && c.lead)!;

describe('three published PDFs: the GB/T 7714-2025 entries, written out by hand', () => {
  it('a cover notice naming the plan in 《》; joint issuers; a 实施意见 with its own 文号', () => {
    expect(cited('bazhong').gbt).toBe(`巴中市人民政府.巴中市人民政府关于印发《巴中市“十四五”生态环境保护规划》的通知：巴府发〔2021〕19号[EB/OL].（2021-12-20）[2026-11-30].${ORIGIN}/docs/${docs.bazhong.id}.`);
    expect(cited('chengyu').issuers).toEqual(['重庆市人民政府办公厅', '四川省人民政府办公厅']);
    expect(cited('chengyu').gbt).toBe(
      `重庆市人民政府办公厅，四川省人民政府办公厅.重庆市人民政府办公厅四川省人民政府办公厅关于印发成渝地区双城经济圈碳达峰碳中和联合行动方案的通知：渝府办发〔2022〕22号[EB/OL].（2022-02-15）[2026-11-30].${ORIGIN}/docs/${docs.chengyu.id}.`,
    );
    expect(cited('greening').coverNotice).toBeNull();
    expect(cited('greening').gbt).toBe(`四川省人民政府办公厅.四川省人民政府办公厅关于科学绿化的实施意见：川办发〔2022〕30号[EB/OL].（2022-03-12）[2026-11-30].${ORIGIN}/docs/${docs.greening.id}.`);
  });
});

const workTitle = (c: DocumentCitation) => c.coverNotice?.title ?? c.title;
const workNumber = (c: DocumentCitation) => c.coverNotice?.docNumber ?? c.docNumber;

describe('three published PDFs round-trip through every export', () => {
  for (const key of Object.keys(FILES) as (keyof typeof FILES)[]) {
    it(`${key}: RIS through citation-js, document and clause`, async () => {
      const expected = cited(key);
      const [item] = asCsl((await request(app).get(`/references.ris?doc=${docs[key].id}`).expect(200)).text, '@ris/file');
      expect(item?.title).toBe(workTitle(expected));
      expect(item?.author?.map(authorName)).toEqual(expected.issuers);
      expect(item?.number).toBe(workNumber(expected));
      expect(item?.issued?.['date-parts'][0]?.[0]).toBe(Number(expected.date?.slice(0, 4)));
      expect(item?.URL).toBe(expected.url);
      const clause = citeClause(library, clauseOf(key), SETTINGS);
      const [c] = asCsl((await request(app).get(`/references.ris?clause=${clause.clauseId}`).expect(200)).text, '@ris/file');
      expect(c?.section).toBe(clause.pinpoint);
      expect(c?.abstract).toBe(clause.quote.replace(/\s+/gu, ' ').trim());
      expect(c?.URL).toBe(clause.clausePermalink);
    });

    it(`${key}: BibLaTeX through @retorquere/bibtex-parser and citation-js`, async () => {
      const expected = cited(key);
      const text = (await request(app).get(`/references.bib?doc=${docs[key].id}`).expect(200)).text;
      const { entries, errors } = parseBibtex(text);
      expect(errors).toEqual([]);
      const fields = entries[0]?.fields;
      expect(fields?.title).toBe(workTitle(expected));
      expect((fields?.author as { name?: string }[]).map((a) => a.name)).toEqual(expected.issuers);
      expect(fields?.subtitle).toBe(workNumber(expected));
      expect(fields?.date).toBe(expected.date);
      expect(fields?.url).toBe(expected.url);
      expect(asCsl(text, '@biblatex/text')[0]?.author?.map(authorName)).toEqual(expected.issuers);
      const clause = citeClause(library, clauseOf(key), SETTINGS);
      const [entry] = parseBibtex((await request(app).get(`/references.bib?clause=${clause.clauseId}`).expect(200)).text).entries;
      expect(entry?.fields.note).toBe(clause.pinpoint);
      expect(entry?.fields.url).toBe(clause.clausePermalink);
    });

    it(`${key}: CSL-JSON valid against the CSL schema, fields as the model`, async () => {
      const expected = cited(key);
      const items = JSON.parse((await request(app).get(`/references.json?doc=${docs[key].id}`).expect(200)).text) as CslItem[];
      expect(validCsl(items), JSON.stringify(validCsl.errors)).toBe(true);
      expect(items[0]).toMatchObject({ title: workTitle(expected), number: workNumber(expected), URL: expected.url, author: expected.issuers.map((literal) => ({ literal })) });
      const clause = citeClause(library, clauseOf(key), SETTINGS);
      const [c] = JSON.parse((await request(app).get(`/references.json?clause=${clause.clauseId}`).expect(200)).text) as CslItem[];
      expect(validCsl([c])).toBe(true);
      expect(c).toMatchObject({ section: clause.pinpoint, abstract: clause.quote, URL: clause.clausePermalink });
    });

    it(`${key}: the search workbook through exceljs: every hit in the document, pinpoints and permalinks`, async () => {
      const clause = citeClause(library, clauseOf(key), SETTINGS);
      const query = `q=${encodeURIComponent(`"${clauseOf(key).lead}"`)}&doc=${docs[key].id}`;
      const total = (await request(app).get(`/api/search?${query}&limit=1`).expect(200)).body.total as number;
      const sheet = (await workbookOf(app, `/search.xlsx?${query}`)).getWorksheet('检索结果')!;
      expect(total).toBeGreaterThan(0);
      expect(sheet.rowCount - 1).toBe(total);
      const links = sheet.getColumn(column(sheet, '固定链接')).values.slice(2) as { hyperlink: string }[];
      expect(links.map((l) => l.hyperlink)).toContain(clause.clausePermalink);
      const row = links.findIndex((l) => l.hyperlink === clause.clausePermalink) + 2;
      expect(sheet.getRow(row).getCell(column(sheet, '条款位置')).value).toBe(clause.pinpoint);
      expect(sheet.getRow(row).getCell(column(sheet, '引用')).value).toBe(clause.inText);
    });
  }
});

describe('the CSL schema', () => {
  it('every bundled plan and a whole result set validate; an item with a key CSL does not have does not', async () => {
    const bundled = createApp({ library: realLibrary(), searcher: searcherFor(realLibrary()), today: () => '2026-11-30', publicOrigin: ORIGIN, rateLimitPerMinute: 0 });
    for (const meta of realLibrary().documents) {
      const items = JSON.parse((await request(bundled).get(`/references.json?doc=${meta.id}`).expect(200)).text) as unknown;
      expect(validCsl(items), meta.id).toBe(true);
    }
    const all = JSON.parse((await request(app).get('/references.json?q=碳达峰').expect(200)).text) as CslItem[];
    expect(all.length).toBeGreaterThan(20);
    expect(validCsl(all), JSON.stringify(validCsl.errors?.slice(0, 3))).toBe(true);
    expect(validCsl([{ ...all[0], docNumber: 'x' }])).toBe(false);
    expect(validCsl([{ ...all[0], type: 'government-document' }])).toBe(false);
  });
});
