// The home page groups documents by level, national first, with one anchor per group.
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { buildLibrary } from '../../src/library/library.js';
import { loadCorpus } from '../../src/ingest/corpus.js';
import { createApp } from '../../src/web/app.js';
import { realCorpus, searcherFor, tempDir } from '../helpers.js';

describe('home page level groups', () => {
  it("regression: the 未分级 group reused the county group's anchor id lv-county", async () => {
    const dir = tempDir();
    for (const d of realCorpus().documents) fs.copyFileSync(path.join('corpus', d.meta.file), path.join(dir, d.meta.file));
    fs.copyFileSync(path.join('corpus', 'catalog.json'), path.join(dir, 'catalog.json'));
    fs.writeFileSync(path.join(dir, 'stray.txt'), '某方案\n\n一、总则\n\n内容。');
    fs.writeFileSync(path.join(dir, 'national.txt'), ['国务院关于印发2030年前碳达峰行动方案的通知', '国发〔2021〕23号', '国务院', '2021年10月24日', '2030年前碳达峰行动方案', '一、总体要求', '（一）指导思想。坚持系统观念。'].join('\n\n'));
    const library = buildLibrary(await loadCorpus({ corpusDir: dir }));
    const res = await request(createApp({ library, searcher: searcherFor(library), today: () => '2026-11-29' })).get('/');
    const ids = [...res.text.matchAll(/id="(lv-[a-z]+)"/gu)].map((m) => m[1]);
    expect(ids).toEqual(['lv-national', 'lv-province', 'lv-city', 'lv-county', 'lv-none']);
  });
});
