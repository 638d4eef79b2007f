// The theme taxonomy and tagging on the real corpus: the file's checks, pinned recall and
// precision of hydrogen, ccer and sponge-city, and span-based exclusions.
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/analyse/analyzer.js';
import { matchTheme, parseTaxonomy } from '../../src/enrich/themes.js';
import { CHENGDU, errorCode, LESHAN, MIANYANG, QUXIAN, realLibrary, realTaxonomy, SICHUAN } from '../helpers.js';

const library = realLibrary();
const tagged = (theme: string) => [...(library.enrichment.tags.byTheme.get(theme) ?? [])].sort();
const ids = (doc: string, eIds: string[]) => eIds.map((e) => `${doc}.${e}`);

describe('taxonomy file', () => {
  it('has at least 30 themes with every field, including hydrogen, ccer and sponge-city', () => {
    const { themes, byId } = realTaxonomy();
    expect(themes.length).toBeGreaterThanOrEqual(30);
    for (const id of ['hydrogen', 'ccer', 'sponge-city']) expect(byId.has(id), id).toBe(true);
    for (const t of themes) {
      expect(t.label, t.id).toMatch(/\p{Script=Han}/u);
      expect(t.description, t.id).not.toBe('');
      expect(t.include.length, t.id).toBeGreaterThan(0);
      for (const r of t.related) expect(byId.has(r), `${t.id} → ${r}`).toBe(true);
    }
  });

  it('covers the corpus: most non-heading clauses carry a theme, and every theme tags something', () => {
    const clauses = library.documents.flatMap((d) => library.clausesOf(d.id)).filter((c) => c.text.length > 40);
    const withTheme = clauses.filter((c) => library.enrichment.themesOf(c.id).length > 0);
    expect(withTheme.length / clauses.length).toBeGreaterThan(0.9);
    for (const t of realTaxonomy().themes) expect(tagged(t.id).length, t.id).toBeGreaterThan(0);
  });

  it.each([
    ['bad YAML', 'themes: [', 'THEMES_INVALID'],
    ['no list', 'other: 1', 'THEMES_INVALID'],
    ['bad id', 'themes:\n  - { id: Hydrogen!, label: 氢能, include: [氢能] }', 'THEMES_INVALID'],
    ['no include', 'themes:\n  - { id: h, label: 氢能, include: [] }', 'THEMES_INVALID'],
    ['duplicate', 'themes:\n  - { id: h, label: 氢能, include: [氢能] }\n  - { id: h, label: 氢, include: [氢] }', 'THEMES_INVALID'],
    ['unknown related', 'themes:\n  - { id: h, label: 氢能, include: [氢能], related: [nope] }', 'THEMES_INVALID'],
  ])('%s is THEMES_INVALID, naming the file', (_name, text, code) => {
    expect(errorCode(() => parseTaxonomy(text, '/x/themes.yaml'))).toBe(code);
    expect(() => parseTaxonomy(text, '/x/themes.yaml')).toThrow(/themes\.yaml/u);
  });
});

describe('span-based exclusion', () => {
  const hydrogen = () => realTaxonomy().byId.get('hydrogen') ?? (null as never);
  it.each(['控制氢氟碳化物排放', '氯化氢和三氯氢硅', '电子级氢氟酸'])('%s alone is not hydrogen energy', (text) => {
    expect(matchTheme(hydrogen(), normalizeText(text))).toBeNull();
  });
  it('with a hydrogen-energy term present, the clause is hydrogen and only that term is marked', () => {
    const text = normalizeText('控制氢氟碳化物排放，建设加氢站');
    const match = matchTheme(hydrogen(), text);
    expect(match).not.toBeNull();
    for (const [a, b] of match?.spans ?? []) expect(text.slice(a, b)).not.toContain('氟');
    expect((match?.spans ?? []).some(([a, b]) => text.slice(a, b).includes('氢') && a >= text.indexOf('加氢站'))).toBe(true);
  });
});

describe('pinned recall and precision on the corpus', () => {
  it('hydrogen: exactly these clauses in all five plans', () => {
    expect(tagged('hydrogen')).toEqual(
      [
        ...ids(SICHUAN, ['part_3__item_2__p_4', 'part_3__item_2__box_1__p_4', 'part_3__item_6__p_1', 'part_3__item_6__p_3', 'part_5__item_3__p_2', 'part_5__item_5__p_2']),
        ...ids(CHENGDU, ['part_3__item_2__para_5', 'part_3__item_3__para_8', 'part_3__item_6__para_18', 'part_3__item_9__para_29']),
        ...ids(MIANYANG, ['part_2__item_3__para_1', 'part_2__item_5__para_1', 'part_2__item_5__para_3', 'part_3__item_1']),
        ...ids(LESHAN, ['part_2__item_1__para_3', 'part_2__item_1__para_5__point_1', 'part_2__item_1__para_5__point_3', 'part_2__item_3__para_1', 'part_2__item_6__para_2', 'part_3__item_1__p_1']),
        ...ids(QUXIAN, ['part_2__item_5__para_1', 'part_2__item_5__para_4', 'part_2__item_7__para_2', 'part_2__item_7__para_3', 'part_3__item_1__p_1', 'part_4__item_2__p_1']),
      ].sort(),
    );
  });

  it('hydrogen exclusions: 氢氟碳化物, 氯化氢 and 三氯氢硅 clauses are out; 氢氟酸 next to 绿氢 is in', () => {
    const h = new Set(tagged('hydrogen'));
    for (const id of [`${SICHUAN}.part_1__item_1__p_2`, `${SICHUAN}.part_2__item_3__p_2`, `${LESHAN}.part_2__item_4__para_2`]) {
      expect(library.getClause(id)?.text, id).toMatch(/氢/u);
      expect(h.has(id), id).toBe(false);
    }
    expect(library.getClause(`${LESHAN}.part_2__item_1__para_5__point_3`)?.text).toContain('氢氟酸');
    expect(h.has(`${LESHAN}.part_2__item_1__para_5__point_3`)).toBe(true);
  });

  it('hydrogen recall: every clause with 氢 outside the four chemical names is tagged', () => {
    const chemical = /氢氟碳化物|氯化氢|三氯氢硅|氢氟酸/gu;
    const h = new Set(tagged('hydrogen'));
    for (const d of library.documents)
      for (const c of library.clausesOf(d.id)) {
        expect(h.has(c.id), c.id).toBe(c.text.replace(chemical, '').includes('氢'));
      }
  });

  it('ccer: 四川 3, 成都 1, 绵阳 1, 乐山 1, 渠县 none', () => {
    expect(tagged('ccer')).toEqual([...ids(SICHUAN, ['part_1__item_1__p_5', 'part_3__item_3__p_3', 'part_5__item_2__p_1']), `${CHENGDU}.part_3__item_8__para_24`, `${MIANYANG}.part_3__item_5`, `${LESHAN}.part_7__item_3__p_1`].sort());
    for (const id of tagged('ccer')) expect(library.getClause(id)?.text).toMatch(/CCER|核证自愿减排|自愿减排/u);
  });

  it('sponge-city: 四川 4, 乐山 3, 渠县 2; 成都 and 绵阳 say nothing', () => {
    expect(tagged('sponge-city')).toEqual(
      [
        ...ids(SICHUAN, ['part_1__item_1__p_4', 'part_2__item_3__table_1__row_14', 'part_4__item_4__p_1', 'part_4__item_4__box_7__p_1']),
        ...ids(LESHAN, ['part_1__item_1__p_3', 'part_1__item_1__p_4', 'part_2__item_7__para_1']),
        ...ids(QUXIAN, ['part_2__item_4__para_1', 'part_2__item_9__para_2']),
      ].sort(),
    );
    const counts = library.enrichment.tags.counts.get('sponge-city');
    expect(counts?.get(CHENGDU) ?? 0).toBe(0);
    expect(counts?.get(MIANYANG) ?? 0).toBe(0);
  });

  it('every clause containing 海绵城市 literally is sponge-city (segmentation cannot hide it)', () => {
    const s = new Set(tagged('sponge-city'));
    for (const d of library.documents) for (const c of library.clausesOf(d.id)) if (c.text.includes('海绵城市')) expect(s.has(c.id), c.id).toBe(true);
  });
});
