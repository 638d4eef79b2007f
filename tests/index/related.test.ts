// Related clauses by MinHash: a copy of a clause in another plan is found first with full
// agreement, nothing from the clause's own document is offered, lists are ordered and bounded,
// and the result does not depend on anything but the input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeRelated, RELATED, type RelatedInput } from '../../src/index/related.js';
import { realIndex, realLibrary } from '../helpers.js';

const library = realLibrary();
const { entries } = realIndex();

function inputOf(extra: { text: string; docId: string }[] = []): RelatedInput {
  return {
    texts: [...entries.map((e) => e.text), ...extra.map((x) => x.text)],
    docIds: [...entries.map((e) => e.clause.docId), ...extra.map((x) => x.docId)],
    themes: [...entries.map((e) => library.enrichment.themesOf(e.clause.id).map((m) => m.theme)), ...extra.map(() => [])],
  };
}

describe('related clauses', () => {
  const input = inputOf();
  const related = computeRelated(input);

  it('never offer a clause of the same document, and rank the best first within the main list', () => {
    related.forEach((list, n) => {
      for (const r of list) expect(input.docIds[r.n]).not.toBe(input.docIds[n]);
      const main = list.filter((r) => !r.theme).map((r) => r.score);
      expect(main).toEqual([...main].sort((a, b) => b - a));
      expect(list.length).toBeLessThanOrEqual(RELATED.perClause + RELATED.perTheme);
    });
  });

  it('give most clauses of the bundled five something (wording shared across plans)', () => {
    const long = related.filter((_, n) => (input.texts[n] as string).length >= 40);
    expect(long.filter((l) => l.length > 0).length / long.length).toBeGreaterThan(0.9);
  });

  it('find a copy of a clause placed in another plan first, at full agreement', () => {
    fc.assert(
      fc.property(fc.nat(entries.length - 1), (n) => {
        const text = entries[n]?.text as string;
        fc.pre([...text].length >= 20);
        const withCopy = inputOf([{ text, docId: 'another-plan' }]);
        const list = computeRelated(withCopy)[n] ?? [];
        expect(list[0]?.n, text).toBe(entries.length);
        expect(list[0]?.score).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 25, seed: 5 },
    );
  });

  it('are the same on every run', () => {
    expect(computeRelated(input)).toEqual(related);
  });
});
