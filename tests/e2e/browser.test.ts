// End to end in a real browser (Debian's Chromium via playwright-core) against the real app on a
// free local port: the researcher's path from a search to a cited clause, its theme and the
// side-by-side comparison; keyboard access; no console or CSP errors; axe-core on the main pages.
// Screenshots of every step go to test-results/e2e/ (git-ignored).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  describeViolations,
  launchChromium,
  openVersionPair,
  openWideLibrary,
  PageProblems,
  resetScreenshots,
  runAxe,
  SCREENSHOT_DIR,
  screenshot,
  startServer,
  VERSION_PAIR,
  type Browser,
  type BrowserContext,
  type Page,
  type RunningServer,
} from './browser.js';
import { CHENGDU } from '../helpers.js';
import { readPdfPages } from '../../src/ingest/pdf/read.js';

const QUERY = '加氢站';

let server: RunningServer;
let wide: Awaited<ReturnType<typeof openWideLibrary>> | undefined;
let browser: Browser | undefined;
/** Why Chromium did not start: every test then fails with it (counted as failures, not skips). */
let launchError: unknown = null;
const problems = new PageProblems();
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  resetScreenshots();
  try {
    browser = await launchChromium();
  } catch (err) {
    launchError = err;
    return;
  }
  wide = await openWideLibrary();
  server = await startServer(wide.engine);
  console.log(`e2e: screenshots in ${SCREENSHOT_DIR}`);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  wide?.cleanup();
});

afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close();
  // Every page visited in the test: no console errors (CSP violations are console errors), no page errors.
  expect(problems.take(), 'console errors, page errors or failed requests').toEqual([]);
});

/** The jurisdictions of every document under 四川省, as /api/docs gives them. */
async function sichuanNames(): Promise<string[]> {
  const res = await fetch(`${server.origin}/api/docs?place=${encodeURIComponent('四川省')}`);
  const body = (await res.json()) as { docs: { jurisdiction: string | null }[] };
  return [...new Set(body.docs.map((d) => d.jurisdiction).filter((j): j is string => Boolean(j)))];
}

/** A fresh page in its own context, watched for console and page errors. */
async function newPage(options: { clipboard?: boolean; width?: number } = {}): Promise<Page> {
  if (!browser) throw launchError;
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 }, locale: 'zh-CN' });
  contexts.push(context);
  if (options.clipboard) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  return problems.watch(await context.newPage());
}

describe('in Chromium', { timeout: 90_000 }, () => {
  it('search → marked results → clause → citation copied → theme → all five jurisdictions → compare', async () => {
    const page = await newPage({ clipboard: true });

    // Home page: type the query into the header search box and submit.
    await page.goto(server.origin + '/');
    expect(await page.title()).toContain('气候政策检索');
    await screenshot(page, 'home');
    const box = page.getByRole('searchbox', { name: '检索词' });
    await box.fill(QUERY);
    await Promise.all([page.waitForURL(/\/search\?/u), box.press('Enter')]);
    expect(new URL(page.url()).searchParams.get('q')).toBe(QUERY);

    // Results: hits with the query marked in their snippets.
    const hits = page.locator('ol.hits > li.hit');
    await hits.first().waitFor();
    expect(await hits.count()).toBeGreaterThan(0);
    expect(await page.locator('main h1').textContent()).toContain(QUERY);
    const marks = await page.locator('ol.hits .snippet mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((m) => m === QUERY)).toBe(true);
    await screenshot(page, 'results');

    // Open the first hit's clause page (its permalink /c/<id>, with the query highlighted).
    const first = hits.first();
    const hitCitation = (await first.locator('code.citation').textContent())?.trim();
    const clauseLink = first.getByRole('link', { name: '条款页' });
    const clauseHref = await clauseLink.getAttribute('href');
    // A hit's 复制链接 copies its permalink absolute, from the page's own origin (no PUBLIC_ORIGIN here).
    const copyLink = first.locator('button.copy', { hasText: '复制链接' });
    await copyLink.click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText()), { timeout: 5000, interval: 20 }).toBe(`${server.origin}${new URL(clauseHref ?? '', server.origin).pathname}`);
    await Promise.all([page.waitForURL(/\/c\/[^/?]+/u), clauseLink.click()]);
    const clauseUrl = new URL(page.url());
    expect(clauseUrl.pathname).toMatch(/^\/c\/[a-z0-9-]+\.[a-z0-9_]+$/u);
    expect(clauseUrl.pathname).toBe(new URL(clauseHref ?? '', server.origin).pathname);
    expect(await page.locator('.clause-full mark').first().textContent()).toBe(QUERY);

    // The citation is visible (the same as on the results page), and the copy button puts
    // exactly that text on the clipboard.
    const cite = page.locator('section.citing p.cite');
    const citation = (await cite.locator('code.citation').textContent())?.trim() ?? '';
    expect(await cite.locator('code.citation').isVisible()).toBe(true);
    expect(citation).toMatch(/^《.+》/u);
    expect(citation).toBe(hitCitation);
    // Located by class: the button's name changes to 已复制 once clicked.
    const copy = cite.locator('button.copy');
    await copy.waitFor({ state: 'visible' });
    expect(await copy.textContent()).toBe('复制引用');
    await copy.click();
    await expect.poll(() => copy.textContent(), { timeout: 5000, interval: 20 }).toBe('已复制');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(citation);
    await screenshot(page, 'clause');

    // The clause page's theme chips: follow the hydrogen theme.
    const themeLink = page.locator('p.themes-line a.chip[href="/themes/hydrogen"]');
    expect(await themeLink.count(), 'the clause page links to its hydrogen theme').toBe(1);
    await Promise.all([page.waitForURL(/\/themes\/hydrogen$/u), themeLink.click()]);
    await screenshot(page, 'theme');

    // 91 documents: narrow the theme page to 四川省 with the place picker.
    const sichuan = await sichuanNames();
    await page.locator('form.compare-form select[name="place"]').selectOption('四川省');
    await Promise.all([page.waitForURL(/place=/u), page.locator('form.compare-form button[type="submit"]').click()]);
    const headings = (await page.locator('section.jurisdiction h2').allTextContents()).map((t) => t.replace(/\s+/gu, ' '));
    expect(headings.length).toBeGreaterThan(0);
    expect(headings.length).toBeLessThanOrEqual(10);
    for (const h of headings)
      expect(
        sichuan.some((name) => h.includes(` ${name} · `)),
        h,
      ).toBe(true);
    // Each jurisdiction shows its clauses or says 未提及.
    for (const section of await page.locator('section.jurisdiction').all()) {
      expect((await section.locator('ol.theme-clauses > li').count()) + (await section.locator('.absent').count())).toBeGreaterThan(0);
    }
    await screenshot(page, 'theme-sichuan');

    // From there to the compare page, still in 四川省: ten columns a page, every one Sichuan's.
    await Promise.all([page.waitForURL(/\/compare\?theme=hydrogen&place=/u), page.getByRole('link', { name: '并排比较', exact: true }).click()]);
    const columns = page.locator('.compare > section.compare-col');
    await columns.first().waitFor();
    const columnHeads = (await columns.locator('h2').allTextContents()).map((t) => t.replace(/\s+/gu, ' ').trim());
    expect(columnHeads).toHaveLength(10);
    for (const h of columnHeads)
      expect(
        sichuan.some((name) => h.endsWith(name)),
        h,
      ).toBe(true);
    expect(await page.locator('nav.pager').count()).toBeGreaterThan(0);
    expect(await columns.locator('.compare-clause').count()).toBeGreaterThan(0);
    await screenshot(page, 'compare');
  });

  it('keyboard: Tab reaches the search box, then the first result, and Enter follows it', async () => {
    const page = await newPage();
    await page.goto(server.origin + '/');
    const describeFocus = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        return el ? `<${el.tagName.toLowerCase()}> ${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 20)}` : '(none)';
      });
    const searchBoxFocused = () => page.evaluate(() => document.activeElement?.matches('header input[name=q]') ?? false);

    // From a fresh load: the skip link first, then the brand link, then the search box.
    const path: string[] = [];
    for (let i = 0; i < 4 && !(await searchBoxFocused()); i++) {
      await page.keyboard.press('Tab');
      path.push(await describeFocus());
    }
    expect(await searchBoxFocused(), `Tab went ${path.join(' → ')}`).toBe(true);
    expect(path[0], 'the skip link comes first').toContain('跳到正文');
    const boxOutline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(boxOutline, 'the focused search box shows a focus outline').not.toBe('none');

    await page.keyboard.type(QUERY);
    await Promise.all([page.waitForURL(/\/search\?/u), page.keyboard.press('Enter')]);
    await page.locator('ol.hits > li.hit').first().waitFor();
    await screenshot(page, 'keyboard-results');

    // Results page: Tab (past the header, the tools and the facets) to the first result's own
    // link, its pinpoint label, which opens the plan at that clause with the query highlighted.
    const target = page.locator('ol.hits > li.hit').first().locator('.hit-where a.label');
    const href = await target.getAttribute('href');
    expect(href).toMatch(/^\/docs\/[^?#]+\?hl=[^#]+#[a-z0-9_]+$/u);
    let presses = 0;
    let facetFirst = false;
    while (presses < 150 && !(await target.evaluate((el) => el === document.activeElement))) {
      await page.keyboard.press('Tab');
      presses++;
      if (await page.evaluate(() => Boolean(document.activeElement?.closest('.facets')))) facetFirst = true;
    }
    expect(await target.evaluate((el) => el === document.activeElement), `Tab reaches the first result (${presses} presses)`).toBe(true);
    // Issue 19: the facets came first in tab order (26 presses); they now follow the results.
    expect(facetFirst, 'no facet link is focused before the first result').toBe(false);
    expect(presses).toBeLessThan(26);
    expect(await target.evaluate((el) => getComputedStyle(el).outlineStyle), 'the focused result link shows a focus outline').not.toBe('none');
    await screenshot(page, 'keyboard-first-result-focused');

    const expected = new URL(href ?? '', server.origin).href;
    await Promise.all([page.waitForURL(expected), page.keyboard.press('Enter')]);
    const eId = new URL(expected).hash.slice(1);
    expect(await page.locator(`[id="${eId}"]`).getAttribute('class')).toContain('hl-hit');
  });

  it('skip link moves focus to the main content', async () => {
    const page = await newPage();
    await page.goto(`${server.origin}/docs/${CHENGDU}`);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: '跳到正文' });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await skip.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).hash).toBe('#main');
  });

  it('results page: the first Tab offers 跳到检索结果, which lands on the results; "/" puts the cursor in the search box', async () => {
    const page = await newPage();
    await page.goto(`${server.origin}/search?q=${encodeURIComponent(QUERY)}`);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: '跳到检索结果' });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).hash).toBe('#results');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('#results')))).toBe(true);
    await page.keyboard.press('/');
    const box = page.locator('form.searchbox input[name="q"]');
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
    // Typed into the box, "/" is a character, not the shortcut.
    await page.keyboard.press('End');
    await page.keyboard.type('/');
    expect(await box.inputValue()).toBe(`${QUERY}/`);
    // The facets stay to the left of the results on a wide screen.
    const facets = await page.locator('aside.facets').boundingBox();
    const results = await page.locator('#results').boundingBox();
    expect(facets && results && facets.x < results.x).toBe(true);
  });

  it('a long facet narrows as you type, opening its folded values; a miss says so', async () => {
    const page = await newPage();
    await page.goto(`${server.origin}/search?q=${encodeURIComponent(QUERY)}`);
    const block = page.locator('.facet-block', { has: page.locator('ul.facet-theme') });
    const box = block.locator('input.facet-filter');
    expect(await box.isVisible()).toBe(true);
    const labels = await block.locator('li a').allTextContents();
    expect(labels.length).toBeGreaterThan(10);
    await box.fill('氢');
    const shown = await block.locator('li a:visible').allTextContents();
    expect(shown).toEqual(labels.filter((l) => l.includes('氢')));
    expect(await block.locator('details.facet-more').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await box.fill('不存在的主题');
    expect(await block.locator('li a:visible').count()).toBe(0);
    expect(await block.locator('.facet-none').isVisible()).toBe(true);
    await screenshot(page, 'facet-filter');
  });

  it("themes by region and level: the nation's own plans are one 本级 column that drills down to them, told apart by title", async () => {
    const page = await newPage();
    await page.goto(`${server.origin}/themes`);
    const heads = page.locator('table.grid thead th.doc-col a');
    expect(await heads.first().textContent()).toBe('国家本级');
    // Provinces sit beside it, each linking one level down.
    const hrefs = await heads.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toContain(`/themes?place=${encodeURIComponent('四川省')}`);
    await Promise.all([page.waitForURL(/level=national/u), heads.first().click()]);
    expect(await page.locator('main h1').textContent()).toContain('（国家级）');
    const national = await page.locator('table.grid thead th.doc-col a').allTextContents();
    expect(national.length).toBeGreaterThan(1);
    expect(new Set(national).size, 'each national plan has its own column name').toBe(national.length);
    expect(national).not.toContain('国家');
    await screenshot(page, 'themes-national');
    // The level switch goes back to every level; a province opens into its cities.
    await page.goto(`${server.origin}/themes?place=${encodeURIComponent('四川省')}`);
    // A city with one plan is named; a city with several names each plan's title above the city.
    const cityHeads = (await page.locator('table.grid thead th.doc-col').allTextContents()).join(' ');
    for (const city of ['成都市', '绵阳市', '乐山市']) expect(cityHeads).toContain(city);
  });

  it('targets by region: an indicator narrowed to 四川省 lists only its jurisdictions', async () => {
    const page = await newPage();
    const sichuan = await sichuanNames();
    await page.goto(`${server.origin}/targets/non-fossil-share?region=${encodeURIComponent('四川省')}`);
    const places = (await page.locator('table tbody tr td:nth-child(2)').allTextContents()).map((t) => t.replace(/\s+/gu, ' ').trim());
    expect(places.length).toBeGreaterThan(0);
    for (const p of places)
      expect(
        sichuan.some((name) => p.startsWith(name)),
        p,
      ).toBe(true);
  });

  it('compare: hand-pick documents from a folded list that narrows as you type; column heads stay in view while the columns scroll', async () => {
    const page = await newPage();
    await page.goto(`${server.origin}/compare?theme=hydrogen`);
    const block = page.locator('.pick-block');
    await block.locator('summary').click();
    const box = block.locator('input.facet-filter');
    await box.fill('成都');
    const shown = await block.locator('label.doc-check:visible').allTextContents();
    expect(shown.length).toBeGreaterThan(0);
    for (const label of shown) expect(label).toContain('成都');
    await box.fill('绵阳');
    await block.locator('label.doc-check:visible input').first().check();
    await box.fill('乐山');
    await block.locator('label.doc-check:visible input').first().check();
    await Promise.all([page.waitForURL(/docs=/u), page.locator('form.compare-form button[type="submit"]').click()]);
    const heads = (await page.locator('.compare > section.compare-col h2').allTextContents()).map((t) => t.trim());
    expect(heads).toHaveLength(2);
    expect(heads[0]).toContain('绵阳市');
    expect(heads[1]).toContain('乐山市');
    expect(await page.locator('.pick-block').textContent()).toContain('已勾选 2 份');

    // Sticky heads: scroll the columns' own box; each head stays at its top.
    await page.goto(`${server.origin}/compare?theme=hydrogen&place=${encodeURIComponent('四川省')}`);
    const tops = await page.evaluate(() => {
      const box = document.querySelector('.compare') as HTMLElement;
      box.scrollIntoView();
      box.scrollTop = 600;
      const head = document.querySelector('.compare .col-head') as HTMLElement;
      return { scrolled: box.scrollTop, box: box.getBoundingClientRect().top, head: head.getBoundingClientRect().top };
    });
    expect(tops.scrolled).toBeGreaterThan(0);
    expect(Math.abs(tops.head - tops.box)).toBeLessThan(2);
    await screenshot(page, 'compare-sticky');
  });

  it('print: compare, targets and a clause say where from and when, number their pages, and keep highlights', async () => {
    const page = await newPage();
    const limits = { timeoutMs: 30_000, maxHeapMb: 512 };
    for (const [path, heading] of [
      ['/compare?theme=hydrogen', '并排比较：氢能'],
      ['/targets', '量化目标'],
      [`/c/${CHENGDU}.part_1?hl=${encodeURIComponent('碳')}`, '成都市碳达峰实施方案'],
    ] as const) {
      await page.goto(server.origin + path);
      const pdf = await page.pdf({ format: 'A4' });
      const pages = await readPdfPages(new Uint8Array(pdf), path, limits);
      // Chromium's PDF maps some glyphs to Kangxi radicals (⽣ for 生): NFKC folds them back.
      const texts = pages.map((p) =>
        p.items
          .map((item) => item[4])
          .join('')
          .replace(/\s+/gu, '')
          .normalize('NFKC'),
      );
      expect(texts[0], path).toContain(`来源:${server.origin}${path}`.replace(/\s+/gu, ''));
      expect(texts[0], path).toContain(`生成于`);
      expect(texts.join(''), path).toContain(heading.normalize('NFKC'));
      texts.forEach((text, i) => expect(text, `${path} page ${i + 1}`).toContain(`第${i + 1}/${texts.length}`));
      // Regression: each column's first clause, kept whole, went to page 2 and left page 1 blank.
      // Checked by the first clause's words rather than a length: the column heads grow as they gain summaries.
      if (path.startsWith('/compare')) {
        const first = ((await page.locator('.compare-clause p').first().textContent()) ?? '').replace(/\s+/gu, '').normalize('NFKC').slice(0, 12);
        expect(first.length, 'compare has a clause').toBe(12);
        expect(texts[0], 'compare page 1 holds the first clause').toContain(first);
      }
      await page.emulateMedia({ media: 'print' });
      const mark = page.locator('mark').first();
      if ((await mark.count()) > 0) expect(await mark.evaluate((el) => getComputedStyle(el).printColorAdjust), path).toBe('exact');
      await page.emulateMedia({ media: null });
    }
  });

  it('phone (390 px): no page scrolls sideways; wide tables scroll inside their box', async () => {
    const page = await newPage({ width: 390 });
    const paths = [
      '/',
      `/search?q=${encodeURIComponent(QUERY)}`,
      '/docs',
      `/docs/${CHENGDU}`,
      `/c/${CHENGDU}.part_1`,
      '/docs?page=2&sort=date',
      '/themes',
      '/themes?level=national',
      `/themes?place=${encodeURIComponent('四川省')}`,
      '/themes/hydrogen',
      `/themes/hydrogen?place=${encodeURIComponent('四川省')}`,
      '/compare?theme=hydrogen',
      '/compare?theme=ccer&layout=rows',
      `/compare?q=${encodeURIComponent(QUERY)}`,
      '/targets',
      '/targets?page=2',
      '/targets/non-fossil-share',
      '/policies',
      '/policies?page=2',
      '/search?q=龘靐齉',
    ];
    for (const path of paths) {
      await page.goto(server.origin + path);
      const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, body: document.body.scrollWidth, view: window.innerWidth }));
      expect(widths.page, `${path}: page ${widths.page} px wide in a ${widths.view} px window`).toBeLessThanOrEqual(widths.view);
      expect(widths.body, path).toBeLessThanOrEqual(widths.view);
    }
  });

  /** The page is no wider than the window, and axe finds nothing serious or critical. */
  async function fitsAndPasses(page: Page, url: string): Promise<void> {
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, view: window.innerWidth }));
    expect(widths.page, `${url}: page ${widths.page} px wide in a ${widths.view} px window`).toBeLessThanOrEqual(widths.view);
    const severe = (await runAxe(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(
      severe.map((v) => `${v.impact} ${v.id}`),
      `axe-core on ${url}:\n${describeViolations(severe)}\n`,
    ).toEqual([]);
  }

  it('reuse down the hierarchy: 绵阳’s 决定 against 四川’s, a clause’s diff, a theme’s diffusion, at 1280 and 390 px', async () => {
    const DOC = 'mianyang-decision';
    for (const width of [1280, 390]) {
      const page = await newPage({ width });
      await page.goto(`${server.origin}/docs/${DOC}`);
      const shares = page.locator('section.doc-reuse ul.reuse-shares li');
      expect(await shares.count()).toBe(4);
      expect(await shares.allTextContents()).toEqual([expect.stringContaining('照搬'), expect.stringContaining('细化'), expect.stringContaining('改写'), expect.stringContaining('新增')]);
      await fitsAndPasses(page, `/docs/${DOC}`);
      await screenshot(page, `reuse-doc-${width}`);

      // A measure made specific (the README's example): its page shows the parent clause and the character diff.
      const clause = `${DOC}.part_1__item_2__indent_2`;
      await page.goto(`${server.origin}/c/${clause}`);
      await page.locator('section.reuse').waitFor();
      expect(await page.locator('section.reuse .reuse-tag').first().textContent()).toBe('细化');
      expect(await page.locator('section.reuse .reuse-diff ins').count()).toBeGreaterThan(0);
      await fitsAndPasses(page, `/c/${clause}`);
      await screenshot(page, `reuse-clause-${width}`);

      await page.goto(`${server.origin}/themes/hydrogen/diffusion`);
      expect(await page.locator('table.diffusion tbody tr').count()).toBeGreaterThan(0);
      await fitsAndPasses(page, '/themes/hydrogen/diffusion');
      await screenshot(page, `diffusion-${width}`);
    }
  });

  it('versions: a draft and its issued text, the added clause and the changed figure called out, at 1280 and 390 px', async () => {
    const pair = await openVersionPair();
    const versions = await startServer(pair.engine);
    try {
      const url = `/versions/${VERSION_PAIR.draft}/${VERSION_PAIR.issued}`;
      for (const width of [1280, 390]) {
        const page = await newPage({ width });
        // From the draft's page, by its link to the comparison.
        await page.goto(`${versions.origin}/docs/${VERSION_PAIR.draft}`);
        await Promise.all([page.waitForURL((u) => u.pathname === url), page.locator(`a[href="${url}"]`).first().click()]);
        const rows = page.locator('li.version-row');
        expect((await rows.locator('.change-tag').allTextContents()).sort()).toEqual(['修改', '新增'].sort());
        expect(await page.locator('.target-changes').textContent()).toMatch(/40\s?%\s?左右 → 42\s?%\s?左右/u);
        await fitsAndPasses(page, url);
        await screenshot(page, `versions-${width}`);
      }
    } finally {
      await versions.close();
      pair.cleanup();
    }
  });

  // [name, url, screenshot]: pages the flow has already shot are not shot again.
  const AXE_PAGES: [string, string, boolean][] = [
    ['home', '/', false],
    ['results', `/search?q=${encodeURIComponent(QUERY)}`, false],
    ['filtered results', `/search?q=${encodeURIComponent(QUERY)}&level=city&expand=1`, true],
    ['document', `/docs/${CHENGDU}`, true],
    ['theme', '/themes/hydrogen', false],
    ['targets', '/targets', true],
    // Beyond the five the issue names: the other page kinds a reader reaches from these.
    ['clause', `/c/${CHENGDU}.part_1`, false],
    ['compare', '/compare?theme=hydrogen', false],
    ['themes grid', '/themes', true],
    ['indicator chart', '/targets/non-fossil-share', true],
    ['document list', '/docs', true],
    ['filtered document list', `/docs?region=${encodeURIComponent('四川省')}&level=city`, false],
  ];

  it.each(AXE_PAGES)('axe-core: no serious or critical violations on the %s page (%s)', async (name, url, shoot) => {
    const page = await newPage();
    await page.goto(server.origin + url);
    await page.locator('main h1').first().waitFor();
    const violations = await runAxe(page);
    const severe = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    const minor = violations.filter((v) => !severe.includes(v));
    if (minor.length) console.log(`axe on ${url}: ${minor.length} minor or moderate:\n${describeViolations(minor)}`);
    if (shoot) await screenshot(page, `axe-${name.replace(/ /gu, '-')}`);
    expect(
      severe.map((v) => `${v.impact} ${v.id}`),
      `axe-core on ${url}:\n${describeViolations(severe)}\n`,
    ).toEqual([]);
  });
});
