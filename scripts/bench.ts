// `npm run bench`: index build and load times, and query latency over a fixed mix of realistic
// queries, against a naive linear scan of every clause's normalised text in the same run.
// It also checks that both find exactly the same clauses, so a fast wrong answer cannot pass.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { normalizeText, USER_DICT_PATH } from '../src/analyse/analyzer.js';
import { loadSegmenter } from '../src/analyse/segment.js';
import { DEFAULTS } from '../src/config.js';
import { loadIndicators } from '../src/enrich/indicators.js';
import { loadTaxonomy } from '../src/enrich/themes.js';
import { buildLibrary, type Library } from '../src/index/library.js';
import { buildIndex, indexedClauses, restoreIndex } from '../src/index/search-index.js';
import { fingerprint, readData, readManifest, writeIndex } from '../src/index/store.js';
import { loadCorpus } from '../src/ingest/corpus.js';
import { createSearcher } from '../src/search/engine.js';
import { parseQuery, type ParsedQuery } from '../src/search/query.js';
import { presentSearch } from '../src/web/search-view.js';

/** Single terms, ASCII, numbers, multi-term AND, OR, NOT and phrases, as researchers type them. */
export const QUERY_MIX = [
  '碳达峰', '碳中和', '加氢站', '氢能', '海绵城市', 'CCER', 'ccus', '碳普惠', '近零碳', '源网荷储',
  '分布式光伏', '新型储能', '抽水蓄能', '天然气', '充电桩', '绿色建筑', '森林覆盖率', '碳汇', '甲烷', '氢氟碳化物',
  '2025', '2030年', '到 2025 年', '"到2030年"', '45%', '5G', 'GDP', '单位地区生产总值', '非化石能源消费比重', '能耗双控',
  '光伏 储能', '氢能 燃料电池', '碳汇 湿地', '新能源汽车 充电', '工业 节能 改造', '交通 电动化', '建筑 光伏', '垃圾 分类 资源化',
  '氢能 | 加氢站', '海绵城市 OR 韧性城市', '光伏 | 风电 | 水电', 'CCER | 核证自愿减排量',
  '氢 -加氢站', '碳汇 -林草', '能源 -天然气', '储能 -抽水',
  '"自愿减排项目储备"', '"碳排放权交易"', '"绿色低碳"', '"国家核证自愿减排量"',
];

const ROUNDS = 30;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

function time(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

/** The baseline: test every clause's normalised text against the query, no index. */
function naiveSearch(texts: string[], query: ParsedQuery): number[] {
  const out: number[] = [];
  texts.forEach((text, n) => {
    if (query.groups.every((g) => g.some((t) => text.includes(t.text))) && !query.exclude.some((t) => text.includes(t.text))) out.push(n);
  });
  return out;
}

function latencies(run: (q: ParsedQuery) => void, queries: ParsedQuery[]): number[] {
  for (const q of queries) run(q);
  const samples: number[] = [];
  for (let r = 0; r < ROUNDS; r++) for (const q of queries) samples.push(time(() => run(q)));
  return samples.sort((a, b) => a - b);
}

function fmt(ms: number): string {
  return ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`;
}

async function main(): Promise<void> {
  let library!: Library;
  const corpusMs = time(() => {
    library = buildLibrary(loadCorpus({ corpusDir: DEFAULTS.corpusDir }), { taxonomy: loadTaxonomy(path.join(DEFAULTS.corpusDir, DEFAULTS.themesName)), indicators: loadIndicators(path.join(DEFAULTS.corpusDir, DEFAULTS.indicatorsName)) });
  });
  const clauses = indexedClauses(library);
  console.log(`语料：${library.documents.length} 份文档，${clauses.length} 个条款，${clauses.reduce((n, c) => n + c.text.length, 0)} 字（载入与解析 ${fmt(corpusMs)}）`);

  const jiebaStart = performance.now();
  const segmenter = await loadSegmenter(USER_DICT_PATH);
  console.log(`jieba 载入：${fmt(performance.now() - jiebaStart)}（只在建索引时需要）`);

  const builds: number[] = [];
  let built!: ReturnType<typeof buildIndex>;
  for (let i = 0; i < 3; i++) builds.push(time(() => (built = buildIndex({ library, segmenter }))));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-bench-'));
  const saveMs = time(() => writeIndex({ dir, data: built.data, manifest: { ...fingerprint(library, USER_DICT_PATH), corpus: [], builtAt: '', buildMs: 0 } }));
  const manifest = readManifest(dir);
  if (!manifest) throw new Error('manifest missing');
  const loads: number[] = [];
  for (let i = 0; i < 5; i++) loads.push(time(() => restoreIndex(library, readData(dir, manifest))));
  const size = fs.statSync(path.join(dir, manifest.dataFile)).size;
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(`建索引（分词 + 倒排）：中位 ${fmt(builds.sort((a, b) => a - b)[1] as number)}；保存 ${fmt(saveMs)}；数据 ${(size / 1024 / 1024).toFixed(2)} MB`);
  console.log(`载入索引（读文件 + 导入，不需 jieba）：中位 ${fmt(loads.sort((a, b) => a - b)[2] as number)}`);

  const searcher = createSearcher(library, built.index);
  const queries = QUERY_MIX.map(parseQuery);
  const texts = built.index.entries.map((e) => e.text);
  let mismatches = 0;
  for (const q of queries) {
    const engine = searcher.search({ query: q, limit: 100_000, offset: 0 }).hits.map((h) => built.index.byId.get(h.entry.clause.id)).sort((a, b) => (a ?? 0) - (b ?? 0));
    if (JSON.stringify(engine) !== JSON.stringify(naiveSearch(texts, q))) mismatches++;
  }

  const engineHits = latencies((q) => searcher.search({ query: q, limit: 20, offset: 0 }), queries);
  const engineApi = latencies((q) => presentSearch({ library, params: { query: q, expansions: [], filters: { docs: [], levels: [] }, limit: 20, offset: 0 }, outcome: searcher.search({ query: q, limit: 20, offset: 0 }) }), queries);
  const naive = latencies((q) => naiveSearch(texts, q), queries);
  const naiveRaw = latencies((q) => {
    const terms = q.groups.map((g) => g.map((t) => t.text));
    for (const c of clauses) {
      const text = normalizeText(c.text);
      terms.every((g) => g.some((t) => text.includes(t)));
    }
  }, queries.slice(0, 10));

  console.log(`\n查询 ${queries.length} 条 × ${ROUNDS} 轮：`);
  const row = (name: string, s: number[]) => console.log(`  ${name.padEnd(34)} p50 ${fmt(percentile(s, 50)).padStart(9)}   p99 ${fmt(percentile(s, 99)).padStart(9)}`);
  row('索引检索（候选 + 字面核对 + 排序 + 分面）', engineHits);
  row('索引检索 + 摘要高亮（API 所做）', engineApi);
  row('朴素线性扫描（预先规范化的全文）', naive);
  row('朴素线性扫描（每次重新规范化）', naiveRaw);
  console.log(`\n比值（朴素扫描 / 索引检索）：p50 ${(percentile(naive, 50) / percentile(engineHits, 50)).toFixed(2)}×，p99 ${(percentile(naive, 99) / percentile(engineHits, 99)).toFixed(2)}×`);
  console.log(`注意：索引检索同时完成排序和分面，朴素扫描只找出命中集合。`);
  console.log(`命中集合与朴素扫描不一致的查询：${mismatches} / ${queries.length}`);
  if (mismatches > 0) process.exitCode = 1;
}

await main();
