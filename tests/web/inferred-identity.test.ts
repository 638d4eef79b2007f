// An uncatalogued document's 文号, date, type and status come from its own text: the document
// page marks them as inferred and says from where, and the API carries the provenance.
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { buildLibrary } from '../../src/library/library.js';
import { loadCorpus } from '../../src/ingest/corpus.js';
import { createApp } from '../../src/web/app.js';
import { searcherFor, tempDir } from '../helpers.js';

describe('inferred identity on the document page and in the API', async () => {
  const dir = tempDir();
  fs.writeFileSync(
    path.join(dir, 'plan.txt'),
    [
      '某市人民政府文件',
      '某府发[2022]8号',
      '某市人民政府关于印发《某市碳达峰实施方案（试行）》的通知',
      '各区县人民政府：',
      '现将《某市碳达峰实施方案（试行）》印发给你们，请认真贯彻执行。',
      '某市人民政府',
      '2022年7月18日',
      '某市碳达峰实施方案（试行）',
      '一、总体要求',
      '（一）指导思想。坚持系统观念。',
    ].join('\n\n'),
  );
  const library = buildLibrary(await loadCorpus({ corpusDir: dir }));
  const app = createApp({ library, searcher: searcherFor(library), today: () => '2026-11-29' });
  const id = library.documents[0]?.id ?? '';

  it('marks each inferred field with where it was read', async () => {
    const res = await request(app).get(`/docs/${id}`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('某府发〔2022〕8号<span class="muted">（推断自版头）</span>');
    expect(res.text).toContain('2022-07-18<span class="muted">（推断自落款）</span>');
    expect(res.text).toContain('实施方案<span class="muted">（推断自标题）</span>');
  });

  it('an uncatalogued document names its issuer, jurisdiction, level and parent, each marked as inferred, under a readable id', async () => {
    const dir2 = tempDir();
    fs.writeFileSync(
      path.join(dir2, '成都方案.txt'),
      [
        '成都市人民政府文件',
        '成府发[2022]8号',
        '成都市人民政府关于印发《成都市碳达峰实施方案》的通知',
        '各区（市）县人民政府：',
        '现将《成都市碳达峰实施方案》印发给你们，请认真贯彻执行。',
        '成都市人民政府',
        '2022年7月18日',
        '成都市碳达峰实施方案',
        '一、总体要求',
        '（一）指导思想。坚持系统观念。',
      ].join('\n\n'),
    );
    const lib = buildLibrary(await loadCorpus({ corpusDir: dir2 }));
    const app2 = createApp({ library: lib, searcher: searcherFor(lib), today: () => '2026-11-29' });
    expect(lib.documents[0]?.id).toBe('chengdu-implementation-scheme-2022');
    const res = await request(app2).get('/docs/chengdu-implementation-scheme-2022');
    expect(res.status).toBe(200);
    expect(res.text).toContain('成都市（市级，属四川省）<span class="muted">（推断自版头）</span>');
    expect(res.text).toContain('成都市人民政府<span class="muted">（推断自版头）</span>');
    const api = await request(app2).get('/api/docs/chengdu-implementation-scheme-2022');
    expect(api.body.doc).toMatchObject({ jurisdiction: '成都市', adminCode: '510100', level: 'city', parent: { name: '四川省', adminCode: '510000' }, issuer: '成都市人民政府' });
    expect(api.body.doc.inferred.issuer).toEqual({ source: 'cover', confidence: expect.any(Number) });
  });

  it('the API gives the fields and their provenance', async () => {
    const res = await request(app).get(`/api/docs/${id}`);
    expect(res.body.doc).toMatchObject({ docNumber: '某府发〔2022〕8号', date: '2022-07-18', status: '试行', docType: '实施方案' });
    expect(res.body.doc.inferred.date).toEqual({ source: 'signature', confidence: expect.any(Number) });
  });
});
