// The saved index: manifest contents, freshness, atomic writes, damaged files, and a server
// start that does not load jieba when the index is fresh.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { ANALYZER_VERSION, USER_DICT_PATH } from '../../src/analyse/analyzer.js';
import { PROJECT_ROOT } from '../../src/config.js';
import { buildLibrary } from '../../src/library/library.js';
import { openIndex } from '../../src/index/open.js';
import { buildIndex, restoreIndex } from '../../src/index/search-index.js';
import { fingerprint, inspectManifest, MANIFEST_NAME, readData, readManifest, staleReason, writeIndex } from '../../src/index/store.js';
import { CHAR_SEGMENTER, realCorpus, realLibrary, realTaxonomy, tempDir } from '../helpers.js';

const library = realLibrary();
const savedDir = inject('indexDir');

function copyIndex(): string {
  const dir = tempDir();
  for (const name of fs.readdirSync(savedDir)) fs.copyFileSync(path.join(savedDir, name), path.join(dir, name));
  return dir;
}

describe('manifest', () => {
  it('records corpus hashes, analyzer version, dictionary hash and the data file hash', () => {
    const m = readManifest(savedDir);
    expect(m).not.toBeNull();
    expect(m?.analyzerVersion).toBe(ANALYZER_VERSION);
    expect(m?.corpus.map((c) => c.contentHash)).toEqual(library.documents.map((d) => d.contentHash));
    expect(m?.dictHash).toMatch(/^[0-9a-f]{64}$/u);
    expect(m?.clauseCount).toBe(library.clauseCount);
    expect(fs.existsSync(path.join(savedDir, m?.dataFile ?? 'x'))).toBe(true);
  });

  it('is fresh for the same inputs', () => {
    expect(staleReason(readManifest(savedDir), fingerprint(library, USER_DICT_PATH))).toBeNull();
  });

  it('is stale when a clause text changes (corpus or parser), or the dictionary, or the analyzer version', () => {
    const manifest = readManifest(savedDir);
    const corpus = realCorpus();
    const [first, ...rest] = corpus.documents;
    if (!first) throw new Error('no documents');
    const edited = { ...first, clauses: first.clauses.map((c, i) => (i === 3 ? { ...c, text: `${c.text}改` } : c)) };
    const changed = buildLibrary({ ...corpus, documents: [edited, ...rest] }, { taxonomy: realTaxonomy() });
    expect(staleReason(manifest, fingerprint(changed, USER_DICT_PATH))).toMatch(/clausesHash/u);
    const otherDict = path.join(tempDir(), 'dict.utf8');
    fs.writeFileSync(otherDict, '加氢站 100 n\n');
    expect(staleReason(manifest, fingerprint(library, otherDict))).toMatch(/dictHash/u);
    expect(staleReason(manifest && { ...manifest, analyzerVersion: ANALYZER_VERSION - 1 }, fingerprint(library, USER_DICT_PATH))).toMatch(/analyzerVersion/u);
    expect(staleReason(null, fingerprint(library, USER_DICT_PATH))).toBe('索引不存在');
    // An edit to the analyzer's source or a library upgrade changes this without a version bump.
    expect(staleReason(manifest && { ...manifest, analyzerHash: 'old' }, fingerprint(library, USER_DICT_PATH))).toMatch(/analyzerHash/u);
  });
});

describe('loading', () => {
  it('a fresh index is loaded, not rebuilt, and answers like the original', async () => {
    const dir = copyIndex();
    const opened = await openIndex({ library, dir });
    expect(opened.built).toBe(false);
    expect(opened.index.entries).toHaveLength(library.clauseCount);
  });

  it('a damaged data file is detected by hash and the index rebuilt, not used', async () => {
    const dir = copyIndex();
    const m = readManifest(dir);
    fs.appendFileSync(path.join(dir, m?.dataFile ?? ''), ' ');
    const opened = await openIndex({ library, dir });
    expect(opened.built).toBe(true);
    expect(opened.reason).toMatch(/索引数据文件已损坏（校验值不符）/u);
    expect(readData(dir, readManifest(dir) ?? (null as never)).ids).toHaveLength(library.clauseCount);
  });

  it('regression: a garbage manifest is rebuilt and reported as damaged, not as a missing index', async () => {
    const dir = copyIndex();
    fs.writeFileSync(path.join(dir, MANIFEST_NAME), '{"format": 4, "dataFile": "data-');
    const messages: string[] = [];
    const opened = await openIndex({ library, dir, log: (m) => messages.push(m) });
    expect(opened.built).toBe(true);
    expect(opened.reason).toMatch(/^索引清单已损坏（.*manifest\.json/u);
    expect(messages.join('\n')).toContain('索引清单已损坏');
    expect(inspectManifest(dir)).toMatchObject({ problem: null, manifest: { clauseCount: library.clauseCount } });
  });

  it('a manifest that is JSON but not a manifest is damaged; a missing one is simply missing', () => {
    const dir = tempDir();
    expect(inspectManifest(dir)).toEqual({ manifest: null, problem: '索引不存在' });
    const good = readManifest(savedDir);
    for (const body of ['null', '[]', '"manifest"', '{}', JSON.stringify({ ...good, dataFile: '../../etc/passwd' }), JSON.stringify({ ...good, dataHash: 'abc' })]) {
      fs.writeFileSync(path.join(dir, MANIFEST_NAME), body);
      expect(inspectManifest(dir).manifest, body).toBeNull();
      expect(inspectManifest(dir).problem, body).toMatch(/^索引清单已损坏/u);
      expect(readManifest(dir)).toBeNull();
    }
  });

  it('a missing data file is named in Chinese, and the manifest alone is not used', () => {
    const dir = copyIndex();
    const m = readManifest(dir);
    fs.rmSync(path.join(dir, m?.dataFile ?? ''));
    expect(() => readData(dir, m ?? (null as never))).toThrow(/^索引数据文件缺失或无法读取：.*（ENOENT）$/u);
  });

  it('an interrupted build (temp files, orphan data, no new manifest) leaves the old index loadable', async () => {
    const dir = copyIndex();
    fs.writeFileSync(path.join(dir, 'data-0123456789abcdef.json.tmp-999999-abcd'), '{"ids":[');
    fs.writeFileSync(path.join(dir, 'manifest.json.tmp-999999-abcd'), '{');
    const opened = await openIndex({ library, dir });
    expect(opened.built).toBe(false);
  });

  it('writes go through a temp file and a rename; leftovers of dead builds are cleaned up', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'manifest.json.tmp-999999-abcd'), '{');
    const { data } = buildIndex({ library, segmenter: CHAR_SEGMENTER });
    const manifest = writeIndex({ dir, data, manifest: { ...fingerprint(library, USER_DICT_PATH), corpus: [], builtAt: '', buildMs: 0 } });
    expect(fs.readdirSync(dir).sort()).toEqual([manifest.dataFile, 'manifest.json'].sort());
    expect(restoreIndex(library, readData(dir, manifest)).entries).toHaveLength(library.clauseCount);
  });

  it('restoring against a different corpus fails loudly instead of answering wrongly', () => {
    const m = readManifest(savedDir);
    const data = readData(savedDir, m ?? (null as never));
    const corpus = realCorpus();
    const smaller = buildLibrary({ ...corpus, documents: corpus.documents.slice(1) }, { taxonomy: realTaxonomy() });
    expect(() => restoreIndex(smaller, data)).toThrow(/不一致/u);
  });
});

describe('the server process', () => {
  it('does not load jieba when the index is fresh', () => {
    const script = `
      import { createRequire } from 'node:module';
      import { loadAll } from './src/cli/load.ts';
      const { opened } = await loadAll({ quiet: true });
      const cache = Object.keys(createRequire(import.meta.url).cache);
      console.log(JSON.stringify({ built: opened.built, jieba: cache.some((k) => k.includes('nodejieba')) }));
    `;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, INDEX_DIR: copyIndex() },
      encoding: 'utf8',
    });
    expect(JSON.parse(out.trim().split('\n').at(-1) ?? '{}')).toEqual({ built: false, jieba: false });
  });
});

describe('an index folder that cannot be written', () => {
  it('still gives a working index from memory, and says why', async () => {
    const parent = tempDir();
    const blocked = path.join(parent, 'index');
    fs.writeFileSync(blocked, 'a file where the index folder should be');
    const messages: string[] = [];
    const opened = await openIndex({ library, dir: blocked, log: (m) => messages.push(m) });
    expect(opened.built).toBe(true);
    expect(opened.index.entries).toHaveLength(library.clauseCount);
    expect(messages.some((m) => m.includes('索引无法保存'))).toBe(true);
  });
});
