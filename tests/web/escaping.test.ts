// Corpus text and request values that contain markup are escaped everywhere they are shown.
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { buildLibrary } from '../../src/library/library.js';
import { ingestBytes } from '../../src/ingest/corpus.js';
import { createApp } from '../../src/web/app.js';
import { realApp, searcherFor } from '../helpers.js';

const HOSTILE = '<script>alert("x")</script>&\'';
const TEXT = `恶意<b>方案</b>\n\n一、总则${HOSTILE}\n\n（一）指导思想。坚持<img src=x onerror=alert(1)>稳中求进。\n\n类别\t指标\n甲\t<i>乙</i>\n`;

describe('escaping', () => {
  const doc = ingestBytes({ name: 'evil.txt', bytes: Buffer.from(TEXT) });
  const library = buildLibrary({ documents: [doc], errors: [], warnings: [] });
  const app = createApp({ library, searcher: searcherFor(library) });
  const item = doc.clauses.find((c) => c.kind === 'item');

  it('the JSON snippet is escaped text; the JSON text is the raw text', async () => {
    const res = await request(app).get(`/api/clauses/${item?.id}`).expect(200);
    expect(res.body.text).toContain('<img src=x onerror=alert(1)>');
    expect(res.body.snippet).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(res.body.snippet).not.toMatch(/<(?!\/?mark>)/u);
  });

  it.each(['/', `/docs/${doc.meta.id}`, `/c/${item?.id}`, `/c/${doc.meta.id}.part_1`])('%s never emits the corpus markup raw', async (url) => {
    const res = await request(app).get(url).expect(200);
    expect(res.text).not.toContain('<script>alert');
    expect(res.text).not.toContain('<img src=x');
    expect(res.text).not.toContain('<b>方案</b>');
    expect(res.text).not.toContain('<i>乙</i>');
  });

  it('citations in data-copy attributes are attribute-escaped', async () => {
    const res = await request(app).get(`/c/${doc.meta.id}.part_1`).expect(200);
    expect(res.text).toMatch(/data-copy="《恶意&lt;b&gt;方案&lt;\/b&gt;》第一部分"/u);
  });
});

describe('request values in responses', () => {
  const app = realApp();

  it('a forged Host header does not enter the reference: without PUBLIC_ORIGIN there is no absolute URL at all', async () => {
    const res = await request(app).get('/c/chengdu-carbon-peak-2024.part_1').set('Host', 'evil.example"><script>').expect(200);
    expect(res.text).not.toContain('evil.example');
    expect(res.text).toContain('成都市人民政府.成都市人民政府关于印发成都市碳达峰实施方案的通知：成府发〔2024〕10号[A].2024-03-13.');
    const plain = await request(app).get('/api/clauses/chengdu-carbon-peak-2024.part_1').set('Host', 'cache-poison.example').expect(200);
    expect(JSON.stringify(plain.body)).not.toContain('cache-poison.example');
    const csv = await request(app).get('/targets.csv').set('Host', 'cache-poison.example').expect(200);
    expect(csv.text).not.toContain('cache-poison.example');
    expect(csv.text).toContain(',/c/');
  });

  it('PUBLIC_ORIGIN, when configured, is the base of reference URLs', async () => {
    const app2 = realApp({ publicOrigin: 'https://policy.example.org' });
    const res = await request(app2).get('/api/clauses/chengdu-carbon-peak-2024.part_1').expect(200);
    expect(res.body.reference).toContain('https://policy.example.org/docs/chengdu-carbon-peak-2024');
  });

  it('GET /api (no trailing slash) is a JSON 404', async () => {
    const res = await request(app).get('/api').expect(404).expect('Content-Type', /json/u);
    expect(res.body.error.code).toBe('ROUTE_NOT_FOUND');
  });
});
