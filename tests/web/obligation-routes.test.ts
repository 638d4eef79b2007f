// Obligation grades in search and compare: a facet and a filter (obligation=binding,strive,…,none)
// whose counts and hits agree with each clause's grade, a tag on each hit and compared clause,
// a column in the compare download, and a bad grade refused naming it.
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { OBLIGATION_VALUES } from '../../src/enrich/obligation.js';
import { createApp } from '../../src/web/app.js';
import { realLibrary, realSearcher } from '../helpers.js';

const app = createApp({ library: realLibrary(), searcher: realSearcher(), rateLimitPerMinute: 0 });
const gradeOf = (id: string) => realLibrary().enrichment.obligationOf(id) ?? 'none';

describe('search', () => {
  it('the facet counts each grade of the hits, and the filter keeps exactly those hits', async () => {
    const all = (await request(app).get('/api/search?q=碳达峰&limit=1000').expect(200)).body;
    const facet = all.facets.obligation as { value: string; label: string; count: number }[];
    for (const value of OBLIGATION_VALUES) {
      const expected = (all.hits as { id: string }[]).filter((h) => gradeOf(h.id) === value).length;
      expect(facet.find((f) => f.value === value)?.count ?? 0, value).toBe(expected);
    }
    expect(facet.map((f) => f.label)).toEqual(expect.arrayContaining(['约束性', '引导性']));
    const binding = (await request(app).get('/api/search?q=碳达峰&obligation=binding,strive&limit=1000').expect(200)).body;
    expect(binding.total).toBe((facet.find((f) => f.value === 'binding')?.count ?? 0) + (facet.find((f) => f.value === 'strive')?.count ?? 0));
    for (const h of binding.hits as { obligation: string }[]) expect(['binding', 'strive']).toContain(h.obligation);
  });

  it('each hit on the page carries its grade’s tag; the facet is titled 约束程度', async () => {
    const html = (await request(app).get('/search?q=严禁').expect(200)).text;
    expect(html).toContain('约束程度');
    expect(html).toMatch(/<span class="grade-tag grade-binding"[^>]*>约束性<\/span>/u);
  });

  it('an unknown grade is 400 FILTER_UNKNOWN naming it', async () => {
    const res = await request(app).get('/api/search?q=碳达峰&obligation=mandatory').expect(400);
    expect(res.body.error.code).toBe('FILTER_UNKNOWN');
    expect(res.body.error.message).toContain('mandatory');
  });
});

describe('compare', () => {
  it('obligation= keeps only clauses of those grades; each column counts its grades; the CSV has the grade', async () => {
    const html = (await request(app).get('/compare?theme=hydrogen&obligation=strive').expect(200)).text;
    const tags = [...html.matchAll(/<article class="compare-clause">[\s\S]*?<\/article>/gu)].map((m) => /class="grade-tag grade-(\w+)"/u.exec(m[0])?.[1] ?? 'none');
    expect(tags.length).toBeGreaterThan(0);
    expect(new Set(tags)).toEqual(new Set(['strive']));
    expect(html).toMatch(/class="muted grade-counts">力争 \d+/u);
    expect(html).toContain('<input type="checkbox" name="obligation" value="strive" checked>');
    const csv = (await request(app).get('/compare.csv?theme=hydrogen&obligation=strive').expect(200)).text;
    const [header, ...rows] = csv.replace('\uFEFF', '').trim().split('\r\n');
    const at = header!.split(',').indexOf('约束程度');
    expect(at).toBeGreaterThan(-1);
    expect(rows.filter((r) => !r.includes('未提及')).every((r) => r.split(',')[at] === '力争')).toBe(true);
    expect((await request(app).get('/compare?theme=hydrogen&obligation=x').expect(400)).text).toContain('FILTER_UNKNOWN');
  });
});

describe('targets', () => {
  const targets = realLibrary().enrichment.targets;

  it('obligation= keeps exactly the targets of those grades, in the page, the API, the downloads and their links', async () => {
    for (const grades of [['strive'], ['binding', 'none']]) {
      const want = targets.filter((t) => grades.includes(t.obligation ?? 'none')).map((t) => t.id);
      expect(want.length, grades.join()).toBeGreaterThan(0);
      const api = (
        await request(app)
          .get(`/api/targets?obligation=${grades.join(',')}`)
          .expect(200)
      ).body;
      expect(api.targets.map((t: { id: string }) => t.id).sort()).toEqual([...want].sort());
      expect(api.query.obligations).toEqual(grades);
    }
    const html = (await request(app).get('/targets?obligation=strive').expect(200)).text;
    expect(html).toContain('<input type="checkbox" name="obligation" value="strive" checked>');
    expect(html).toContain('href="/targets.csv?obligation=strive"');
    const csv = (await request(app).get('/targets.csv?obligation=strive').expect(200)).text;
    const [header, ...rows] = csv.replace('\uFEFF', '').trim().split('\r\n');
    const at = header!.split(',').indexOf('约束程度');
    expect(rows.length).toBe(targets.filter((t) => t.obligation === 'strive').length);
    expect(rows.every((r) => r.split(',')[at] === '力争')).toBe(true);
  });

  it('an unknown grade is 400 FILTER_UNKNOWN naming it', async () => {
    const res = await request(app).get('/api/targets?obligation=mandatory').expect(400);
    expect(res.body.error.code).toBe('FILTER_UNKNOWN');
    expect(res.body.error.message).toContain('mandatory');
  });
});
