// The per-file report `npm run index` prints: every file once, in file-name order, loaded with
// its id and clause count or failed with its code and message, warnings under their file.
import { describe, expect, it } from 'vitest';
import { fileOutcomes, formatFileReport } from '../../src/ingest/report.js';
import type { Corpus } from '../../src/ingest/types.js';
import { realCorpus } from '../helpers.js';

describe('fileOutcomes and formatFileReport', () => {
  const real = realCorpus();
  const corpus: Corpus = {
    documents: real.documents,
    errors: [
      { file: 'zz-empty.txt', code: 'FILE_EMPTY', message: '文件为空：zz-empty.txt' },
      { file: 'aa-binary.txt', code: 'FILE_BINARY', message: '文件不是文本（疑似二进制）：aa-binary.txt' },
    ],
    warnings: real.warnings,
  };

  it('lists every file once, sorted, with its outcome', () => {
    const outcomes = fileOutcomes(corpus);
    expect(outcomes.map((o) => o.file)).toEqual([...real.documents.map((d) => d.meta.file), 'aa-binary.txt', 'zz-empty.txt'].sort());
    for (const d of real.documents) {
      expect(outcomes.find((o) => o.file === d.meta.file)).toMatchObject({ status: 'ok', id: d.meta.id, format: 'text', pages: null, clauses: d.clauses.length });
    }
    expect(outcomes.find((o) => o.file === 'zz-empty.txt')).toMatchObject({ status: 'failed', code: 'FILE_EMPTY' });
    const warned = outcomes.filter((o) => o.warnings.length > 0);
    expect(warned.map((o) => o.file)).toEqual([...new Set(real.warnings.map((w) => w.file))].sort());
  });

  it('formats one line per file, warnings indented under it, and a total', () => {
    const lines = formatFileReport(fileOutcomes(corpus), '/corpus');
    expect(lines[0]).toBe(`语料文件报告（/corpus，共 ${real.documents.length + 2} 个文件）：`);
    expect(lines[1]).toBe('  失败  aa-binary.txt [FILE_BINARY] 文件不是文本（疑似二进制）：aa-binary.txt');
    const chengdu = real.documents.find((d) => d.meta.id === 'chengdu-carbon-peak-2024');
    expect(lines).toContain(`  成功  chengdu-carbon-peak-2024.txt → chengdu-carbon-peak-2024（文本，${chengdu?.clauses.length} 个条款）`);
    const warning = real.warnings[0];
    if (!warning) throw new Error('the bundled corpus has a warning (the Mianyang footer)');
    const at = lines.indexOf(`        警告 ${warning.message}`);
    expect(lines[at - 1]).toMatch(new RegExp(`^  成功  ${warning.file.replace(/\./gu, '\\.')} → `, 'u'));
    expect(lines.at(-1)).toBe(`合计：成功 ${real.documents.length} 个，失败 2 个，警告 ${real.warnings.length} 条`);
  });

  it('gives a PDF its format and page count', () => {
    const pdf: Corpus = { documents: [{ ...real.documents[0]!, meta: { ...real.documents[0]!.meta, file: 'plan.pdf', format: 'pdf', pages: 12 } }], errors: [], warnings: [] };
    const lines = formatFileReport(fileOutcomes(pdf), '/corpus');
    expect(lines[1]).toBe(`  成功  plan.pdf → ${real.documents[0]!.meta.id}（PDF，12 页，${real.documents[0]!.clauses.length} 个条款）`);
  });

  it('lists the identity fields an uncatalogued document did not give', () => {
    const base = real.documents[0]!;
    const doc = { ...base, meta: { ...base.meta, file: 'x.pdf', catalogued: false, docNumber: null, date: '2022-07-18', docType: null } };
    const lines = formatFileReport(fileOutcomes({ documents: [doc], errors: [], warnings: [] }), '/corpus');
    expect(lines[2]).toBe('        未能推断 文号、类型');
    const bare = { ...base, meta: { ...base.meta, file: 'y.pdf', catalogued: false, issuer: null, jurisdiction: null, level: null, inferred: { title: { source: 'file' as const, confidence: 0.3 } } } };
    expect(formatFileReport(fileOutcomes({ documents: [bare], errors: [], warnings: [] }), '/corpus')[2]).toBe('        未能推断 标题（取自文件名）、发文机关、辖区、层级');
    expect(fileOutcomes({ documents: [base], errors: [], warnings: [] })[0]).toMatchObject({ notInferred: [] });
  });

  it('says so when the folder has no text files at all', () => {
    expect(formatFileReport([], '/empty')).toEqual(['语料文件报告（/empty，共 0 个文件）：', '  警告 语料目录中没有可读的文件（.txt、.md、.pdf、.docx、.html）', '合计：成功 0 个，失败 0 个，警告 0 条']);
  });
});
