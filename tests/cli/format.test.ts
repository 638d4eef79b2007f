// Terminal output of `npm run search`: corpus text cannot drive the reader's terminal.
import { describe, expect, it } from 'vitest';
import { formatResults, printable } from '../../src/cli/format.js';
import { buildLibrary } from '../../src/library/library.js';
import { ingestBytes } from '../../src/ingest/corpus.js';
import { searchParams } from '../../src/request/search.js';
import { presentSearch } from '../../src/present/search-results.js';
import { searcherFor } from '../helpers.js';

const ESC = '\u001b';
// Padded with plain text: a file that is more than 1% control bytes is refused as binary.
const TEXT = `恶意方案\n\n一、总则${'推动绿色低碳发展。'.repeat(60)}\n\n（一）加氢站建设${ESC}]0;owned${ESC}\\${ESC}[2J清屏。\n\n（二）加氢站\u0007布局\u009b31m。\n`;

describe('terminal output', () => {
  const doc = ingestBytes({ name: 'evil.txt', bytes: Buffer.from(TEXT) });
  const library = buildLibrary({ documents: [doc], errors: [], warnings: [] });
  const searcher = searcherFor(library);
  const params = searchParams({ q: '加氢站' }, library);
  const view = presentSearch({ library, params, outcome: searcher.search(params) });

  it('regression: ESC, BEL and C1 controls from a corpus file are shown as U+FFFD, in colour and piped', () => {
    expect(view.total).toBe(2);
    const piped = formatResults(view, false);
    expect(piped).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u);
    // Since issue 16 ingest removes them from the text (src/ingest/safe-text.ts), so none is left
    // to replace; printable stays the terminal's own defence (next test).
    expect(piped).toContain('加氢站建设]0;owned\\[2J清屏');
    const coloured = formatResults(view, true);
    // The only escapes left are the highlight's own.
    expect(coloured.replaceAll(`${ESC}[1;33m`, '').replaceAll(`${ESC}[0m`, '')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u);
    expect(coloured).toContain(`${ESC}[1;33m加氢站${ESC}[0m`);
  });

  it('printable keeps tabs, newlines and all other text', () => {
    expect(printable('甲\t乙\n丙 ABC１２３')).toBe('甲\t乙\n丙 ABC１２３');
    expect(printable('a\u0000b\u001bc\u007fd\u0085e')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe');
  });
});
