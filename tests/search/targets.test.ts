// Asking the targets: filter and sort parameters with their errors, the headline figure of a
// plan, the vertical check against the province, and the chart groups of one indicator.
import path from 'node:path';
import ejs from 'ejs';
import fc from 'fast-check';
import { PROJECT_ROOT } from '../../src/config.js';
import { describe, expect, it } from 'vitest';
import type { Target } from '../../src/enrich/targets/index.js';
import { chartGroups, filterTargets, headline, indicatorSummaries, measureOf, provinceChecks, provinceOf, sortTargets } from '../../src/search/targets/index.js';
import { sortDirect } from '../../src/search/targets/query.js';
import { targetQuery } from '../../src/request/targets.js';
import { barChart, distributionChart, niceAxis } from '../../src/present/target-table.js';
import { CHENGDU, errorCode, LESHAN, MIANYANG, QUXIAN, realLibrary, SICHUAN } from '../helpers.js';

const library = realLibrary();
const all = library.enrichment.targets;

describe('target query parameters', () => {
  it('reads repeated and comma-separated filters', () => {
    const q = targetQuery({ indicator: ['non-fossil-share', 'co2-per-gdp'], doc: `${CHENGDU},${QUXIAN}`, year: '2025', level: 'city', obligation: ['strive', 'none'] }, library);
    expect(q.filters).toEqual({ indicators: ['non-fossil-share', 'co2-per-gdp'], docs: [CHENGDU, QUXIAN], years: [2025], levels: ['city'], obligations: ['strive', 'none'] });
    const found = filterTargets(library, q.filters);
    expect(found.length).toBeGreaterThan(0);
    for (const t of found) {
      expect(['non-fossil-share', 'co2-per-gdp']).toContain(t.indicator);
      expect(t.doc).toBe(CHENGDU);
      expect(t.year).toBe(2025);
      expect(['strive', null]).toContain(t.obligation);
    }
  });

  it('names the bad value: unknown indicator, document or level is FILTER_UNKNOWN; bad year, sort or order PARAM_INVALID', () => {
    expect(errorCode(() => targetQuery({ indicator: 'nope' }, library))).toBe('FILTER_UNKNOWN');
    expect(errorCode(() => targetQuery({ doc: 'nope' }, library))).toBe('FILTER_UNKNOWN');
    expect(errorCode(() => targetQuery({ level: 'town' }, library))).toBe('FILTER_UNKNOWN');
    for (const year of ['20x5', '25', '1800', '2101', '2025.5'])
      expect(
        errorCode(() => targetQuery({ year }, library)),
        year,
      ).toBe('PARAM_INVALID');
    expect(errorCode(() => targetQuery({ sort: 'random' }, library))).toBe('PARAM_INVALID');
    expect(errorCode(() => targetQuery({ order: 'up' }, library))).toBe('PARAM_INVALID');
    expect(errorCode(() => targetQuery({ year: { a: 1 } }, library))).toBe('PARAM_INVALID');
    expect(() => targetQuery({ indicator: '<b>x</b>' }, library)).toThrow(/<b>x<\/b>/u);
  });

  it('with no filters every target is listed once', () => {
    const q = targetQuery({}, library);
    const sorted = sortTargets(library, filterTargets(library, q.filters), q);
    expect(sorted).toHaveLength(all.length);
    expect(new Set(sorted.map((t) => t.id)).size).toBe(all.length);
  });

  it('sorts by value either way with figures-less targets last, and by indicator in the data file’s order', () => {
    const share = filterTargets(library, { indicators: ['non-fossil-share'], docs: [], years: [], levels: [] });
    const desc = sortTargets(library, share, { sort: 'value', order: 'desc' }).map((t) => t.compareValue);
    const asc = sortTargets(library, share, { sort: 'value', order: 'asc' }).map((t) => t.compareValue);
    const numbers = (xs: (number | null)[]) => xs.filter((x): x is number => x !== null);
    expect(numbers(desc)).toEqual([...numbers(desc)].sort((a, b) => b - a));
    expect(numbers(asc)).toEqual([...numbers(asc)].sort((a, b) => a - b));
    const byIndicator = sortTargets(library, all, { sort: 'indicator', order: 'asc' });
    expect(byIndicator[0]?.indicator).toBe('non-fossil-share');
    expect(byIndicator.at(-1)?.canonical).toBe(false);
  });

  it('sorting read off the library-wide order agrees with sorting the rows themselves, for any subset and order', () => {
    const sorts = ['indicator', 'doc', 'year', 'value'] as const;
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: all.length, maxLength: all.length }), fc.constantFrom(...sorts), fc.constantFrom('asc', 'desc'), (keep, sort, order) => {
        const subset = all.filter((_, i) => keep[i]);
        const q = { sort, order } as const;
        expect(sortTargets(library, subset, q)).toEqual(sortDirect(library, subset, q));
        // Out of corpus order the rows are sorted directly, ties in the order given.
        const reversed = [...subset].reverse();
        expect(sortTargets(library, reversed, q)).toEqual(sortDirect(library, reversed, q));
      }),
      { numRuns: 60 },
    );
  });
});

describe('headline figures and the vertical check', () => {
  it('a table cell stands for a plan before prose, a firm figure before a 力争 one', () => {
    const leshan2030 = all.filter((t) => t.doc === LESHAN && t.indicator === 'non-fossil-share' && t.year === 2030);
    expect(leshan2030.length).toBeGreaterThan(1);
    expect(headline(leshan2030)?.source).toBe('table');
    const chengduNev = all.filter((t) => t.doc === CHENGDU && t.indicator === 'nev-stock');
    expect(headline(chengduNev)?.valueText).toBe('80万辆');
    expect(headline([])).toBeNull();
  });

  it('finds the province of a city and of a county whose parent is a city outside the corpus', () => {
    expect(provinceOf(library, library.getDocument(CHENGDU)!)?.id).toBe(SICHUAN);
    expect(provinceOf(library, library.getDocument(QUXIAN)!)?.id).toBe(SICHUAN);
    expect(provinceOf(library, library.getDocument(SICHUAN)!)).toBeNull();
  });

  it('non-fossil share 2025: 成都 equal to the province’s 42, 绵阳 and 乐山 above, 渠县 below', () => {
    const checks = provinceChecks(library);
    const check = (doc: string) => {
      const t = all.find((x) => x.doc === doc && x.indicator === 'non-fossil-share' && x.year === 2025 && x.direction === 'reach');
      return checks.get((t as Target).id);
    };
    expect(check(CHENGDU)).toMatchObject({ relation: 'equal', ambition: 'same' });
    expect(check(MIANYANG)).toMatchObject({ relation: 'above', ambition: 'stricter' });
    expect(check(LESHAN)).toMatchObject({ relation: 'above', ambition: 'stricter' });
    expect(check(QUXIAN)).toMatchObject({ relation: 'below', ambition: 'looser' });
    expect(check(QUXIAN)?.province.doc).toBe(SICHUAN);
    // The province has no 2030 figure, and is never checked against itself.
    for (const t of all) {
      if (t.doc === SICHUAN || (t.indicator === 'non-fossil-share' && t.year === 2030)) expect(checks.has(t.id), t.id).toBe(false);
    }
  });

  it('absolute amounts compare by size only: 乐山’s 745.52万千瓦 is below 12900万千瓦 but not “looser”', () => {
    const checks = provinceChecks(library);
    const t = all.find((x) => x.doc === LESHAN && x.indicator === 'renewable-capacity' && x.year === 2025) as Target;
    expect(checks.get(t.id)).toMatchObject({ relation: 'below', ambition: null });
    expect(checks.get(t.id)?.province.compareValue).toBe(12900);
  });

  it('a reduction compares only with the same base year; text figures compare as unknown', () => {
    const checks = provinceChecks(library);
    const mianyang = all.find((x) => x.doc === MIANYANG && x.indicator === 'co2-per-gdp' && x.year === 2025) as Target;
    // The province states its reduction only as 完成国家下达目标: no number to compare.
    expect(checks.get(mianyang.id)).toMatchObject({ relation: null, ambition: null });
    expect(measureOf(mianyang)).toBe('reduce|%|2020');
  });
});

describe('charts of one indicator', () => {
  it('one chart per year and measure, one bar per plan, the province as reference', () => {
    const groups = chartGroups(
      library,
      all.filter((t) => t.indicator === 'non-fossil-share'),
    );
    const y2025 = groups.find((g) => g.year === 2025 && g.measure === 'reach|%');
    expect(y2025?.bars.map((b) => [b.doc.id, b.target.compareValue])).toEqual([
      [SICHUAN, 42],
      [CHENGDU, 42],
      [MIANYANG, 45],
      [LESHAN, 45],
      [QUXIAN, 30],
    ]);
    expect(y2025?.province?.doc).toBe(SICHUAN);
    const chart = barChart(y2025!);
    expect(chart.rows.map((r) => r.href)).toEqual(y2025!.bars.map((b) => `/c/${encodeURIComponent(b.target.clause)}`));
    const [sichuan, , , leshan, quxian] = chart.rows;
    expect(leshan!.width).toBeGreaterThan(sichuan!.width);
    expect(quxian!.width).toBeLessThan(sichuan!.width);
    expect(chart.provinceX).toBe(chart.labelWidth + sichuan!.width);
  });

  it('300 jurisdictions: a distribution, one column each inside the plot, highest first, with the province and the median', () => {
    const y2025 = chartGroups(
      library,
      all.filter((t) => t.indicator === 'non-fossil-share'),
    ).find((g) => g.year === 2025 && g.measure === 'reach|%')!;
    fc.assert(
      fc.property(
        fc.array(
          fc.integer({ min: 0, max: 1000 }).map((n) => n / 10),
          { minLength: 41, maxLength: 400 },
        ),
        (values) => {
          // The five real bars, repeated with made-up figures: one province, many cities.
          const bars = values.map((v, i) => {
            const real = y2025.bars[i % y2025.bars.length]!;
            const doc = i < y2025.bars.length ? real.doc : { ...real.doc, level: real.doc.level === 'province' ? ('city' as const) : real.doc.level };
            return { doc, target: { ...real.target, compareValue: v } };
          });
          const chart = distributionChart({ ...y2025, bars });
          expect(chart.bars).toHaveLength(values.length);
          const heights = chart.bars.map((b) => b.height);
          expect(heights).toEqual([...heights].sort((a, b) => b - a));
          for (const b of chart.bars) {
            expect(b.x).toBeGreaterThanOrEqual(chart.plot.left);
            expect(b.x + chart.barWidth).toBeLessThanOrEqual(chart.plot.right + 0.5);
            expect(b.y).toBeGreaterThanOrEqual(chart.plot.top - 0.5);
            expect(b.y + b.height).toBeLessThanOrEqual(chart.plot.bottom + 1);
            expect(b.href).toMatch(/^\/c\//u);
          }
          expect(chart.barWidth).toBeGreaterThanOrEqual(1);
          expect(chart.lines.map((l) => l.kind)).toEqual(['province', 'median']);
          // The median line runs at the top of the middle column.
          const middle = chart.bars[Math.floor(values.length / 2)]!;
          const lowerMiddle = chart.bars[Math.ceil(values.length / 2) - 1]!;
          const median = chart.lines.at(-1)!;
          expect(median.y).toBeGreaterThanOrEqual(Math.min(middle.y, lowerMiddle.y) - 0.05);
          expect(median.y).toBeLessThanOrEqual(Math.max(middle.y, lowerMiddle.y) + 0.05);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('the distribution partial draws one linked column per jurisdiction, the lines, and names both ends', async () => {
    const y2025 = chartGroups(
      library,
      all.filter((t) => t.indicator === 'non-fossil-share'),
    ).find((g) => g.year === 2025 && g.measure === 'reach|%')!;
    const bars = Array.from({ length: 300 }, (_, i) => ({ ...y2025.bars[i % 5]!, target: { ...y2025.bars[i % 5]!.target, compareValue: (i * 7) % 61 } }));
    const chart = distributionChart({ ...y2025, bars });
    const html = await ejs.renderFile(path.join(PROJECT_ROOT, 'views', 'partials', 'distribution-chart.ejs'), { chart });
    expect((html.match(/<rect class="bar /gu) ?? []).length).toBe(300);
    expect((html.match(/<a href="\/c\//gu) ?? []).length).toBe(300 + 2);
    expect(html).toContain('中位数');
    expect(html).toContain('300 个地区，由高到低');
  });

  it('axis ends on a round number above the largest bar', () => {
    expect(niceAxis(45)).toEqual({ max: 50, step: 10 });
    expect(niceAxis(12900)).toEqual({ max: 15000, step: 5000 });
    expect(niceAxis(4)).toEqual({ max: 4, step: 1 });
    expect(niceAxis(0)).toEqual({ max: 1, step: 0.25 });
  });

  it('summaries list canonical indicators first with their wordings and per-document counts', () => {
    const summaries = indicatorSummaries(library);
    expect(summaries[0]?.id).toBe('non-fossil-share');
    const share = summaries[0]!;
    expect(Object.keys(share.counts).sort()).toEqual([SICHUAN, CHENGDU, MIANYANG, LESHAN, QUXIAN].sort());
    expect(share.count).toBe(all.filter((t) => t.indicator === 'non-fossil-share').length);
    expect(share.years).toEqual([2025, 2030]);
    expect(summaries.reduce((n, s) => n + s.count, 0)).toBe(all.length);
  });
});
