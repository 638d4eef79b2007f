// Properties over the 86 published PDFs in ../shared/corpus-real: every file loads or is
// reported with a code; no contents line or page number survives as a clause or inside a
// sentence; every paragraph that crosses a page break is found by searching across the break;
// _dup ids only where a document prints a number twice; no target from a contents line, a
// heading number, a standard number or a review section. The same figures as npm run eval:structure.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { evaluateStructure, totals, type StructureReport } from '../../scripts/eval/structure.js';

const REAL = path.join(PROJECT_ROOT, '..', 'shared', 'corpus-real');
const expected = JSON.parse(fs.readFileSync(path.join(REAL, 'expected.json'), 'utf8')) as Array<{ file: string }>;

let report: StructureReport;

beforeAll(async () => {
  report = await evaluateStructure({ dir: REAL });
}, 600_000);

describe('the 86 published PDFs', () => {
  it('every file loads, or is reported by name with a code', () => {
    expect(report.files.map((f) => f.file).sort()).toEqual(expected.map((e) => e.file).sort());
    for (const f of report.files) {
      if (f.status === 'failed') expect(f.code).toMatch(/^(PDF_ENCRYPTED|PDF_NO_TEXT|FILE_CORRUPT|FILE_TOO_LARGE|EXTRACT_TIMEOUT)$/u);
      else expect(f.clauses).toBeGreaterThan(0);
    }
    // All 86 carry a text layer: none may fail.
    expect(report.files.filter((f) => f.status === 'failed')).toEqual([]);
  });

  it('no clause is a contents line or a 目录 heading', () => {
    expect(report.files.flatMap((f) => f.contentsClauses.map((c) => `${f.file}: ${c}`))).toEqual([]);
  });

  it('no clause is a bare page number, and no "— 3 —" page number sits in a clause', () => {
    expect(report.files.flatMap((f) => [...f.pageNumberClauses, ...f.decoratedPageNumbers].map((c) => `${f.file}: ${c}`))).toEqual([]);
  });

  it('no printed page number is glued into a sentence at a page break', () => {
    const glued = report.files.flatMap((f) => f.seams.filter((s) => s.gluedPageNumber).map((s) => `${f.file} p${s.page}: ${s.query}`));
    expect(glued).toEqual([]);
  });

  it('every paragraph that crosses a page break is found by searching the characters either side of the break', () => {
    const t = totals(report);
    expect(t.seams).toBeGreaterThan(500);
    const missed = report.files.flatMap((f) => f.seams.filter((s) => !s.found).map((s) => `${f.file} p${s.page}: ${s.query}`));
    expect(missed).toEqual([]);
  });

  it('_dup ids only where the document itself prints the same number twice', () => {
    expect(report.files.flatMap((f) => f.unexplainedDups.map((d) => `${f.file}: ${d}`))).toEqual([]);
  });

  it('no target comes from a contents line, a heading number, a standard number or a review section', () => {
    const t = totals(report);
    expect(t.targets).toBeGreaterThan(500);
    expect(report.files.flatMap((f) => f.suspectTargets.map((s) => `${f.file}: ${s.reason} ${s.valueText} ${s.text}`))).toEqual([]);
  });

  it('reads tables from positions in the plans that print them', () => {
    expect(totals(report).tables).toBeGreaterThan(30);
  });
});
