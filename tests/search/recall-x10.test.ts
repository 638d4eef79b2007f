// Exact recall and precision at ten times the bundled corpus (the synthetic ×10: 50 plans,
// 5,700 clauses), on the engine as the server runs it: built with jieba, saved in binary,
// restarted from the library snapshot and the compressed postings. Random substrings of real
// clauses, alone and combined with AND, OR and NOT, find every clause that holds them and
// nothing else; the literal scan of the normalised text is the reference.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/analyse/analyzer.js';
import { BUNDLED_SOURCES, openEngine, type Engine } from '../../src/engine/open.js';
import type { IndexedClause } from '../../src/index/search-index.js';
import { parseStats } from '../../src/ingest/parse.js';
import { parseQuery } from '../../src/search/query.js';
import { writeScaleCorpus } from '../../scripts/scale-corpus.js';
import { tempDir } from '../helpers.js';

let engine: Engine;
let entries: IndexedClause[];

beforeAll(async () => {
  const corpusDir = path.join(tempDir(), 'corpus-x10');
  writeScaleCorpus({ scale: 10, seed: 1, out: corpusDir });
  const sources = { ...BUNDLED_SOURCES, corpusDir };
  const indexDir = tempDir();
  await openEngine({ sources, indexDir });
  // The engine under test is the restarted one: snapshot and binary index, nothing parsed.
  const parsed = parseStats.documents;
  engine = await openEngine({ sources, indexDir });
  expect(parseStats.documents).toBe(parsed);
  expect(engine.opened.built).toBe(false);
  entries = engine.opened.index.entries;
  expect(fs.readdirSync(indexDir).some((f) => f.startsWith('library-'))).toBe(true);
}, 300_000);

const hits = (q: string) =>
  engine.searcher
    .search({ query: parseQuery(q), limit: entries.length, offset: 0 })
    .hits.map((h) => h.entry.clause.id)
    .sort();
const holding = (test: (text: string) => boolean) =>
  entries
    .filter((e) => test(e.text))
    .map((e) => e.clause.id)
    .sort();

function substring(n: number, start: number, len: number): string {
  const chars = [...(entries[n] as IndexedClause).text];
  const from = start % Math.max(1, chars.length - len + 1);
  return chars
    .slice(from, from + len)
    .join('')
    .trim();
}

describe('recall and precision at ×10', () => {
  it('has the size it claims', () => {
    expect(engine.library.documents).toHaveLength(50);
    expect(entries.length).toBeGreaterThan(5000);
  });

  it('random substrings of 1–8 characters find exactly the clauses that hold them, the source clause included', () => {
    let checked = 0;
    fc.assert(
      fc.property(fc.nat(entries.length - 1), fc.nat(), fc.integer({ min: 1, max: 8 }), (n, start, len) => {
        const sub = substring(n, start, len);
        fc.pre(sub !== '' && !sub.includes('"'));
        const expected = holding((t) => t.includes(normalizeText(sub)));
        expect(hits(`"${sub}"`), sub).toEqual(expected);
        expect(expected).toContain((entries[n] as IndexedClause).clause.id);
        checked++;
      }),
      { numRuns: 300, seed: 20261130 },
    );
    expect(checked).toBeGreaterThanOrEqual(250);
  });

  it('AND, OR and NOT of random substrings equal the literal scan', () => {
    const spot = fc.record({ n: fc.nat(), start: fc.nat(), len: fc.integer({ min: 1, max: 5 }) });
    fc.assert(
      fc.property(spot, spot, fc.constantFrom('and', 'or', 'not'), (a, b, role) => {
        const x = substring(a.n % entries.length, a.start, a.len);
        const y = substring(b.n % entries.length, b.start, b.len);
        fc.pre(x !== '' && y !== '' && !x.includes('"') && !y.includes('"'));
        const [nx, ny] = [normalizeText(x), normalizeText(y)];
        const q = role === 'and' ? `"${x}" "${y}"` : role === 'or' ? `"${x}" | "${y}"` : `"${x}" -"${y}"`;
        const test = role === 'and' ? (t: string) => t.includes(nx) && t.includes(ny) : role === 'or' ? (t: string) => t.includes(nx) || t.includes(ny) : (t: string) => t.includes(nx) && !t.includes(ny);
        expect(hits(q), q).toEqual(holding(test));
      }),
      { numRuns: 200, seed: 11 },
    );
  });
});
