// Guards the engine's speed-ups (rarest-token candidates, 1–2 character terms answered from
// postings, integer facet columns, allocation-free scoring, bounded-heap top-k) against plain
// reference implementations written here, on the real bundled corpus.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText, termTokens } from '../../src/analyse/analyzer.js';
import { postings, type IndexedClause } from '../../src/index/search-index.js';
import { DIMENSIONS, FILTER_KEY, type Dimension, type Filters, type SearchOutcome } from '../../src/search/types.js';
import { parseQuery, type ParsedQuery, type Term } from '../../src/search/query.js';
import { matchesOf, planOf, rankHits, scoreHit, WEIGHTS, type Match, type RankedHit } from '../../src/search/rank.js';
import { CHENGDU, MIANYANG, QUXIAN, realIndex, realLibrary, realSearcher, SICHUAN } from '../helpers.js';

const library = realLibrary();
const index = realIndex();
const { entries } = index;
const searcher = realSearcher();
const ALL = entries.length;

const numberOf = (entry: IndexedClause): number => index.byId.get(entry.clause.id) as number;
const search = (q: string | ParsedQuery, filters?: Filters, limit = ALL, offset = 0): SearchOutcome => searcher.search({ query: typeof q === 'string' ? parseQuery(q) : q, filters, limit, offset });
const hitIds = (outcome: SearchOutcome) => outcome.hits.map((h) => h.entry.clause.id).sort();

/** Literal semantics of a parsed query on normalised text. */
const satisfies = (text: string, query: ParsedQuery) => query.groups.every((g) => g.some((t) => text.includes(t.text))) && !query.exclude.some((t) => text.includes(t.text));
/** Entry numbers (ascending) whose normalised text satisfies the query, by scanning every clause. */
const scan = (query: ParsedQuery): number[] => entries.flatMap((e, n) => (satisfies(e.text, query) ? [n] : []));
const scanIds = (query: ParsedQuery): string[] =>
  scan(query)
    .map((n) => (entries[n] as IndexedClause).clause.id)
    .sort();

/** What a ranked hit is, comparably: entry number, rank keys and matches. */
const view = (h: RankedHit) => ({ n: numberOf(h.entry), wholeGroups: h.wholeGroups, score: h.score, matches: h.matches });

// Real queries: single terms, AND, OR with overlapping terms, NOT, phrases, ASCII, repeated
// headings (ties), and one broad OR query that matches nearly every clause (heap at take 137).
const BROAD = '"。" | 碳 | "(" | 、 | 2';
const QUERIES = [
  '碳达 | 达峰',
  '光伏 | 光伏发电',
  '碳 能源',
  '碳达峰',
  '碳达峰 碳中和',
  '新能源 | 能源 | 源',
  '氢 | 氢能 | 加氢站',
  '"到2025年"',
  '能源 -煤炭',
  '绿色 低碳 | 减排',
  'ccer | 碳排放权',
  '总体要求 | 基本原则',
  '建设 | 设',
  '00 | 000',
  '的',
  BROAD,
];

// ---------------------------------------------------------------------------------------------
// 1. Scoring

interface Reference {
  wholeGroups: number;
  score: number;
  /** For checking that the queries exercise each part of the definition. */
  overlapping: boolean;
  prominent: boolean;
  plain: boolean;
  whole: boolean;
  inWord: boolean;
}

/** The score from its definition, with match lists and a per-character coverage array. */
function referenceScore(entry: IndexedClause, query: ParsedQuery): Reference {
  const matches: Match[] = matchesOf(entry, query);
  const groupOfTerm = query.groups.flatMap((g, i) => g.map(() => i));
  const weights = query.groups.map(() => 0);
  const wholeIn = query.groups.map(() => false);
  let prominent = false;
  let plain = false;
  for (const m of matches) {
    const g = groupOfTerm[m.term] as number;
    const isProminent = entry.heading || m.from < entry.leadEnd;
    weights[g] = (weights[g] as number) + (m.whole ? WEIGHTS.whole : WEIGHTS.inWord) * (isProminent ? WEIGHTS.prominent : 1);
    if (m.whole) wholeIn[g] = true;
    if (isProminent) prominent = true;
    else plain = true;
  }
  const covered = new Uint8Array(entry.text.length);
  for (const m of matches) covered.fill(1, m.from, m.to);
  const coveredChars = covered.reduce((sum, c) => sum + c, 0);
  const matchedChars = matches.reduce((sum, m) => sum + (m.to - m.from), 0);
  let score = 0;
  for (const w of weights) score += Math.log2(1 + w);
  score += (WEIGHTS.density * coveredChars) / Math.max(entry.text.length, 1);
  return {
    wholeGroups: wholeIn.filter(Boolean).length,
    score,
    overlapping: coveredChars < matchedChars,
    prominent,
    plain,
    whole: matches.some((m) => m.whole),
    inWord: matches.some((m) => !m.whole),
  };
}

/** Every non-overlapping occurrence of each positive term, by from ascending, longer first. */
function naiveMatches(entry: IndexedClause, query: ParsedQuery): Match[] {
  const out: Match[] = [];
  query.groups.flat().forEach((t, i) => {
    const len = t.text.length;
    for (let at = entry.text.indexOf(t.text); at >= 0; at = entry.text.indexOf(t.text, at + len)) {
      out.push({ from: at, to: at + len, term: i, whole: entry.boundary[at] === 1 && entry.boundary[at + len] === 1 });
    }
  });
  return out.sort((a, b) => a.from - b.from || b.to - a.to);
}

const term = (text: string): Term => ({ text, source: text, phrase: false });
const made = (groups: string[][], exclude: string[] = []): ParsedQuery => ({ raw: '', groups: groups.map((g) => g.map(term)), exclude: exclude.map(term) });

/** A made-up clause with word boundaries every `every` characters. */
function madeEntry(text: string, options: { every: number; leadEnd?: number; heading?: boolean }): IndexedClause {
  const boundary = new Uint8Array(text.length + 1);
  for (let i = 0; i <= text.length; i += options.every) boundary[i] = 1;
  boundary[text.length] = 1;
  // Spread from a real entry so fields that scoring does not read stay valid.
  return { ...(entries[0] as IndexedClause), text, boundary, leadEnd: options.leadEnd ?? 0, heading: options.heading ?? false };
}

describe('scoreHit equals the reference score from its definition', () => {
  it('on made-up clauses with thousands of overlapping matches and more groups than the scratch space holds', () => {
    // Runs first in this file, in growing match counts, so the scratch arrays grow (keeping
    // what they hold) several times here; the x's leave gaps that lost offsets would cover.
    const many = madeEntry('abx'.repeat(3000) + 'abc', { every: 3, leadEnd: 40 });
    const wide = madeEntry('一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥金木水火土日月星天地', { every: 1, heading: true });
    const overlapping = made([['ab', 'b', 'a'], ['c']]);
    const cases: [IndexedClause, ParsedQuery][] = [
      [many, made([['b']])],
      [many, overlapping],
      [many, made([['xab'], ['a'], ['bx', 'abc']])],
      [wide, made([...wide.text].map((c) => [c]))],
      [wide, made([[...wide.text], ['天', '地']])],
    ];
    for (const [entry, query] of cases) {
      const ref = referenceScore(entry, query);
      expect(scoreHit(entry, planOf(query)), query.groups.map((g) => g.map((t) => t.text).join('|')).join(' ')).toEqual({ wholeGroups: ref.wholeGroups, score: ref.score });
    }
    expect(referenceScore(many, overlapping).overlapping).toBe(true);
    expect(made([...wide.text].map((c) => [c])).groups.length).toBeGreaterThan(32);
  });

  it('for every clause and every real query, including OR terms that overlap (碳达 | 达峰, 光伏 | 光伏发电)', () => {
    const seen = { overlapping: 0, prominent: 0, plain: 0, whole: 0, inWord: 0, partialWhole: 0, hits: 0 };
    for (const q of QUERIES) {
      const query = parseQuery(q);
      const plan = planOf(query);
      for (const entry of entries) {
        const ref = referenceScore(entry, query);
        const got = scoreHit(entry, plan);
        expect(got.score, `${q} @ ${entry.clause.id}`).toBe(ref.score);
        expect(got.wholeGroups, `${q} @ ${entry.clause.id}`).toBe(ref.wholeGroups);
        if (!satisfies(entry.text, query)) continue;
        seen.hits++;
        if (ref.overlapping) seen.overlapping++;
        if (ref.prominent) seen.prominent++;
        if (ref.plain) seen.plain++;
        if (ref.whole) seen.whole++;
        if (ref.inWord) seen.inWord++;
        if (ref.wholeGroups > 0 && ref.wholeGroups < query.groups.length) seen.partialWhole++;
      }
    }
    // Each part of the definition decides some real scores: dropping any of them would show.
    for (const [what, count] of Object.entries(seen)) expect(count, what).toBeGreaterThan(5);
  });

  it('rankHits reports the reference score and whole groups, and every match in order, for every hit the searcher returns', () => {
    for (const q of ['碳达 | 达峰', '光伏 | 光伏发电', '碳 能源', '绿色 低碳 | 减排', '能源 -煤炭']) {
      const query = parseQuery(q);
      const outcome = search(query);
      expect(outcome.hits.length, q).toBeGreaterThan(0);
      for (const hit of outcome.hits) {
        const ref = referenceScore(hit.entry, query);
        expect(hit.score, `${q} @ ${hit.entry.clause.id}`).toBe(ref.score);
        expect(hit.wholeGroups).toBe(ref.wholeGroups);
        expect(hit.matches).toEqual(naiveMatches(hit.entry, query));
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
// 2. Top-k

/** Rank order from its definition: more whole groups, then higher score, then lower entry number. */
function expectRankOrder(hits: RankedHit[], label: string): number {
  let ties = 0;
  for (let i = 1; i < hits.length; i++) {
    const a = hits[i - 1] as RankedHit;
    const b = hits[i] as RankedHit;
    const ok = a.wholeGroups > b.wholeGroups || (a.wholeGroups === b.wholeGroups && (a.score > b.score || (a.score === b.score && numberOf(a.entry) < numberOf(b.entry))));
    if (!ok) expect.fail(`${label}: position ${i - 1} (${a.entry.clause.id} ${a.wholeGroups}/${a.score}) before ${b.entry.clause.id} (${b.wholeGroups}/${b.score})`);
    if (a.wholeGroups === b.wholeGroups && a.score === b.score) ties++;
  }
  return ties;
}

const TAKES = [0, 1, 5, 20, 137];

describe('top-k selection equals the prefix of the full sort', () => {
  it('for real queries on their hits, and on every clause as candidate (many zero-score ties), at take 0, 1, 5, 20, 137 and all', () => {
    const heapUsed = new Set<number>();
    let ties = 0;
    const lists: [string, readonly number[]][] = QUERIES.flatMap((q): [string, readonly number[]][] => [
      [q, scan(parseQuery(q))],
      [q, entries.map((_, n) => n)],
    ]);
    for (const [q, numbers] of lists) {
      const query = parseQuery(q);
      const label = `${q} (${numbers.length} candidates)`;
      const full = rankHits({ entries, numbers, query });
      expect(
        full.map((h) => numberOf(h.entry)).sort((a, b) => a - b),
        label,
      ).toEqual([...numbers]);
      ties += expectRankOrder(full, label);
      expect(rankHits({ entries, numbers, query, take: numbers.length }).map(view)).toEqual(full.map(view));
      expect(rankHits({ entries, numbers, query, take: numbers.length + 50 }).map(view)).toEqual(full.map(view));
      for (const take of TAKES) {
        if (take * 4 < numbers.length) heapUsed.add(take);
        expect(rankHits({ entries, numbers, query, take }).map(view), `${label} take ${take}`).toEqual(full.slice(0, take).map(view));
      }
    }
    // The bounded heap ran at every take, and ties were broken by entry number.
    expect([...heapUsed].sort((a, b) => a - b)).toEqual(TAKES);
    expect(ties).toBeGreaterThan(100);
  });

  it('property: any ascending candidate list, any query, any take', () => {
    fc.assert(
      fc.property(fc.constantFrom(...QUERIES), fc.uniqueArray(fc.nat(ALL - 1), { minLength: 0, maxLength: ALL }), fc.nat(200), (q, picked, take) => {
        const query = parseQuery(q);
        const numbers = [...picked].sort((a, b) => a - b);
        const full = rankHits({ entries, numbers, query });
        expectRankOrder(full, q);
        expect(rankHits({ entries, numbers, query, take }).map(view)).toEqual(full.slice(0, take).map(view));
      }),
      { numRuns: 150, seed: 4242 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// 3. Paging

describe('pages of the searcher join up', () => {
  it('pages of 7 (offset 0, 7, 14, …) concatenate to one big page, with and without filters', () => {
    const cases: [string, Filters | undefined][] = [...QUERIES.map((q): [string, Filters | undefined] => [q, undefined]), ['碳达峰 | 能源', { docs: [CHENGDU, SICHUAN], levels: [] }], [BROAD, { docs: [], levels: ['city'] }]];
    let pages = 0;
    for (const [q, filters] of cases) {
      const big = search(q, filters);
      const joined: RankedHit[] = [];
      for (let offset = 0; offset <= big.total; offset += 7) {
        const page = search(q, filters, 7, offset);
        expect(page.total).toBe(big.total);
        expect(page.hits.length).toBe(Math.min(7, big.total - offset));
        joined.push(...page.hits);
        pages++;
      }
      expect(joined.map(view), q).toEqual(big.hits.map(view));
      expect(big.hits.length).toBe(big.total);
    }
    expect(pages).toBeGreaterThan(150);
  });
});

// ---------------------------------------------------------------------------------------------
// 4. Hit sets equal a literal scan

type Role = 'and' | 'or' | 'not';
const pick = (n: number, start: number, len: number): string => {
  const chars = [...(entries[n] as IndexedClause).text];
  const from = start % Math.max(1, chars.length - len + 1);
  return chars.slice(from, from + len).join('');
};
const typeable = (s: string) => s !== '' && !/[\s"|]/u.test(s) && !s.startsWith('-') && normalizeText(s) !== '';

describe('hit sets equal a literal scan of the normalised text', () => {
  it('property: AND / OR / NOT of 1–3 random substrings (1–6 characters) of real clauses', () => {
    const spot = fc.record({ n: fc.nat(ALL - 1), start: fc.nat(), len: fc.integer({ min: 1, max: 6 }) });
    const seen = { and: 0, or: 0, not: 0, short: 0, long: 0, nonEmpty: 0, runs: 0 };
    fc.assert(
      fc.property(spot, fc.array(fc.tuple(fc.constantFrom<Role>('and', 'or', 'not'), spot), { maxLength: 2 }), (first, rest) => {
        const firstText = pick(first.n, first.start, first.len);
        const others = rest.map(([role, s]) => ({ role, text: pick(s.n, s.start, s.len) }));
        fc.pre(typeable(firstText) && others.every((o) => typeable(o.text)));
        // The query as intended, for the reference: groups of OR terms, and exclusions.
        const groups: string[][] = [[firstText]];
        const exclude: string[] = [];
        for (const o of others) {
          if (o.role === 'and') groups.push([o.text]);
          else if (o.role === 'or') (groups.at(-1) as string[]).push(o.text);
          else exclude.push(o.text);
          seen[o.role]++;
        }
        const raw = [...groups.map((g) => g.map((t) => `"${t}"`).join(' | ')), ...exclude.map((t) => `-"${t}"`)].join(' ');
        const norm = (t: string) => normalizeText(t);
        const expected = entries
          .filter((e) => groups.every((g) => g.some((t) => e.text.includes(norm(t)))) && !exclude.some((t) => e.text.includes(norm(t))))
          .map((e) => e.clause.id)
          .sort();
        const outcome = search(raw);
        expect(hitIds(outcome), raw).toEqual(expected);
        expect(outcome.total, raw).toBe(expected.length);
        for (const { term: t, count } of outcome.termCounts) expect(count, `${raw}: ${t.text}`).toBe(entries.filter((e) => e.text.includes(t.text)).length);

        // The first substring on its own: every clause holding it, including the one it came from.
        const alone = search(`"${firstText}"`);
        const holding = entries
          .filter((e) => e.text.includes(norm(firstText)))
          .map((e) => e.clause.id)
          .sort();
        expect(hitIds(alone), firstText).toEqual(holding);
        expect(alone.total).toBe(holding.length);
        expect(holding).toContain((entries[first.n] as IndexedClause).clause.id);

        seen.runs++;
        if (expected.length > 0) seen.nonEmpty++;
        for (const t of [firstText, ...others.map((o) => o.text)]) {
          if ([...t].length <= 2) seen.short++;
          else seen.long++;
        }
      }),
      { numRuns: 300, seed: 20261122 },
    );
    // Enough of every shape ran: postings-only terms, verified terms, each operator, real hits.
    expect(seen.runs).toBeGreaterThan(250);
    for (const [what, count] of Object.entries(seen)) expect(count, what).toBeGreaterThan(40);
  });
});

// ---------------------------------------------------------------------------------------------
// 5. Facets

const LEVELS = ['province', 'city', 'county', 'none'];

function valuesOf(dim: Dimension, entry: IndexedClause): string[] {
  const { id, docId } = entry.clause;
  const e = library.enrichment;
  switch (dim) {
    case 'doc':
      return [docId];
    case 'level':
      return [library.getDocument(docId)?.level ?? 'none'];
    case 'theme':
      return e.themesOf(id).map((m) => m.theme);
    case 'policy':
      return e.policiesOf(id);
    case 'department':
      return e.departmentsOf(id);
    case 'obligation':
      return [e.obligationOf(id) ?? 'none'];
    case 'region':
    case 'issuer':
    case 'type':
    case 'status':
    case 'issued':
      return library.docFacets.of(docId)[dim];
  }
}

function passes(dim: Dimension, entry: IndexedClause, filters: Filters): boolean {
  const wanted = filters[FILTER_KEY[dim]];
  return !wanted || wanted.length === 0 || valuesOf(dim, entry).some((v) => wanted.includes(v));
}

/** Per dimension, value → clauses among the matched that pass every other dimension's filter. */
function naiveFacets(matched: IndexedClause[], filters: Filters): Record<Dimension, Record<string, number>> {
  const out = {} as Record<Dimension, Record<string, number>>;
  for (const dim of DIMENSIONS) {
    const counts: Record<string, number> = {};
    for (const entry of matched) {
      if (!DIMENSIONS.every((other) => other === dim || passes(other, entry, filters))) continue;
      for (const v of new Set(valuesOf(dim, entry))) counts[v] = (counts[v] ?? 0) + 1;
    }
    out[dim] = counts;
  }
  return out;
}

function expectFacetsNaive(q: string, filters: Filters): SearchOutcome {
  const query = parseQuery(q);
  const label = `${q} ${JSON.stringify(filters)}`;
  const outcome = search(query, filters);
  const matched = scan(query).map((n) => entries[n] as IndexedClause);
  const facets = naiveFacets(matched, filters);
  for (const dim of DIMENSIONS) {
    for (const f of outcome.facets[dim]) expect(f.count, `${label} ${dim}=${f.value}`).toBeGreaterThan(0);
    expect(Object.fromEntries(outcome.facets[dim].map((f) => [f.value, f.count])), `${label} ${dim}`).toEqual(facets[dim]);
  }
  const kept = matched.filter((e) => DIMENSIONS.every((dim) => passes(dim, e, filters)));
  expect(outcome.total, label).toBe(kept.length);
  expect(hitIds(outcome), label).toEqual(kept.map((e) => e.clause.id).sort());
  const allPass = entries.filter((e) => DIMENSIONS.every((dim) => passes(dim, e, filters)));
  expect(outcome.termCounts.map((t) => t.term.text)).toEqual(query.groups.flat().map((t) => t.text));
  for (const { term: t, count } of outcome.termCounts) expect(count, `${label} term ${t.text}`).toBe(allPass.filter((e) => e.text.includes(t.text)).length);
  return outcome;
}

/** Values that occur on some clause, most frequent first (random filters should hit something). */
function usedValues(dim: Dimension): string[] {
  const counts = new Map<string, number>();
  for (const e of entries) for (const v of valuesOf(dim, e)) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([v]) => v);
}

describe('facets, totals and term counts equal a naive recount', () => {
  const themes = usedValues('theme');
  const policies = usedValues('policy');
  const departments = usedValues('department');
  const docIds = library.documents.map((d) => d.id);

  it('for fixed queries and filter combinations (each dimension counted as if its own filter were off)', () => {
    const none: Filters = { docs: [], levels: [] };
    const combos: Filters[] = [
      none,
      { docs: [CHENGDU], levels: [] },
      { docs: [], levels: ['city'] },
      { docs: [SICHUAN, QUXIAN], levels: ['county'] },
      { docs: [], levels: [], themes: themes.slice(0, 1) },
      { docs: [MIANYANG], levels: ['city', 'province'], themes: themes.slice(1, 4) },
      { docs: [CHENGDU, QUXIAN], levels: ['county', 'city'], themes: themes.slice(0, 6) },
      { docs: [], levels: [], policies: policies.slice(0, 2) },
      { docs: [], levels: [], departments: departments.slice(0, 3) },
      { docs: [QUXIAN], levels: [], themes: themes.slice(0, 10), departments: departments.slice(0, 5) },
      { docs: [], levels: [], regions: ['四川省'] },
      { docs: [], levels: ['city'], issuers: ['成都市人民政府'] },
      { docs: [], levels: [], types: ['规划'], themes: themes.slice(0, 3) },
      { docs: [], levels: [], statuses: ['修订版', '征求意见稿'], issued: ['2022'] },
      { docs: [CHENGDU], levels: [], issued: ['2024'], types: ['实施方案'] },
      { docs: [], levels: [], obligations: ['binding'] },
      { docs: [], levels: ['city'], obligations: ['strive', 'none'], themes: themes.slice(0, 2) },
    ];
    for (const q of ['碳达峰', '能源 | 光伏', '碳 -能源', '氢', '绿色 低碳 | 减排', '建设 | 设', BROAD]) for (const filters of combos) expectFacetsNaive(q, filters);
    // Disjunctive facets are what is checked: with one document selected, the others still count.
    const chengdu = search('碳达峰', { docs: [CHENGDU], levels: [] });
    expect(chengdu.facets.doc.length).toBeGreaterThan(1);
    expect(chengdu.total).toBeLessThan(chengdu.facets.doc.reduce((n, f) => n + f.count, 0));
  });

  it('property: random queries with random document, level, theme, policy, department and obligation filters', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...QUERIES),
        fc.subarray(docIds),
        fc.subarray(LEVELS),
        fc.subarray(themes.slice(0, 20), { maxLength: 4 }),
        fc.option(fc.subarray(policies, { maxLength: 2 })),
        fc.option(fc.subarray(departments.slice(0, 10), { maxLength: 3 })),
        fc.option(fc.subarray(['binding', 'strive', 'guiding', 'exploratory', 'none'], { maxLength: 2 })),
        (q, docs, levels, th, pol, dep, ob) => {
          const filters: Filters = { docs, levels, themes: th, ...(pol ? { policies: pol } : {}), ...(dep ? { departments: dep } : {}), ...(ob ? { obligations: ob } : {}) };
          expectFacetsNaive(q, filters);
        },
      ),
      { numRuns: 150, seed: 99 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// 6. Postings as the answer

describe('terms answered from postings without verification', () => {
  const idsOf = (numbers: ArrayLike<number>) => Array.from(numbers, (n) => (entries[n] as IndexedClause).clause.id).sort();

  it('one- and two-character terms (氢, 碳, 5g, g, 建建, 碳碳 …) and ccer: hits equal a literal scan', () => {
    for (const t of ['氢', '碳', 'ccer', '5g', 'g', '2', '。', '建建', '碳碳', '能能', '碳达', '光伏', 'gdp']) {
      const query = parseQuery(`"${t}"`);
      const expected = scanIds(query);
      expect(hitIds(search(query)), t).toEqual(expected);
      // A one- or two-character term is its own index token: its postings are the answer.
      if ([...t].length <= 2) expect(idsOf(postings(index, t)), t).toEqual(expected);
    }
    for (const t of ['氢', '碳', 'ccer', '5g', '建建']) expect(scanIds(parseQuery(t)).length, t).toBeGreaterThan(0);
  });

  it('a longer term whose pairs collapse to one token (000, 建建建, aaa) is still verified literally', () => {
    for (const t of ['000', '0000', '建建建', '气气气', '五五五', '碳碳碳', 'aaa', '000 | 建建建', '2 -000', '00 000']) {
      const query = parseQuery(t);
      expect(hitIds(search(query)), t).toEqual(scanIds(query));
    }
    // Without verification these would answer with the pair's postings, which are a superset.
    for (const t of ['000', '建建建']) {
      const tokens = termTokens(t);
      expect(tokens).toHaveLength(1);
      expect(postings(index, tokens[0] as string).length, t).toBeGreaterThan(scanIds(parseQuery(t)).length);
    }
    expect(scanIds(parseQuery('000')).length).toBeGreaterThan(0);
  });
});
