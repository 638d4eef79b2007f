// The per-file outcome of loading a corpus, for `npm run index`: every source file once, loaded
// (with its document id, format, page count and clause count) or failed (with its code and message), and its
// warnings, in file-name order, so corpus maintainers see at a glance what needs fixing. Every
// line goes through printableName: it names files, and a name may hold an escape sequence.
import { printableName } from '../printable-name.js';
import { byFileName } from './corpus.js';
import { SOURCE_FORMAT_LABELS, type SourceFormat } from './extract/types.js';
import type { Corpus, DocumentMeta } from './types.js';

export type FileOutcome =
  { file: string; status: 'ok'; id: string; format: SourceFormat; pages: number | null; clauses: number; warnings: string[]; notInferred: string[] } | { file: string; status: 'failed'; code: string; message: string; warnings: string[] };

const INFERABLE: Array<[keyof DocumentMeta, string]> = [
  ['issuer', '发文机关'],
  ['docNumber', '文号'],
  ['date', '日期'],
  ['jurisdiction', '辖区'],
  ['level', '层级'],
  ['docType', '类型'],
];

/** For a document without a catalogue entry: the identity fields its text did not give (a title from the file name counts). */
function notInferred(meta: DocumentMeta): string[] {
  if (meta.catalogued) return [];
  const title = meta.inferred?.title?.source === 'file' ? ['标题（取自文件名）'] : [];
  return [...title, ...INFERABLE.filter(([key]) => meta[key] == null).map(([, label]) => label)];
}

export function fileOutcomes(corpus: Corpus): FileOutcome[] {
  const warningsOf = (file: string) => corpus.warnings.filter((w) => w.file === file).map((w) => w.message);
  const outcomes: FileOutcome[] = [
    ...corpus.documents.map((d): FileOutcome => ({ file: d.meta.file, status: 'ok', id: d.meta.id, format: d.meta.format, pages: d.meta.pages, clauses: d.clauses.length, warnings: warningsOf(d.meta.file), notInferred: notInferred(d.meta) })),
    ...corpus.errors.map((e): FileOutcome => ({ file: e.file, status: 'failed', code: e.code, message: e.message, warnings: [] })),
  ];
  return outcomes.sort(byFileName);
}

/**
 * One line per file, its warnings indented under it, then a total:
 *   成功  chengdu.txt → chengdu-carbon-peak-2024（文本，128 个条款）
 *   成功  bazhong.pdf → bazhong-…（PDF，70 页，405 个条款）
 *   失败  empty.txt [FILE_EMPTY] 文件为空：empty.txt
 *         警告 …
 */
export function formatFileReport(outcomes: FileOutcome[], corpusDir: string): string[] {
  const lines = [`语料文件报告（${corpusDir}，共 ${outcomes.length} 个文件）：`];
  if (outcomes.length === 0) lines.push('  警告 语料目录中没有可读的文件（.txt、.md、.pdf、.docx、.html）');
  for (const o of outcomes) {
    const pages = o.status === 'ok' && o.pages !== null ? `，${o.pages} 页` : '';
    if (o.status === 'ok') lines.push(`  成功  ${o.file} → ${o.id}（${SOURCE_FORMAT_LABELS[o.format]}${pages}，${o.clauses} 个条款）`);
    else lines.push(`  失败  ${o.file} [${o.code}] ${o.message}`);
    if (o.status === 'ok' && o.notInferred.length > 0) lines.push(`        未能推断 ${o.notInferred.join('、')}`);
    for (const w of o.warnings) lines.push(`        警告 ${w}`);
  }
  const ok = outcomes.filter((o) => o.status === 'ok').length;
  const warnings = outcomes.reduce((n, o) => n + o.warnings.length, 0);
  lines.push(`合计：成功 ${ok} 个，失败 ${outcomes.length - ok} 个，警告 ${warnings} 条`);
  return lines.map(printableName);
}
