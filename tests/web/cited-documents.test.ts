// Cited policies the library holds, on the pages and in the API: the 《title》 in a clause links to
// the cited document, the cited document lists the plans and clauses citing it (HTML and
// /api/docs/:id citedBy), and /policies links the policy to its document.
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/web/app.js';
import { full, GENERIC } from '../fixtures/cited-library.js';
import { searcherFor } from '../helpers.js';

const app = createApp({ library: full, searcher: searcherFor(full), today: () => '2026-11-21' });

describe('the cited document’s page', () => {
  it('/docs/:id lists the plans that cite it, each with its citing clauses', async () => {
    const res = await request(app).get('/docs/sichuan-opinions').expect(200);
    const section = /<section class="doc-citations"[\s\S]*?<\/section>/u.exec(res.text)?.[0] ?? '';
    expect(section).toContain('引用本文件的方案（2 份）');
    expect(section).toContain('href="/docs/chengdu-plan"');
    expect(section).toContain('href="/docs/quxian-plan"');
    expect(section).toContain('href="/c/chengdu-plan.part_1__item_1"');
    expect(section).toContain('href="/c/chengdu-plan.part_1__item_2"');
    expect(section).toContain('href="/c/quxian-plan.part_1__item_1"');
    // It cites the national 意见 itself, which the library also holds.
    expect(section).toContain('本文件引用的本库文件（1 份）');
    expect(section).toContain('href="/docs/nation-opinions"');
  });

  it('/api/docs/:id carries the same as citedBy and cites', async () => {
    const { body } = await request(app).get('/api/docs/sichuan-opinions').expect(200);
    expect(body.citedBy.map((c: { doc: string }) => c.doc)).toEqual(['chengdu-plan', 'quxian-plan']);
    expect(body.citedBy[0]).toMatchObject({ title: '成都市碳达峰实施方案', jurisdiction: '成都市', level: 'city', url: '/docs/chengdu-plan' });
    expect(body.citedBy[0].clauses.map((c: { id: string; url: string }) => [c.id, c.url])).toEqual([
      ['chengdu-plan.part_1__item_1', '/c/chengdu-plan.part_1__item_1'],
      ['chengdu-plan.part_1__item_2', '/c/chengdu-plan.part_1__item_2'],
    ]);
    expect(body.citedBy[0].clauses[0].citation).toMatch(/^《成都市碳达峰实施方案》/u);
    expect(body.cites.map((c: { doc: string }) => c.doc)).toEqual(['nation-opinions']);
  });

  it('a document nobody cites has no section, and empty lists in the API', async () => {
    const res = await request(app).get('/docs/shijiazhuang-opinions').expect(200);
    expect(res.text).not.toContain('class="doc-citations"');
    const { body } = await request(app).get('/api/docs/shijiazhuang-opinions').expect(200);
    expect(body).toMatchObject({ citedBy: [], cites: [] });
  });
});

describe('a cited policy in a clause links to its document', () => {
  it('on the clause page, around the whole 《title》', async () => {
    const res = await request(app).get('/c/chengdu-plan.part_1__item_2').expect(200);
    const link = /<a class="cited-doc" href="\/docs\/sichuan-opinions" title="([^"]*)">([^<]*)<\/a>/u.exec(res.text);
    expect(link?.[2]).toBe(`《关于${GENERIC}的实施意见》`);
    expect(link?.[1]).toContain('本库收录：中共四川省委 四川省人民政府关于');
    expect(res.text).toContain('<a class="cited-doc" href="/docs/nation-opinions" title="本库收录：中共中央 国务院关于');
  });

  it('in the reader, with a search highlight inside the link', async () => {
    const res = await request(app).get('/docs/quxian-plan').query({ hl: '实施意见' }).expect(200);
    expect(res.text).toMatch(/<a class="cited-doc" href="\/docs\/sichuan-opinions"[^>]*>《关于[^<]*<mark>实施意见<\/mark>》<\/a>/u);
  });

  it('a policy the library does not hold, or the document itself, is not linked', async () => {
    const res = await request(app).get('/c/chengdu-plan.part_1__item_4').expect(200);
    expect(res.text).toContain('《成都市碳达峰实施方案》');
    expect(res.text).not.toContain('class="cited-doc"');
  });

  it('/policies links the policy to the document, and the API names it corpusDoc', async () => {
    const res = await request(app).get('/policies').expect(200);
    expect(res.text).toContain(`<a href="/docs/sichuan-opinions">《关于${GENERIC}的实施意见》</a>`);
    const { body } = await request(app).get('/api/policies').expect(200);
    const policy = body.policies.find((p: { corpusDoc: string | null }) => p.corpusDoc === 'sichuan-opinions');
    expect(policy.citedBy).toEqual(['chengdu-plan', 'quxian-plan']);
  });
});
