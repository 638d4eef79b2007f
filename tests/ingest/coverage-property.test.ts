// Property: any run of text on any body line of a source file survives into some clause,
// whatever line it is and wherever the window falls (page breaks and markdown aside).
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../src/config.js';
import { cleanLine } from '../../src/ingest/text.js';
import { realCorpus } from '../helpers.js';

const squash = (s: string) => s.replace(/\s+/gu, '');
/** 0-based line index where the bundled files' web-page footer (`---` + links) begins. */
const FOOTER_STARTS: Record<string, number> = { 'mianyang-carbon-peak-2024': 162 };

describe('every source line survives into the clause texts', () => {
  for (const d of realCorpus().documents) {
    it(`${d.meta.id}: random windows of random lines are found`, () => {
      const text = fs.readFileSync(path.join(DEFAULTS.corpusDir, d.meta.sourceFile), 'utf8');
      // Fixed, not read back from the splitter, so a footer detector gone wrong cannot hide.
      const lastLine = FOOTER_STARTS[d.meta.id] ?? Infinity;
      const lines = text
        .split('\n')
        .filter((_, i) => i < lastLine)
        .filter((l) => !l.includes('\t'))
        .map((l) => [...squash(cleanLine(l).text)])
        .filter((chars) => chars.length >= 4 && squash(d.meta.title) !== chars.join(''));
      const haystack = squash(d.clauses.map((c) => c.text).join('\u0001'));
      fc.assert(
        fc.property(fc.nat(lines.length - 1), fc.nat(), fc.integer({ min: 2, max: 12 }), (li, start, len) => {
          const chars = lines[li] ?? [];
          const from = start % Math.max(1, chars.length - len + 1);
          const window = chars.slice(from, from + len).join('');
          expect(haystack.includes(window), window).toBe(true);
        }),
        { numRuns: 400, seed: 20261121 },
      );
    });
  }
});
