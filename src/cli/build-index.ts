// `npm run index`: rebuild the search index under index/ now, with progress, and a per-file
// report of the corpus. Exits 2 when any corpus file failed to load, after still building and
// saving the index of the files that did, so the site keeps working while maintainers fix it.
// Every line that names a file or folder goes through printableName (escape sequences in names).
import fs from 'node:fs';
import path from 'node:path';
import { fileOutcomes, formatFileReport } from '../ingest/report.js';
import { printableName } from '../printable-name.js';
import { loadAll } from './load.js';

/** Exit code when the index was built but some corpus files were skipped. */
const EXIT_FILES_FAILED = 2;

async function main(): Promise<void> {
  const { config, library, opened } = await loadAll({ force: true, ownFileReport: true });
  const outcomes = fileOutcomes(library.corpus);
  for (const line of formatFileReport(outcomes, config.corpusDir)) console.log(line);
  const m = opened.manifest;
  if (!m.dataFile) throw new Error(`索引未能保存到 ${printableName(config.indexDir)}`);
  const size = fs.statSync(path.join(config.indexDir, m.dataFile)).size;
  console.log(`索引已建立：${library.documents.length} 份文档、${m.clauseCount} 个条款，用时 ${m.buildMs} ms（含分词），数据 ${(size / 1024 / 1024).toFixed(1)} MB`);
  console.log(`位置：${printableName(path.join(config.indexDir, m.dataFile))}`);
  console.log(`分析器版本 ${m.analyzerVersion} · 词典 ${m.dictHash.slice(0, 12)} · 条款指纹 ${m.clausesHash.slice(0, 12)}`);
  const failed = outcomes.filter((o) => o.status === 'failed');
  if (failed.length > 0) {
    console.error(printableName(`错误：${failed.length} 个语料文件未能载入（${failed.map((o) => o.file).join('、')}），索引只含其余文件；请修正后重新运行 npm run index`));
    process.exitCode = EXIT_FILES_FAILED;
  }
}

main().catch((err: unknown) => {
  console.error(printableName((err as Error).message));
  process.exit(1);
});
