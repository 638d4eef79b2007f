// What each of the 86 published PDFs is, read from its own pages with no catalogue: accuracy per
// field against the dataset authors' labels (the figures npm run eval:identity prints), and single
// fields pinned on real pages: a cover notice with its 文号, a joint issuer, an 自治州, a 新区, a
// national ministry, a date in Chinese numerals and a scanned-style 文号 in square brackets.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { evaluateIdentity, type Field, type IdentityReport } from '../../scripts/eval/identity.js';
import { ingestPath } from '../../src/ingest/corpus.js';
import type { DocumentMeta, ParsedDocument } from '../../src/ingest/types.js';

const REAL = path.join(PROJECT_ROOT, '..', 'shared', 'corpus-real');

let report: IdentityReport;

beforeAll(async () => {
  report = await evaluateIdentity({ dir: REAL, labels: path.join(REAL, 'expected.json') });
}, 600_000);

function doc(prefix: string): ParsedDocument {
  const found = [...report.documents.values()].find((d) => d.meta.file.startsWith(prefix));
  if (!found) throw new Error(`no document ${prefix}`);
  return found;
}

const meta = (prefix: string): DocumentMeta => doc(prefix).meta;

/** Share of the documents whose text prints the label's value that the engine read right. */
function printedAccuracy(field: Field): number {
  const printed = report.rows.filter((r) => r.printed[field] === true);
  return printed.filter((r) => r.ok[field]).length / printed.length;
}

describe("identity of the 86 published PDFs, against the dataset authors' labels", () => {
  it('titles, provinces, cities and levels agree for at least 95% of the documents', () => {
    for (const field of ['title', 'province', 'city', 'level'] as const) expect(report.accuracy[field], field).toBeGreaterThanOrEqual(0.95);
  });

  it('dates agree for at least 95% of the documents whose text prints the labelled date', () => {
    expect(printedAccuracy('date')).toBeGreaterThanOrEqual(0.95);
  });

  it('issuers agree for at least 80% of the documents whose text names the labelled issuers', () => {
    expect(printedAccuracy('issuer')).toBeGreaterThanOrEqual(0.8);
  });

  it('every document gets a readable, unique id made from its identity, never a hash of its file name', () => {
    const ids = [...report.documents.values()].map((d) => d.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^(?:national|[a-z]+)-[a-z0-9-]+$/u);
    expect(ids.filter((id) => id.startsWith('doc-'))).toEqual([]);
  });

  it('no title is a file-name id, an attachment label, a masthead or an issuer line', () => {
    for (const d of report.documents.values()) {
      expect(d.meta.title).not.toMatch(/^[0-9]+-[0-9a-f]{8}$|^附件\s*[0-9]*$|文件$|^[\p{Script=Han}]+(?:人民政府|委员会|厅|局)$/u);
    }
  });
});

describe('identity pinned on real pages', () => {
  it('a cover notice with 文号: the plan is the title, the notice its front matter', () => {
    const d = doc('125、');
    expect(d.meta).toMatchObject({ title: '巴中市“十四五”生态环境保护规划', docNumber: '巴府发〔2021〕19号', date: '2021-12-20', issuer: '巴中市人民政府', jurisdiction: '巴中市', level: 'city', parent: { name: '四川省', adminCode: '510000' } });
    expect(d.clauses[0]?.kind).toBe('notice');
    expect(d.meta.inferred?.docNumber?.source).toBe('cover');
  });

  it('a joint issuer: 中共四川省委 and 四川省人民政府, over a title wrapped onto a second line', () => {
    expect(meta('364、')).toMatchObject({
      title: '中共四川省委 四川省人民政府关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的实施意见',
      issuer: '中共四川省委、四川省人民政府',
      jurisdiction: '四川省',
      adminCode: '510000',
      level: 'province',
      date: '2022-03-14',
    });
    expect(meta('139、')).toMatchObject({ issuer: '四川省生态环境厅、四川省经济和信息化厅', title: '四川省生态环境厅四川省经济和信息化厅关于开展近零碳排放园区试点工作的通知', docNumber: '川环函〔2022〕409号' });
  });

  it('an 自治州 is a city-level jurisdiction, its abbreviated issuer written out as the document prints it', () => {
    expect(meta('428、')).toMatchObject({ id: 'aba-plan-2022', jurisdiction: '阿坝藏族羌族自治州', adminCode: '513200', level: 'city', parent: { name: '四川省' }, issuer: '阿坝藏族羌族自治州人民政府', docNumber: '阿府发〔2022〕7号' });
    expect(meta('445、')).toMatchObject({ jurisdiction: '海西蒙古族藏族自治州', level: 'city', parent: { name: '青海省' } });
  });

  it('a 新区 belongs to its city', () => {
    expect(meta('112、')).toMatchObject({ title: '南京江北新区碳达峰、碳中和行动计划（试行）', jurisdiction: '南京市', level: 'city', parent: { name: '江苏省' }, status: '试行' });
  });

  it('a national ministry is national level, with no jurisdiction code', () => {
    expect(meta('342、')).toMatchObject({ issuer: '生态环境部办公厅', jurisdiction: '国家', adminCode: null, level: 'national', date: '2022-03-08', parent: null });
    expect(meta('226、')).toMatchObject({ issuer: '生态环境部', level: 'national' });
  });

  it('a date in Chinese numerals keeps the precision printed (二〇二二年三月 is 2022-03)', () => {
    const m = meta('425、');
    expect(m.date).toBe('2022-03');
    expect(m.inferred?.date?.source).toBe('cover');
  });

  it('a scanned-style 文号 with square brackets is normalised to 〔〕', () => {
    expect(meta('140、').docNumber).toBe('包林草发〔2021〕23号');
    expect(meta('549、').docNumber).toBe('黑环办发〔2021〕119号');
  });

  it('the same file gives the same id and identity on every build', async () => {
    const file = path.join(REAL, fs.readdirSync(REAL).find((f) => f.startsWith('428、')) as string);
    const again = await ingestPath({ file, cacheDir: null });
    expect(again.meta.id).toBe(meta('428、').id);
    expect({ ...again.meta, inferred: undefined }).toEqual({ ...meta('428、'), inferred: undefined });
  });
});
