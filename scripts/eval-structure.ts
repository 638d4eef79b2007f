// `npm run eval:structure -- [folder]`: structure figures over a folder of published documents
// (default ../shared/corpus-real), one line per file and the totals, so anyone can check a new
// batch. Exits 1 when a property the tests hold fails (a contents line or page number left as a
// clause, a page number in a sentence, a seam search cannot find, an unexplained _dup id, a
// target from a contents line, heading number, standard number or review section).
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config.js';
import { evaluateStructure, totals, type FileFigures } from './eval/structure.js';

const dir = path.resolve(process.argv[2] ?? path.join(PROJECT_ROOT, '..', 'shared', 'corpus-real'));
const cacheDir = path.join(PROJECT_ROOT, '.cache', 'eval-extracted');
const clean = (s: string) => s.replace(/[\u0000-\u001f\u007f]/gu, '\uFFFD');

function line(f: FileFigures): string {
  if (f.status === 'failed') return `失败\t${clean(f.file)}\t${f.code}`;
  const seamsFound = f.seams.filter((s) => s.found).length;
  return [
    '成功',
    clean(f.file),
    f.format,
    `${f.pages ?? '-'}页`,
    `${f.clauses}条`,
    `${f.tables}表`,
    `跨页${seamsFound}/${f.seams.length}`,
    `目录残留${f.contentsClauses.length}`,
    `页码残留${f.pageNumberClauses.length + f.decoratedPageNumbers.length}`,
    `_dup ${f.dupIds.length}（无据${f.unexplainedDups.length}）`,
    `目标${f.targets}（可疑${f.suspectTargets.length}）`,
  ].join('\t');
}

const report = await evaluateStructure({ dir, cacheDir });
for (const f of report.files) console.log(line(f));
for (const f of report.files) {
  for (const s of f.seams.filter((x) => !x.found || x.gluedPageNumber)) console.log(`  跨页未检出 ${clean(f.file)} 第${s.page}页 「${s.query}」${s.gluedPageNumber ? '（页码混入）' : ''}`);
  for (const t of f.suspectTargets) console.log(`  可疑目标 ${clean(f.file)} ${t.reason} ${t.valueText} ：${clean(t.text)}`);
  for (const c of [...f.contentsClauses, ...f.pageNumberClauses, ...f.decoratedPageNumbers]) console.log(`  残留 ${clean(f.file)} ：${clean(c.slice(0, 60))}`);
}
const t = totals(report);
console.log(
  `\n${t.files} 个文件：${t.loaded} 个载入，${t.failed} 个失败；${t.pages} 页，${t.clauses} 个条款，${t.tables} 个表格；` +
    `跨页段落 ${t.seamsFound}/${t.seams} 可检出，页码混入 ${t.gluedPageNumbers}；目录残留 ${t.contentsClauses}，页码残留 ${t.pageNumberClauses + t.decoratedPageNumbers}；` +
    `_dup ${t.dupIds}（无据 ${t.unexplainedDups}）；目标 ${t.targets}（可疑 ${t.suspectTargets}）；提取用时 ${(report.extractMs / 1000).toFixed(1)} s`,
);
const bad = t.contentsClauses + t.pageNumberClauses + t.decoratedPageNumbers + t.gluedPageNumbers + (t.seams - t.seamsFound) + t.unexplainedDups + t.suspectTargets;
process.exitCode = bad > 0 ? 1 : 0;
