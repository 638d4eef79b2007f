// `npm run index`: rebuild the search index under index/ now, with progress, and report it.
import fs from 'node:fs';
import path from 'node:path';
import { loadAll } from './load.js';

async function main(): Promise<void> {
  const { config, opened } = await loadAll({ force: true });
  const m = opened.manifest;
  if (!m.dataFile) throw new Error(`索引未能保存到 ${config.indexDir}`);
  const size = fs.statSync(path.join(config.indexDir, m.dataFile)).size;
  console.log(`索引已建立：${m.clauseCount} 个条款，用时 ${m.buildMs} ms（含分词），数据 ${(size / 1024 / 1024).toFixed(1)} MB`);
  console.log(`位置：${path.join(config.indexDir, m.dataFile)}`);
  console.log(`分析器版本 ${m.analyzerVersion} · 词典 ${m.dictHash.slice(0, 12)} · 条款指纹 ${m.clausesHash.slice(0, 12)}`);
}

main().catch((err: unknown) => {
  console.error((err as Error).message);
  process.exit(1);
});
