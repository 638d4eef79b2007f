// A damaged saved index, in real processes: a byte flipped in the middle of the data file (one
// that leaves valid JSON with a wrong clause text, so only the checksum can tell), a truncated
// data file, a missing data file, and a manifest replaced by garbage. Each time the server
// starts, says why the index cannot be used, rebuilds it, and answers exactly like the intact
// index: the damaged data is never served.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeData, MANIFEST_NAME, readData, readManifest } from '../../src/index/store.js';
import { restoreIndex } from '../../src/index/search-index.js';
import { createSearcher, type Searcher } from '../../src/search/engine.js';
import { parseQuery } from '../../src/search/query.js';
import { realLibrary, realSearcher } from '../helpers.js';
import { copySavedIndex, getJson, startLoggedServer } from '../index/process-helpers.js';

const QUERIES = ['加氢站', '碳汇 湿地', 'CCER', '光伏'];

const hitIds = (searcher: Searcher, q: string) => searcher.search({ query: parseQuery(q), limit: 1000, offset: 0 }).hits.map((h) => h.entry.clause.id);

function dataFileOf(dir: string): string {
  const m = readManifest(dir);
  if (!m) throw new Error(`no manifest in ${dir}`);
  return path.join(dir, m.dataFile);
}

/** Turns one 加氢站 near the middle of the data file into 加氧站: a single byte of UTF-16 (0x22 → 0x27). */
function flipMiddle(dir: string): void {
  const file = dataFileOf(dir);
  const bytes = fs.readFileSync(file);
  const needle = Buffer.from('加氢站', 'utf16le');
  let at = bytes.indexOf(needle, Math.floor(bytes.length / 2));
  if (at < 0) at = bytes.lastIndexOf(needle);
  expect(at).toBeGreaterThan(0);
  const target = at + 2;
  expect(bytes[target]).toBe(0x22);
  bytes[target] = 0x27;
  expect(bytes.subarray(at, at + needle.length).toString('utf16le')).toBe('加氧站');
  fs.writeFileSync(file, bytes);
  // Still well-formed data that would restore into an index answering wrongly: only the hash catches it.
  const damaged = decodeData(bytes);
  const wrong = createSearcher(realLibrary(), restoreIndex(realLibrary(), damaged));
  expect(hitIds(wrong, '加氢站')).not.toEqual(hitIds(realSearcher(), '加氢站'));
}

const CASES: [string, (dir: string) => void, RegExp][] = [
  ['a byte flipped in the middle of the data file', flipMiddle, /索引数据文件已损坏（校验值不符）/u],
  [
    'the data file truncated to half',
    (dir) => {
      const file = dataFileOf(dir);
      fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2));
    },
    /索引数据文件已损坏（校验值不符）/u,
  ],
  ['the data file deleted', (dir) => fs.rmSync(dataFileOf(dir)), /索引数据文件缺失或无法读取.*ENOENT/u],
  ['the manifest replaced by garbage', (dir) => fs.writeFileSync(path.join(dir, MANIFEST_NAME), '{"format": 4, "dataFile": "data-\u0000garbage'), /索引清单已损坏/u],
];

describe('a damaged index at server start', () => {
  it.each(CASES)(
    '%s: detected, logged, rebuilt, and never served',
    async (_name, damage, why) => {
      const indexDir = copySavedIndex();
      damage(indexDir);
      const server = await startLoggedServer({ INDEX_DIR: indexDir });
      try {
        expect(server.log()).toMatch(why);
        expect(server.log()).toContain('检索索引已重建');
        for (const q of QUERIES) {
          const result = await getJson<{ total: number; hits: { id: string }[] }>(`${server.url}/api/search?q=${encodeURIComponent(q)}&limit=1000`);
          const expected = hitIds(realSearcher(), q);
          expect(result.total, q).toBe(expected.length);
          expect(
            result.hits.map((h) => h.id),
            q,
          ).toEqual(expected);
        }
      } finally {
        await server.stop();
      }
      // The rebuilt index on disk is whole: its data file matches the manifest's hash.
      const manifest = readManifest(indexDir);
      expect(manifest?.clauseCount).toBe(realLibrary().clauseCount);
      expect(readData(indexDir, manifest ?? (null as never)).ids).toHaveLength(realLibrary().clauseCount);
    },
    90_000,
  );
});
