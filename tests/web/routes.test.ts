// Every route in HTML and JSON, in-process with supertest, including the 404s.
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { CHENGDU, LESHAN, realApp, realLibrary, SICHUAN } from '../helpers.js';

const library = realLibrary();
const app = realApp();
const CLAUSE = `${CHENGDU}.part_3__item_2__para_5`;

describe('JSON API', () => {
  it('GET /healthz', async () => {
    const res = await request(app).get('/healthz').expect(200).expect('Content-Type', /json/u);
    // worker is the node:cluster worker id, 0 outside a cluster (WEB_CONCURRENCY unset).
    expect(res.body).toEqual({ status: 'ok', documents: 5, clauses: library.clauseCount, worker: 0 });
  });

  it('GET /api/docs lists documents province → city → county with the contract fields', async () => {
    const res = await request(app).get('/api/docs').expect(200);
    expect(res.body.docs.map((d: { level: string }) => d.level)).toEqual(['province', 'city', 'city', 'city', 'county']);
    const chengdu = res.body.docs.find((d: { id: string }) => d.id === CHENGDU);
    expect(chengdu).toMatchObject({ id: CHENGDU, title: '成都市碳达峰实施方案', jurisdiction: '成都市', level: 'city', issuer: '成都市人民政府', docNumber: '成府发〔2024〕10号', date: '2024-03-13' });
  });

  it('GET /api/docs/:id returns all clauses in reading order as hit objects', async () => {
    const res = await request(app).get(`/api/docs/${LESHAN}`).expect(200);
    expect(res.body.doc.id).toBe(LESHAN);
    expect(res.body.clauses).toHaveLength(library.clausesOf(LESHAN).length);
    expect(res.body.clauses.map((c: { order: number }) => c.order)).toEqual(res.body.clauses.map((_: unknown, i: number) => i));
    for (const hit of res.body.clauses.slice(0, 5)) {
      expect(Object.keys(hit)).toEqual(expect.arrayContaining(['id', 'doc', 'text', 'snippet', 'citation', 'url', 'themes']));
    }
  });

  it('GET /api/clauses/:id returns the hit, its citation, reference and related', async () => {
    const res = await request(app).get(`/api/clauses/${CLAUSE}`).expect(200);
    expect(res.body).toMatchObject({
      id: CLAUSE,
      doc: CHENGDU,
      label: '三（二）5',
      url: `/c/${CLAUSE}`,
      citation: '《成都市碳达峰实施方案》（成府发〔2024〕10号文印发）第三部分第（二）项第5条“深化能源消费结构调整”',
    });
    expect(res.body.text).toContain('推动制氢母站、液氢站、加氢站网点建设');
    expect(res.body.related.length).toBeGreaterThan(0);
    expect(res.body.related.every((r: { doc: string; score: number }) => r.doc !== CHENGDU && r.score > 0)).toBe(true);
    expect(res.body.breadcrumb.map((b: { label: string }) => b.label)).toEqual(['三', '三（二）']);
    // No PUBLIC_ORIGIN: the offline form, never an address built from the request's Host.
    expect(res.body.reference).toBe('成都市人民政府.成都市人民政府关于印发成都市碳达峰实施方案的通知：成府发〔2024〕10号[A].2024-03-13.');
    const online = await request(realApp({ publicOrigin: 'https://policy.example.org' }))
      .get(`/api/clauses/${CLAUSE}`)
      .expect(200);
    expect(online.body.reference).toBe('成都市人民政府.成都市人民政府关于印发成都市碳达峰实施方案的通知：成府发〔2024〕10号[EB/OL].（2024-03-13）[2026-11-21].https://policy.example.org/docs/chengdu-carbon-peak-2024.');
  });

  it('escapes the snippet: it is HTML with no markup of its own', async () => {
    const res = await request(app).get(`/api/clauses/${CLAUSE}`).expect(200);
    expect(res.body.snippet).not.toMatch(/<(?!mark>|\/mark>)/u);
  });

  it.each([
    ['/api/docs/nope', 'DOC_NOT_FOUND'],
    ['/api/clauses/nope', 'CLAUSE_NOT_FOUND'],
    [`/api/clauses/${CHENGDU}.part_99`, 'CLAUSE_NOT_FOUND'],
    ['/api/clauses/..%2F..%2Fetc%2Fpasswd', 'CLAUSE_NOT_FOUND'],
    ['/api/nothing-here', 'ROUTE_NOT_FOUND'],
  ])('%s → 404 %s as JSON', async (url, code) => {
    const res = await request(app).get(url).expect(404).expect('Content-Type', /json/u);
    expect(res.body.error.code).toBe(code);
    expect(typeof res.body.error.message).toBe('string');
  });

  it('malformed percent-encoding is a 400 with a code, not a crash', async () => {
    const res = await request(app).get('/api/clauses/%E0%A4%A').expect(400);
    expect(res.body.error.code).toBe('BAD_REQUEST');
  });
});

describe('HTML pages', () => {
  it('home lists the documents grouped by level', async () => {
    const res = await request(app).get('/').expect(200).expect('Content-Type', /html/u);
    const text = res.text;
    const at = (s: string) => text.indexOf(s);
    for (const label of ['省级', '市级', '县级']) expect(at(label)).toBeGreaterThanOrEqual(0);
    expect(at('省级')).toBeLessThan(at('市级'));
    expect(at('市级')).toBeLessThan(at('县级'));
    expect(text).toContain('成府发〔2024〕10号');
    expect(text).toContain(`href="/docs/${SICHUAN}"`);
  });

  it('document page: outline, anchored clauses, citations, tables as tables', async () => {
    const res = await request(app).get(`/docs/${LESHAN}`).expect(200);
    expect(res.text).toContain('目录');
    expect(res.text).toContain('id="part_2__item_1__para_5"');
    expect(res.text).toContain(`href="/c/${LESHAN}.part_2__item_1__para_5"`);
    expect(res.text).toContain('<table>');
    expect((res.text.match(/<tr id="part_1__item_2__table_1__row_\d+">/gu) ?? []).length).toBe(31);
    expect(res.text).toContain('《国家碳达峰试点（乐山）实施方案》第二部分第（一）项第5条“推动重点行业达峰”');
    expect(res.text).toContain('GB/T 7714');
  });

  it('clause page: text, breadcrumb, citation, reference and a link to the spot in the document', async () => {
    const res = await request(app).get(`/c/${CLAUSE}`).expect(200);
    expect(res.text).toContain('《成都市碳达峰实施方案》（成府发〔2024〕10号文印发）第三部分第（二）项第5条“深化能源消费结构调整”');
    expect(res.text).toContain(`href="/docs/${CHENGDU}#part_3__item_2__para_5"`);
    expect(res.text).toContain('实施能源清洁高效提升行动');
    expect(res.text).toContain('成府发〔2024〕10号[A].2024-03-13.');
    expect(res.text).toContain('第三部分第（二）项第5条');
  });

  it('a table row clause page shows the row as a table with its headers', async () => {
    const res = await request(app).get(`/c/${LESHAN}.part_1__item_2__table_1__row_16`).expect(200);
    expect(res.text).toContain('<th scope="col">具体指标</th>');
    expect(res.text).toContain('<td>634.75</td>');
  });

  it.each(['/docs/nope', '/c/nope', `/c/${CHENGDU}.part_9`, '/no/such/page', '/static/../package.json', '/static/..%2Fpackage.json', '/static/nope.css'])('%s → Chinese 404 page', async (url) => {
    const res = await request(app).get(url).expect(404).expect('Content-Type', /html/u);
    expect(res.text).toContain('未找到');
  });

  it('escapes what it echoes back', async () => {
    const res = await request(app).get('/c/%3Cscript%3Ealert(1)%3C%2Fscript%3E').expect(404);
    expect(res.text).not.toContain('<script>alert(1)');
    expect(res.text).toContain('&lt;script&gt;');
  });

  it('serves static assets with nosniff', async () => {
    const res = await request(app).get('/static/copy.js').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('templates', () => {
  it('regression: compiled templates are cached outside development (every page recompiled its ejs on each request)', () => {
    expect(realApp().get('view cache')).toBe(true);
    expect(realApp({ development: true }).get('view cache')).toBe(false);
  });
});
