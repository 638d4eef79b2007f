// The bundled plans' clause ids, labels and citations are permalinks people have cited: the
// ingest of published formats (layout repair, containers, contents pages) must not move them.
// tests/fixtures/bundled-clauses.json was recorded before that work began.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { realCorpus } from '../helpers.js';

const pinned = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../fixtures/bundled-clauses.json'), 'utf8')) as Record<string, [string, string, string][]>;

describe('the five bundled plans do not move', () => {
  it('has the same five documents', () => {
    expect(
      realCorpus()
        .documents.map((d) => d.meta.id)
        .sort(),
    ).toEqual(Object.keys(pinned).sort());
  });

  for (const [docId, clauses] of Object.entries(pinned)) {
    it(`${docId}: every clause keeps its eId, label and citation, in order`, () => {
      const doc = realCorpus().documents.find((d) => d.meta.id === docId);
      const now = doc?.clauses.map((c) => [c.eId, c.label, c.citation]) ?? [];
      expect(now).toEqual(clauses);
    });
  }
});
