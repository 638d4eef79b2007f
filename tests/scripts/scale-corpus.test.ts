// The synthetic scale corpus for benchmarks: deterministic per seed, the plans' structure kept
// (same clause count per copy), places renamed, figures varied, and new vocabulary added.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../src/config.js';
import { loadCatalog } from '../../src/ingest/catalog.js';
import { loadCorpus } from '../../src/ingest/corpus.js';
import { scaleCorpus } from '../../scripts/lib/scale-corpus.js';
import { writeScaleCorpus } from '../../scripts/scale-corpus.js';
import { realCorpus, tempDir } from '../helpers.js';

const sources = [...loadCatalog(path.join(DEFAULTS.corpusDir, DEFAULTS.catalogName)).values()].map((entry) => ({ entry, text: fs.readFileSync(path.join(DEFAULTS.corpusDir, entry.file), 'utf8') }));
const originalChars = sources.reduce((n, s) => n + s.text.length, 0);

describe('scale corpus', () => {
  it('is deterministic for a seed and differs for another', () => {
    const a = scaleCorpus(sources, { scale: 2, seed: 7 });
    const b = scaleCorpus(sources, { scale: 2, seed: 7 });
    const c = scaleCorpus(sources, { scale: 2, seed: 8 });
    expect(a).toEqual(b);
    expect(a.map((p) => p.text)).not.toEqual(c.map((p) => p.text));
  });

  it('writes N copies of every plan outside corpus/, which load with N × the clauses and no errors', async () => {
    const out = path.join(tempDir(), 'x3');
    const { files, chars } = writeScaleCorpus({ scale: 3, seed: 1, out });
    expect(files).toBe(3 * sources.length);
    expect(chars / (3 * originalChars)).toBeGreaterThan(0.9);
    expect(chars / (3 * originalChars)).toBeLessThan(1.2);
    const corpus = await loadCorpus({ corpusDir: out });
    expect(corpus.errors).toEqual([]);
    expect(corpus.documents).toHaveLength(15);
    const clauses = corpus.documents.reduce((n, d) => n + d.clauses.length, 0);
    const original = realCorpus().documents.reduce((n, d) => n + d.clauses.length, 0);
    expect(clauses).toBe(3 * original);
    // Every document is catalogued under a renamed jurisdiction of the right level.
    const levels = corpus.documents.map((d) => d.meta.level).sort();
    expect(levels).toEqual([...realCorpus().documents.map((d) => d.meta.level), ...realCorpus().documents.map((d) => d.meta.level), ...realCorpus().documents.map((d) => d.meta.level)].sort());
    for (const d of corpus.documents) {
      expect(d.meta.catalogued, d.meta.id).toBe(true);
      expect(d.meta.jurisdiction, d.meta.id).not.toMatch(/四川|成都|绵阳|乐山|渠县/u);
      expect(d.meta.title, d.meta.id).toContain((d.meta.jurisdiction ?? '').replace(/[市县省]$/u, ''));
    }
  });

  it('renames places and brings vocabulary the bundled corpus does not have', () => {
    const plans = scaleCorpus(sources, { scale: 2, seed: 3 });
    const chengdu = plans.find((p) => p.entry.id.endsWith('-001-chengdu-carbon-peak-2024')) as (typeof plans)[number];
    expect(chengdu.text).not.toContain('成都市');
    expect(chengdu.text).toContain(chengdu.entry.jurisdiction as string);
    const bigrams = (texts: string[]) => {
      const set = new Set<string>();
      for (const t of texts) for (let i = 0; i + 1 < t.length; i++) set.add(t.slice(i, i + 2));
      return set;
    };
    const before = bigrams(sources.map((s) => s.text));
    const after = bigrams(plans.map((p) => p.text));
    const fresh = [...after].filter((b) => !before.has(b));
    expect(fresh.length).toBeGreaterThan(500);
  });
});
