// The cross-reference pages on a library of 50 plans in ten provinces (the synthetic ×10): the
// themes grid groups by place and drills down, /compare and /themes/<id> page their columns,
// narrow to a place, and list check boxes only when there are few documents to pick from. The
// CSV still holds every column. Counts add up across pages and places. /docs browses the same
// tree, sorts by any key and pages.
import path from 'node:path';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { CROSSREF_DEFAULTS, LIST_DEFAULTS } from '../../src/config.js';
import { LEVEL_LABELS } from '../../src/ingest/types.js';
import { assembleLibrary, BUNDLED_SOURCES } from '../../src/engine/open.js';
import { loadCorpus } from '../../src/ingest/corpus.js';
import type { Library } from '../../src/library/library.js';
import { createApp } from '../../src/web/app.js';
import { docsView } from '../../src/present/doc-list.js';
import { docFiltersFrom } from '../../src/request/search.js';
import { DOC_SORTS } from '../../src/search/documents.js';
import { chartGroups } from '../../src/search/targets/index.js';
import { DISTRIBUTION_FROM } from '../../src/present/target-table.js';
import { writeScaleCorpus } from '../../scripts/scale-corpus.js';
import { searcherFor, tempDir } from '../helpers.js';

let library: Library;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  const corpusDir = path.join(tempDir(), 'corpus-x10');
  writeScaleCorpus({ scale: 10, seed: 1, out: corpusDir });
  library = assembleLibrary(await loadCorpus({ corpusDir }), BUNDLED_SOURCES);
  app = createApp({ library, searcher: searcherFor(library), today: () => '2026-11-30' });
}, 120_000);

const columnIds = (html: string) => [...html.matchAll(/aria-labelledby="c-([^"]+)"/gu)].map((m) => m[1]);
const gridHeads = (html: string) => [...html.matchAll(/<th scope="col" class="doc-col"><a href="([^"]+)"/gu)].map((m) => m[1]!.replace(/&amp;/gu, '&'));
const hydrogenCount = (docIds: string[]) => docIds.reduce((n, id) => n + (library.enrichment.tags.counts.get('hydrogen')?.get(id) ?? 0), 0);

describe('/themes groups by place', () => {
  it('opens at the provinces, each a column linking one level down', async () => {
    const html = (await request(app).get('/themes').expect(200)).text;
    const provinces = library.regions.root.children;
    expect(provinces).toHaveLength(10);
    expect(gridHeads(html)).toEqual(provinces.map((id) => `/themes?place=${encodeURIComponent(id)}`));
    expect(html).toContain('共 <strong>50</strong> 份文件');
  });

  it("a province's grid shows its five plans, and each theme's total is theirs", async () => {
    const place = library.regions.root.children[3]!;
    const node = library.regions.byId.get(place)!;
    const html = (
      await request(app)
        .get(`/themes?place=${encodeURIComponent(place)}`)
        .expect(200)
    ).text;
    expect(gridHeads(html)).toEqual(node.allDocs.map((d) => `/docs/${encodeURIComponent(d.id)}`));
    expect(html).toContain(`<span aria-current="page">${node.name}</span>`);
    const row = html.slice(html.indexOf('href="/themes/hydrogen?'));
    const total = /<td class="total"><a [^>]+>(\d+)<\/a>/u.exec(row)?.[1];
    expect(Number(total)).toBe(hydrogenCount(node.allDocs.map((d) => d.id)));
  });

  it('an unknown place is 404 PLACE_NOT_FOUND naming it, on the page and on /compare', async () => {
    const res = await request(app).get('/themes?place=火星省').expect(404);
    expect(res.text).toContain('火星省');
    expect(res.text).toContain('PLACE_NOT_FOUND');
    expect((await request(app).get('/compare?theme=hydrogen&place=火星省').expect(404)).text).toContain('PLACE_NOT_FOUND');
  });
});

describe('/compare pages its columns', () => {
  it('every document appears on exactly one page, in library order; past the end shows the last page', async () => {
    const size = CROSSREF_DEFAULTS.compareColumns;
    const pages = Math.ceil(50 / size);
    const seen: string[] = [];
    for (let p = 1; p <= pages; p++) {
      const ids = columnIds((await request(app).get(`/compare?theme=hydrogen&page=${p}`).expect(200)).text);
      expect(ids.length).toBeLessThanOrEqual(size);
      seen.push(...(ids as string[]));
    }
    expect(seen).toEqual(library.documents.map((d) => d.id));
    const last = columnIds(
      (
        await request(app)
          .get(`/compare?theme=hydrogen&page=${pages + 7}`)
          .expect(200)
      ).text,
    );
    expect(last).toEqual(seen.slice((pages - 1) * size));
  });

  it('the pager keeps the theme and the place; the CSV link drops the page', async () => {
    const html = (await request(app).get('/compare?theme=hydrogen&page=2').expect(200)).text;
    expect(html).toContain('href="/compare?theme=hydrogen&amp;page=3"');
    expect(html).toContain('href="/compare.csv?theme=hydrogen"');
  });

  it('many candidates: the check boxes fold behind a filter box, none ticked; a place with few: one box per document in view', async () => {
    const all = (await request(app).get('/compare?theme=hydrogen').expect(200)).text;
    expect(all.length).toBeGreaterThan(0);
    const fold = all.slice(all.indexOf('<details class="facet-more pick-more">'), all.indexOf('</details>'));
    expect([...fold.matchAll(/name="docs" value="([^"]+)"/gu)].map((m) => m[1])).toEqual(library.documents.map((d) => d.id));
    expect(fold).not.toContain('checked');
    expect(fold).toContain('class="facet-filter"');
    expect(all).toContain('共 50 份文件，不勾选则全部参与比较');
    // Two ticked in the fold: the fold opens, says so, and only those two are compared.
    const two = library.documents.slice(3, 5).map((d) => d.id);
    const picked = (
      await request(app)
        .get(`/compare?theme=hydrogen&docs=${two.join(',')}`)
        .expect(200)
    ).text;
    expect(picked).toContain('<details class="facet-more pick-more" open>');
    expect(picked).toContain('已勾选 2 份');
    expect([...picked.matchAll(/value="([^"]+)" checked/gu)].map((m) => m[1])).toEqual(two);
    expect(columnIds(picked)).toEqual(two);
    const place = library.regions.root.children[0]!;
    const narrowed = (
      await request(app)
        .get(`/compare?theme=hydrogen&place=${encodeURIComponent(place)}`)
        .expect(200)
    ).text;
    const under = library.regions.byId.get(place)!.allDocs.map((d) => d.id);
    expect([...narrowed.matchAll(/name="docs" value="([^"]+)"/gu)].map((m) => m[1])).toEqual(under);
    expect(columnIds(narrowed)).toEqual(under);
  });

  it('the CSV holds every column of the place, unpaged', async () => {
    const csv = (await request(app).get('/compare.csv?theme=hydrogen').expect(200)).text;
    const rows = csv.trim().split('\r\n').slice(1);
    const titles = new Set(library.documents.map((d) => d.title));
    const docsInCsv = new Set(rows.map((r) => r.split(',')[2]).filter((t) => titles.has(t as string)));
    expect(docsInCsv.size).toBe(50);
    const node = library.regions.byId.get(library.regions.root.children[1]!)!;
    const narrowed = (
      await request(app)
        .get(`/compare.csv?theme=hydrogen&place=${encodeURIComponent(node.id)}`)
        .expect(200)
    ).text;
    const placeRows = narrowed.trim().split('\r\n').slice(1);
    expect(new Set(placeRows.map((r) => r.split(',')[2]))).toEqual(new Set(node.allDocs.map((d) => d.title)));
    // One row per clause, and one 未提及 row for a document without any.
    expect(placeRows).toHaveLength(node.allDocs.reduce((n, d) => n + Math.max(1, hydrogenCount([d.id])), 0));
  });
});

describe('/themes/<id> pages its jurisdictions', () => {
  it('page 2 holds the next documents, and the pager says how many pages there are', async () => {
    const html = (await request(app).get('/themes/hydrogen?page=2').expect(200)).text;
    const size = CROSSREF_DEFAULTS.compareColumns;
    const ids = [...html.matchAll(/aria-labelledby="j-([^"]+)"/gu)].map((m) => m[1]);
    expect(ids).toEqual(library.documents.slice(size, 2 * size).map((d) => d.id));
    expect(html).toContain(`第 2/${Math.ceil(50 / size)} 页`);
  });

  it('narrows to a place and a level; its compare link and pager keep them', async () => {
    const node = library.regions.byId.get(library.regions.root.children[2]!)!;
    const place = encodeURIComponent(node.id);
    const html = (await request(app).get(`/themes/hydrogen?place=${place}`).expect(200)).text;
    const ids = (h: string) => [...h.matchAll(/aria-labelledby="j-([^"]+)"/gu)].map((m) => m[1]);
    expect(ids(html)).toEqual(node.allDocs.map((d) => d.id));
    expect(html).toContain(`href="/compare?theme=hydrogen&amp;place=${place}"`);
    const cities = (await request(app).get(`/themes/hydrogen?place=${place}&level=city`).expect(200)).text;
    expect(ids(cities)).toEqual(node.allDocs.filter((d) => d.level === 'city').map((d) => d.id));
    expect(ids(cities).length).toBeGreaterThan(0);
    expect(cities).toContain(`href="/compare?theme=hydrogen&amp;place=${place}&amp;level=city"`);
    const none = (await request(app).get(`/themes/hydrogen?place=${place}&level=national`).expect(200)).text;
    expect(ids(none)).toEqual([]);
    expect(none).toContain('所选地区和层级下没有文件');
    expect((await request(app).get('/themes/hydrogen?level=town').expect(400)).text).toContain('FILTER_UNKNOWN');
    expect((await request(app).get('/themes/hydrogen?place=火星省').expect(404)).text).toContain('PLACE_NOT_FOUND');
  });
});

describe('/themes by level', () => {
  it('level=city regroups the city plans by province; every column, cell and total counts city plans only', async () => {
    const html = (await request(app).get('/themes?level=city').expect(200)).text;
    expect(html).toContain('主题 × 地区（市级）');
    const cityDocs = library.documents.filter((d) => d.level === 'city');
    expect(html).toContain(`共 <strong>${cityDocs.length}</strong> 份文件`);
    const row = html.slice(html.indexOf('href="/themes/hydrogen?'));
    const total = /<td class="total"><a href="([^"]+)">(\d+)<\/a>/u.exec(row);
    expect(Number(total?.[2])).toBe(hydrogenCount(cityDocs.map((d) => d.id)));
    expect(total?.[1]).toBe('/compare?theme=hydrogen&amp;level=city');
    // Each column is a city plan, or a place whose drill-down keeps the level.
    const heads = gridHeads(html);
    expect(heads.length).toBeGreaterThan(0);
    const cityHrefs = new Set(cityDocs.map((d) => `/docs/${encodeURIComponent(d.id)}`));
    for (const href of heads) expect(cityHrefs.has(href) || /^\/themes\?place=[^&]+&level=city$/u.test(href), href).toBe(true);
    const inOne = (
      await request(app)
        .get(`/themes?place=${encodeURIComponent(library.regions.root.children[0]!)}&level=city`)
        .expect(200)
    ).text;
    expect(gridHeads(inOne)).toEqual(
      library.regions.byId
        .get(library.regions.root.children[0]!)!
        .allDocs.filter((d) => d.level === 'city')
        .map((d) => `/docs/${encodeURIComponent(d.id)}`),
    );
  });

  it('the level switch lists each level present with its count, the chosen one marked', async () => {
    const html = (await request(app).get('/themes?level=county').expect(200)).text;
    const nav = html.slice(html.indexOf('<nav class="level-switch"'), html.indexOf('</nav>', html.indexOf('<nav class="level-switch"')));
    for (const level of ['province', 'city', 'county'] as const) {
      const n = library.documents.filter((d) => d.level === level).length;
      expect(nav).toContain(`${LEVEL_LABELS[level]}（${n}）`);
    }
    expect(nav).toContain(`<strong aria-current="page">县级（`);
    expect(nav).toContain(`全部层级（${library.documents.length}）`);
  });
});

describe('/docs browses by place, sorts and pages', () => {
  const titlesIn = (html: string) => [...html.matchAll(/<a class="doc-title" href="\/docs\/([^"]+)"/gu)].map((m) => decodeURIComponent(m[1]!));

  it('regression: /docs without page= listed every document instead of the first page', async () => {
    // 50 plans fit one page of 100: shrink the page for this test so the first page is a part.
    const defaults = LIST_DEFAULTS as { docsPageSize: number };
    const size = defaults.docsPageSize;
    defaults.docsPageSize = 20;
    try {
      const first = titlesIn((await request(app).get('/docs').expect(200)).text);
      expect(first).toHaveLength(20);
      expect(first).toEqual(titlesIn((await request(app).get('/docs?page=1').expect(200)).text));
      // The API still lists every document.
      expect((await request(app).get('/api/docs').expect(200)).body.docs).toHaveLength(50);
    } finally {
      defaults.docsPageSize = size;
    }
  });

  it('the place tree lists the provinces with counts; a province narrows the list to its plans', async () => {
    const html = (await request(app).get('/docs').expect(200)).text;
    for (const id of library.regions.root.children) expect(html).toContain(`href="/docs?place=${encodeURIComponent(id)}"`);
    const node = library.regions.byId.get(library.regions.root.children[2]!)!;
    const narrowed = (await request(app).get('/docs').query({ place: node.id }).expect(200)).text;
    expect(titlesIn(narrowed).sort()).toEqual(node.allDocs.map((d) => d.id).sort());
    expect(narrowed).toContain(`<span aria-current="page">${node.name}</span>`);
    expect((await request(app).get('/api/docs').query({ place: node.id }).expect(200)).body.total).toBe(node.allDocs.length);
    expect((await request(app).get('/docs').query({ place: '火星省' }).expect(404)).text).toContain('PLACE_NOT_FOUND');
  });

  it('sort=date lists newest first, documents without a date last; order=asc reverses the dated ones', async () => {
    const ids = titlesIn((await request(app).get('/docs').query({ sort: 'date' }).expect(200)).text);
    const dates = ids.map((id) => library.getDocument(id)!.date);
    const dated = dates.filter((d): d is string => d !== null);
    expect(dated).toEqual([...dated].sort().reverse());
    expect(dates.slice(dated.length).every((d) => d === null)).toBe(true);
    const asc = titlesIn((await request(app).get('/docs').query({ sort: 'date', order: 'asc' }).expect(200)).text)
      .map((id) => library.getDocument(id)!.date)
      .filter((d) => d !== null);
    expect(asc).toEqual([...asc].sort());
    expect((await request(app).get('/docs').query({ sort: 'popularity' }).expect(400)).text).toContain('popularity');
  });

  it('every sort lists each document once, on pages that together hold them all', () => {
    for (const sort of DOC_SORTS) {
      const seen: string[] = [];
      for (let page = 1; page <= 6; page++) {
        const view = docsView(library, docFiltersFrom({}, library), { place: '', sort, order: 'asc', page, size: 9 });
        expect(view.pages).toBe(6);
        seen.push(...view.groups.flatMap((g) => g.regions.flatMap((r) => r.docs.map((d) => d.id))));
      }
      expect(seen.sort(), sort).toEqual(library.documents.map((d) => d.id).sort());
    }
  });
});

describe('/policies pages', () => {
  it('every cited policy is on exactly one page; past the last page shows the last', async () => {
    const all = library.enrichment.policies;
    const size = LIST_DEFAULTS.policiesPageSize;
    const pages = Math.max(1, Math.ceil(all.length / size));
    const rowsOf = (html: string) => (html.match(/<tr id="/gu) ?? []).length;
    let rows = 0;
    for (let p = 1; p <= pages; p++) {
      const html = (
        await request(app)
          .get('/policies')
          .query({ page: String(p) })
          .expect(200)
      ).text;
      expect(rowsOf(html)).toBe(Math.min(size, all.length - (p - 1) * size));
      rows += rowsOf(html);
    }
    expect(rows).toBe(all.length);
    expect(
      rowsOf(
        (
          await request(app)
            .get('/policies')
            .query({ page: String(pages + 3) })
            .expect(200)
        ).text,
      ),
    ).toBe(all.length - (pages - 1) * size);
    expect((await request(app).get('/policies').query({ page: '0' }).expect(400)).text).toContain('page');
  });

  it('a policy cited by many plans lists the first few and links its own page of every citing plan', async () => {
    const shown = LIST_DEFAULTS.policyCitingShown;
    const policy = library.enrichment.policies.find((p) => p.citedBy.length > shown);
    expect(policy, 'the ×10 library has a policy cited by more plans than are shown').toBeDefined();
    const at = library.enrichment.policies.indexOf(policy!);
    const html = (
      await request(app)
        .get(`/policies?page=${Math.floor(at / LIST_DEFAULTS.policiesPageSize) + 1}`)
        .expect(200)
    ).text;
    const row = html.slice(html.indexOf(`<tr id="${encodeURIComponent(policy!.key)}"`));
    const cell = row.slice(0, row.indexOf('</tr>'));
    expect((cell.match(/class="cited-by"/gu) ?? []).length).toBe(shown);
    expect(cell).toContain(`另有 ${policy!.citedBy.length - shown} 份方案引用`);
    const href = /<a href="([^"]+)">全部 \d+ 份<\/a>/u.exec(cell)?.[1]?.replace(/&amp;/gu, '&');
    expect(href).toBe(`/policies/${encodeURIComponent(policy!.key)}`);
    // Its own page lists every citing plan, paged, each with its clauses.
    const own = (await request(app).get(href!).expect(200)).text;
    expect(own).toContain(`共 ${policy!.citedBy.length} 份方案引用`);
    const listed = [...own.matchAll(/<tr class="cited-by">\s*<th scope="row"><a href="\/docs\/([^"]+)"/gu)].map((m) => decodeURIComponent(m[1]!));
    expect(listed).toEqual(policy!.citedBy.slice(0, LIST_DEFAULTS.policiesPageSize).map((c) => c.docId));
    const res = await request(app).get('/policies/不存在的政策').expect(404);
    expect(res.text).toContain('POLICY_NOT_FOUND');
    expect(res.text).toContain('不存在的政策');
  });
});

describe('/compare?layout=rows', () => {
  it('shows the same jurisdictions and clauses as the columns, one row each, with a link back; the CSV link drops the layout', async () => {
    const columns = (await request(app).get('/compare').query({ theme: 'hydrogen', page: '2' }).expect(200)).text;
    const rows = (await request(app).get('/compare').query({ theme: 'hydrogen', page: '2', layout: 'rows' }).expect(200)).text;
    expect(columnIds(rows)).toEqual(columnIds(columns));
    expect((rows.match(/class="compare-clause"/gu) ?? []).length).toBe((columns.match(/class="compare-clause"/gu) ?? []).length);
    expect(rows).toContain('class="compare rows"');
    expect(rows).toContain('href="/compare?theme=hydrogen&amp;page=2">按列并排</a>');
    expect(rows).toContain('href="/compare?theme=hydrogen&amp;layout=rows&amp;page=3"');
    expect(rows).toContain('href="/compare.csv?theme=hydrogen"');
    expect((await request(app).get('/compare').query({ theme: 'hydrogen', layout: 'diagonal' }).expect(400)).text).toContain('layout');
  });
});

describe('/targets/<indicator> with many jurisdictions', () => {
  it('draws a distribution for each measure with more than 40 jurisdictions and bars for the others', async () => {
    const html = (await request(app).get('/targets/non-fossil-share').expect(200)).text;
    const groups = chartGroups(
      library,
      library.enrichment.targets.filter((t) => t.indicator === 'non-fossil-share'),
    );
    const many = groups.filter((g) => g.bars.length > DISTRIBUTION_FROM);
    expect(groups.length).toBeGreaterThan(0);
    expect((html.match(/<figure class="chart distribution">/gu) ?? []).length).toBe(many.length);
    expect((html.match(/<figure class="chart">/gu) ?? []).length).toBe(groups.length - many.length);
  });
});
