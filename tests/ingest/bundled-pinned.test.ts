// The bundled plans' clause ids, labels and citations are permalinks people have cited: the
// ingest of published formats (layout repair, containers, contents pages) must not move them.
// tests/fixtures/bundled-clauses.json was recorded before that work began, when a clause's
// citation string (《题名》（文号）label“lead”) was made at ingest; it is rebuilt here from the
// parts it was made of, so the title, 文号, label and lead phrase are all still pinned.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Clause } from '../../src/ingest/types.js';
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
    it(`${docId}: every clause keeps its eId, label, title, 文号 and lead phrase, in order`, () => {
      const doc = realCorpus().documents.find((d) => d.meta.id === docId);
      const number = doc?.meta.docNumber ? `（${doc.meta.docNumber}）` : '';
      const recorded = (c: Clause) => `《${doc?.meta.title}》${number}${c.label}${c.lead ? `“${c.lead}”` : ''}`;
      const now = doc?.clauses.map((c) => [c.eId, c.label, recorded(c)]) ?? [];
      expect(now).toEqual(clauses);
    });
  }
});
