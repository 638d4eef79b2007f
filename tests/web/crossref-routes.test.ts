// Cross-reference routes in-process: themes grid and pages, compare (HTML and CSV), related
// clauses, cited policies, and the theme, policy and department filters of search.
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { CHENGDU, LESHAN, MIANYANG, QUXIAN, realApp, realLibrary, SICHUAN } from '../helpers.js';

const app = realApp({ publicOrigin: 'https://policy.example.org' });
const library = realLibrary();
const byTheme = (id: string) => library.enrichment.tags.byTheme.get(id) ?? [];
const ALL = [SICHUAN, CHENGDU, MIANYANG, LESHAN, QUXIAN];

describe('themes', () => {
  it('GET /api/themes lists every theme with its count and per-document counts', async () => {
    const res = await request(app).get('/api/themes').expect(200);
    expect(res.body.themes.length).toBeGreaterThanOrEqual(30);
    const hydrogen = res.body.themes.find((t: { id: string }) => t.id === 'hydrogen');
    expect(hydrogen).toMatchObject({ id: 'hydrogen', label: '氢能', count: byTheme('hydrogen').length });
    expect(Object.values(hydrogen.counts).reduce((a: number, b) => a + (b as number), 0)).toBe(hydrogen.count);
  });

  it('GET /api/themes/:id returns the tagged clauses as hit objects and which documents mention it', async () => {
    const res = await request(app).get('/api/themes/sponge-city').expect(200);
    expect(res.body.clauses.map((c: { id: string }) => c.id).sort()).toEqual([...byTheme('sponge-city')].sort());
    expect(res.body.clauses[0].snippet).toContain('<mark>');
    expect(res.body.clauses.every((c: { themes: string[] }) => c.themes.includes('sponge-city'))).toBe(true);
    const mentioned = Object.fromEntries(res.body.documents.map((d: { doc: string; mentioned: boolean }) => [d.doc, d.mentioned]));
    expect(mentioned).toEqual({ [SICHUAN]: true, [CHENGDU]: false, [MIANYANG]: false, [LESHAN]: true, [QUXIAN]: true });
  });

  it('unknown theme: 404 THEME_NOT_FOUND in JSON and HTML', async () => {
    expect((await request(app).get('/api/themes/nope').expect(404)).body.error.code).toBe('THEME_NOT_FOUND');
    expect((await request(app).get('/themes/nope').expect(404)).text).toContain('未找到主题');
  });

  it('/themes is a grid of themes × documents whose cells link to the comparison', async () => {
    const res = await request(app).get('/themes').expect(200);
    expect(res.text).toContain('href="/themes/hydrogen"');
    expect(res.text).toContain(`href="/compare?theme=hydrogen&amp;docs=${SICHUAN}"`);
    expect(res.text).toMatch(/class="heat-[1-5]"/u);
  });

  it('/themes/:id lists jurisdictions in administrative order, with 未提及 where a plan is silent', async () => {
    const res = await request(app).get('/themes/sponge-city').expect(200);
    const order = ALL.map((id) => res.text.indexOf(`id="j-${id}"`));
    expect(order.every((at) => at > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect((res.text.match(/未提及：/gu) ?? []).length).toBe(2);
    expect(res.text).toContain('<mark>海绵城市</mark>');
  });
});

describe('compare', () => {
  it('each column sums up: its clause count and the quantified targets those clauses state', async () => {
    const html = (await request(app).get('/compare').query({ theme: 'non-fossil-energy' }).expect(200)).text;
    let withTargets = 0;
    for (const id of ALL) {
      const tagged = new Set(byTheme('non-fossil-energy').filter((c) => c.startsWith(`${id}.`)));
      const targets = library.enrichment.targets.filter((t) => tagged.has(t.clause)).length;
      const head = html.slice(html.indexOf(`id="c-${id}"`), html.indexOf('</p>', html.indexOf(`id="c-${id}"`)));
      expect(head, id).toContain(`${tagged.size} 个条款${targets ? ` · ${targets} 项量化目标` : ''}</span>`);
      if (targets) withTargets++;
    }
    expect(withTargets).toBeGreaterThan(0);
  });

  it('by keyword an empty column says 未检出该词 (not 未提及) and offers the theme and the expanded terms', async () => {
    const html = (await request(app).get('/compare').query({ q: '加氢站' }).expect(200)).text;
    const column = (id: string) => html.slice(html.indexOf(`aria-labelledby="c-${id}"`), html.indexOf('</section>', html.indexOf(`aria-labelledby="c-${id}"`)));
    // 渠县 writes 合理布局加氢基础设施, not 加氢站.
    expect(column(QUXIAN)).toContain('未检出该词');
    expect(column(QUXIAN)).not.toContain('未提及');
    expect(column(QUXIAN)).toContain('href="/compare?theme=hydrogen"');
    expect(column(QUXIAN)).toContain('href="/compare?q=%E5%8A%A0%E6%B0%A2%E7%AB%99&amp;expand=1"');
    const expanded = (await request(app).get('/compare').query({ q: '加氢站', expand: '1' }).expect(200)).text;
    expect(expanded).not.toContain('加入主题相关词');
    // By theme, an empty column is still 未提及.
    const byTheme = (await request(app).get('/compare').query({ theme: 'sponge-city' }).expect(200)).text;
    expect(byTheme).toContain('未提及');
    expect(byTheme).not.toContain('未检出该词');
  });

  it('shows all five jurisdictions side by side for a theme', async () => {
    const res = await request(app).get('/compare').query({ theme: 'hydrogen' }).expect(200);
    for (const id of ALL) expect(res.text).toContain(`id="c-${id}"`);
    expect((res.text.match(/class="compare-clause"/gu) ?? []).length).toBe(byTheme('hydrogen').length);
  });

  it('takes a subset of documents, and a query instead of a theme', async () => {
    const res = await request(app)
      .get('/compare')
      .query({ theme: 'hydrogen', docs: `${CHENGDU},${QUXIAN}` })
      .expect(200);
    expect(res.text).toContain(`id="c-${CHENGDU}"`);
    expect(res.text).not.toContain(`id="c-${SICHUAN}"`);
    const q = await request(app).get('/compare').query({ q: '加氢站' }).expect(200);
    expect(q.text).toContain('<mark>加氢站</mark>');
    expect((q.text.match(/class="absent"/gu) ?? []).length).toBe(1);
  });

  it('CSV: one row per clause with jurisdiction, label, obligation grade, text, citation and permalink', async () => {
    const res = await request(app)
      .get('/compare.csv')
      .query({ theme: 'hydrogen' })
      .expect(200)
      .expect('Content-Type', /text\/csv/u);
    expect(res.headers['content-disposition']).toContain('compare-hydrogen.csv');
    const lines = res.text
      .replace(/^\uFEFF/u, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('地区,层级,文档,文档日期,条款,约束程度,条款文本,引用,固定链接');
    expect(lines).toHaveLength(1 + byTheme('hydrogen').length);
    expect(res.text).toContain(`https://policy.example.org/c/${encodeURIComponent(`${CHENGDU}.part_3__item_2__para_5`)}`);
  });

  it('bad input: unknown theme or document is a 404, a CSV without theme or query a 400', async () => {
    await request(app).get('/compare').query({ theme: 'nope' }).expect(404);
    await request(app).get('/compare').query({ theme: 'hydrogen', docs: 'nope' }).expect(404);
    expect((await request(app).get('/compare.csv').expect(400)).text).toContain('PARAM_INVALID');
  });

  it('the results page links to the comparison of its query', async () => {
    const res = await request(app).get('/search').query({ q: '加氢站' }).expect(200);
    expect(res.text).toContain(`href="/compare?q=${encodeURIComponent('加氢站')}"`);
  });
});

describe('related clauses', () => {
  const ZHIQING = `${CHENGDU}.part_3__item_2__para_5`;
  it("成都's 制氢母站 clause is related to hydrogen clauses in other plans", async () => {
    expect(library.getClause(ZHIQING)?.text).toContain('制氢母站');
    const res = await request(app).get(`/api/clauses/${ZHIQING}`).expect(200);
    const related = res.body.related as { id: string; doc: string; themes: string[]; score: number }[];
    expect(related.every((r) => r.doc !== CHENGDU)).toBe(true);
    expect(related.some((r) => r.themes.includes('hydrogen'))).toBe(true);
  });

  it('every related clause is from another document, with a positive score, best first', async () => {
    for (const d of library.documents)
      for (const c of library.clausesOf(d.id).filter((_, i) => i % 25 === 0)) {
        const res = await request(app)
          .get(`/api/clauses/${encodeURIComponent(c.id)}`)
          .expect(200);
        const related = res.body.related as { doc: string; score: number; sharedTheme: string | null }[];
        expect(related.every((r) => r.doc !== d.id && r.score > 0)).toBe(true);
        const ranked = related.filter((r) => !r.sharedTheme).map((r) => r.score);
        expect(ranked).toEqual([...ranked].sort((a, b) => b - a));
      }
  });

  it('the clause page and the reader show them', async () => {
    const page = await request(app).get(`/c/${ZHIQING}`).expect(200);
    expect(page.text).toContain('其他文档中的相似条款');
    const reader = await request(app).get(`/docs/${CHENGDU}`).expect(200);
    expect(reader.text).toContain('<details class="related">');
  });
});

describe('cited policies', () => {
  it('policies that share a title are told apart by the place or issuer they belong to and their 文号', async () => {
    const all = realLibrary().enrichment.policies;
    const titles = all.map((p) => p.title ?? p.key);
    const shared = all.filter((p) => titles.indexOf(p.title ?? p.key) !== titles.lastIndexOf(p.title ?? p.key));
    expect(shared.length, 'the bundled plans cite 《关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的实施方案》 of more than one place').toBeGreaterThan(1);
    const html = (await request(app).get('/policies').expect(200)).text;
    for (const p of shared) {
      const row = html.slice(html.indexOf(`<tr id="${encodeURIComponent(p.key)}"`));
      const owner = row.slice(0, row.indexOf('</th>'));
      const place = p.key.includes('@') ? p.key.slice(p.key.lastIndexOf('@') + 1) : '未注明发文地区';
      expect(owner).toContain(`<span class="muted policy-owner">（${place}${p.docNumber ? ` · ${p.docNumber}` : ''}）</span>`);
    }
    // A title no other policy has gets no such note.
    const single = all.find((p) => titles.indexOf(p.title ?? p.key) === titles.lastIndexOf(p.title ?? p.key))!;
    const row = html.slice(html.indexOf(`<tr id="${encodeURIComponent(single.key)}"`));
    expect(row.slice(0, row.indexOf('</th>'))).not.toContain('policy-owner');
  });

  it('the same-titled policies are told apart on their own pages and in the search facet too', async () => {
    const all = realLibrary().enrichment.policies;
    const title = (p: (typeof all)[number]) => p.title ?? p.key;
    const shared = all.filter((p) => all.filter((q) => title(q) === title(p)).length > 1);
    const headings = new Set<string>();
    for (const p of shared) {
      const html = (
        await request(app)
          .get(`/policies/${encodeURIComponent(p.key)}`)
          .expect(200)
      ).text;
      const h1 = /<h1>([^<]+)<\/h1>/u.exec(html)?.[1] ?? '';
      expect(h1.startsWith(`《${title(p)}》（`), h1).toBe(true);
      headings.add(h1);
    }
    expect(headings.size).toBe(shared.length);
    const facet = (
      await request(app)
        .get(`/api/search?q=${encodeURIComponent('碳达峰')}&limit=1`)
        .expect(200)
    ).body.facets.policy as { value: string; label: string }[];
    const labels = facet.filter((f) => shared.some((p) => p.key === f.value)).map((f) => f.label);
    expect(labels.length).toBeGreaterThan(1);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('/api/policies joins wording variants into one policy with its citing documents', async () => {
    const res = await request(app).get('/api/policies').expect(200);
    const policies = res.body.policies as { title: string; docNumber: string | null; citedBy: string[]; variants: string[] }[];
    const sichuanPlan = policies.filter((p) => p.docNumber === '川府发〔2022〕37号');
    expect(sichuanPlan).toHaveLength(1);
    expect(sichuanPlan[0]?.title).toBe('四川省碳达峰实施方案');
    expect(sichuanPlan[0]?.citedBy.sort()).toEqual([CHENGDU, QUXIAN].sort());
    expect(sichuanPlan[0]?.variants.length).toBeGreaterThanOrEqual(2);
    const national = policies.filter((p) => p.docNumber === '国发〔2021〕23号');
    expect(national).toHaveLength(1);
    expect(national[0]?.citedBy.length).toBeGreaterThanOrEqual(3);
    expect(policies.some((p) => /关于印发|人民政府关于/u.test(p.title ?? ''))).toBe(false);
  });

  it('/policies lists them with links to the citing clauses', async () => {
    const res = await request(app).get('/policies').expect(200);
    expect(res.text).toContain('《四川省碳达峰实施方案》');
    expect(res.text).toMatch(/href="\/c\/quxian-carbon-peak-revised\./u);
  });
});

describe('search integration', () => {
  it('theme facet and filter', async () => {
    const res = await request(app).get('/api/search').query({ q: '加氢站' }).expect(200);
    expect(res.body.facets.theme.find((f: { value: string }) => f.value === 'hydrogen')?.count).toBe(res.body.total);
    const filtered = await request(app).get('/api/search').query({ q: '能源', theme: 'hydrogen' }).expect(200);
    expect(filtered.body.total).toBeGreaterThan(0);
    expect(filtered.body.hits.every((h: { themes: string[] }) => h.themes.includes('hydrogen'))).toBe(true);
  });

  it('expansion is opt-in and says what it added', async () => {
    const plain = await request(app).get('/api/search').query({ q: '氢能' }).expect(200);
    expect(plain.body.expansions).toEqual([]);
    const expanded = await request(app).get('/api/search').query({ q: '氢能', expand: '1' }).expect(200);
    expect(expanded.body.expansions[0]).toMatchObject({ term: '氢能', theme: 'hydrogen' });
    expect(expanded.body.expansions[0].added).toContain('加氢站');
    expect(expanded.body.expansions[0].added).not.toContain('氢');
    expect(expanded.body.total).toBeGreaterThan(plain.body.total);
    const page = await request(app).get('/search').query({ q: '氢能', expand: '1' }).expect(200);
    expect(page.text).toContain('已扩展');
    await request(app).get('/api/search').query({ q: '氢能', expand: 'yes' }).expect(400);
  });

  it('departments: extracted on 渠县 measures, shown, and a filter', async () => {
    const res = await request(app).get('/api/search').query({ q: '节能', department: '县发改局' }).expect(200);
    expect(res.body.total).toBeGreaterThan(0);
    for (const h of res.body.hits) {
      expect(h.doc).toBe(QUXIAN);
      expect([...h.departments.lead, ...h.departments.support]).toContain('县发改局');
    }
    expect(res.body.facets.department.length).toBeGreaterThan(0);
    await request(app).get('/api/search').query({ q: '节能', department: '不存在局' }).expect(400);
  });

  it('policy filter: clauses that cite a given policy', async () => {
    const policies = (await request(app).get('/api/policies')).body.policies as { key: string; docNumber: string | null; citations: { clauses: string[] }[] }[];
    const p = policies.find((x) => x.docNumber === '国发〔2021〕23号');
    const res = await request(app).get('/api/search').query({ q: '碳达峰', policy: p?.key }).expect(200);
    const citing = new Set(p?.citations.flatMap((c) => c.clauses));
    expect(res.body.total).toBeGreaterThan(0);
    expect(res.body.hits.every((h: { id: string }) => citing.has(h.id))).toBe(true);
  });
});

describe('regression: compare CSV link keeps every chosen document', () => {
  it('docs sent repeatedly by the form carry into the CSV link and the CSV', async () => {
    const page = await request(app).get(`/compare?theme=hydrogen&docs=${CHENGDU}&docs=${QUXIAN}`).expect(200);
    expect(page.text).toContain(`/compare.csv?theme=hydrogen&amp;docs=${CHENGDU}&amp;docs=${QUXIAN}`);
    const csv = await request(app).get(`/compare.csv?theme=hydrogen&docs=${CHENGDU}&docs=${QUXIAN}`).expect(200);
    const rows = csv.text.trim().split('\r\n').slice(1);
    expect(rows.length).toBe(byTheme('hydrogen').filter((id) => id.startsWith(`${CHENGDU}.`) || id.startsWith(`${QUXIAN}.`)).length);
  });
});
