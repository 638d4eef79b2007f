// The library snapshot: every record of the bundled five and of published PDFs comes back
// exactly, the columnar container round-trips arbitrary records, and a start after a build
// reads the snapshot and parses no document, while any change to the sources parses again.
import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeColumns, encodeColumns, type Schema } from '../../src/columnar.js';
import { PROJECT_ROOT } from '../../src/config.js';
import { assembleLibrary, BUNDLED_SOURCES, openEngine, prepareLibrary, type Sources } from '../../src/engine/open.js';
import { sourcesFingerprint } from '../../src/engine/library-store.js';
import { readManifest, type FileStamp } from '../../src/index/store.js';
import { loadCorpus } from '../../src/ingest/corpus.js';
import { parseStats } from '../../src/ingest/parse.js';
import type { Library } from '../../src/library/library.js';
import { decodeSnapshot, encodeSnapshot } from '../../src/library/snapshot.js';
import { parseQuery } from '../../src/search/query.js';
import { realLibrary, tempDir } from '../helpers.js';

const REAL = path.join(PROJECT_ROOT, '..', 'shared', 'corpus-real');

/** Records compared as the API and pages see them (JSON), enrichment compared deeply. */
function expectSameLibrary(restored: Library, original: Library): void {
  expect(restored.documents.map((d) => JSON.stringify(d))).toEqual(original.documents.map((d) => JSON.stringify(d)));
  for (const doc of original.documents) expect(restored.clausesOf(doc.id).map((c) => JSON.stringify(c))).toEqual(original.clausesOf(doc.id).map((c) => JSON.stringify(c)));
  expect(JSON.stringify(restored.corpus.errors)).toBe(JSON.stringify(original.corpus.errors));
  expect(JSON.stringify(restored.corpus.warnings)).toBe(JSON.stringify(original.corpus.warnings));
  const a = restored.enrichment.data;
  const b = original.enrichment.data;
  expect(isDeepStrictEqual(a.themeMatches, b.themeMatches)).toBe(true);
  expect(a.targets.map((t) => JSON.stringify(t))).toEqual(b.targets.map((t) => JSON.stringify(t)));
  expect(isDeepStrictEqual(a.policies, b.policies)).toBe(true);
  expect(isDeepStrictEqual(a.citations, b.citations)).toBe(true);
  expect(isDeepStrictEqual(a.notes, b.notes)).toBe(true);
  expect([...restored.enrichment.tags.byTheme]).toEqual([...original.enrichment.tags.byTheme]);
  expect(restored.enrichment.departments).toEqual(original.enrichment.departments);
}

function roundTrip(library: Library, sources: Pick<Sources, 'themesFile' | 'indicatorsFile'>): Library {
  const snapshot = decodeSnapshot(encodeSnapshot({ corpus: library.corpus, enrichment: library.enrichment.data }));
  return assembleLibrary(snapshot.corpus, sources, snapshot.enrichment);
}

describe('library snapshot', () => {
  it('gives back every document, clause, theme match, target, citation and department note of the bundled five', () => {
    const original = realLibrary();
    expect(original.enrichment.targets.length).toBeGreaterThan(50);
    expect(original.enrichment.data.notes.size).toBeGreaterThan(10);
    expectSameLibrary(roundTrip(original, BUNDLED_SOURCES), original);
  });

  it('gives back published PDFs exactly: page ranges, tables and cells included', async () => {
    const dir = tempDir();
    const files = fs
      .readdirSync(REAL)
      .filter((f) => f.endsWith('.pdf'))
      .sort()
      .slice(0, 4);
    for (const f of files) fs.copyFileSync(path.join(REAL, f), path.join(dir, f));
    const corpus = await loadCorpus({ corpusDir: dir });
    expect(corpus.documents).toHaveLength(files.length);
    const original = assembleLibrary(corpus, BUNDLED_SOURCES);
    expect(original.documents.flatMap((d) => original.clausesOf(d.id)).some((c) => c.pages)).toBe(true);
    expectSameLibrary(roundTrip(original, BUNDLED_SOURCES), original);
  }, 120_000);

  it('refuses a foreign or truncated file', () => {
    const buffer = encodeSnapshot({ corpus: realLibrary().corpus, enrichment: realLibrary().enrichment.data });
    expect(() => decodeSnapshot(Buffer.from('not a snapshot at all'))).toThrow(/文件头不符/u);
    expect(() => decodeSnapshot(buffer.subarray(0, buffer.length / 2))).toThrow(/截断/u);
  });
});

describe('columnar container', () => {
  const schema: Schema = [
    { name: 's', type: 'str' },
    { name: 'sn', type: 'str?' },
    { name: 'd', type: 'dict' },
    { name: 'dn', type: 'dict?' },
    { name: 'n', type: 'num' },
    { name: 'nn', type: 'num?' },
    { name: 'b', type: 'bool' },
    { name: 'l', type: 'strs' },
    { name: 'ln', type: 'strs?' },
    { name: 'p', type: 'pair' },
    { name: 'ps', type: 'pairs' },
    { name: 'j', type: 'json' },
    { name: 'o', type: 'pair?', opt: true },
    { name: 'y', type: 'bytes' },
  ];
  // Any string but NUL, which joins list items (ingest strips control characters).
  const text = fc.string({ unit: 'binary' }).map((s) => s.replaceAll('\u0000', ''));
  const int = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
  const record = fc.record({
    s: text,
    sn: fc.option(text, { nil: null }),
    d: fc.constantFrom('city', 'county', '', '省'),
    dn: fc.option(fc.constantFrom('a', 'b'), { nil: null }),
    n: fc.double({ noNaN: true }),
    nn: fc.option(fc.double({ noNaN: true }), { nil: null }),
    b: fc.boolean(),
    l: fc.array(text),
    ln: fc.option(fc.array(text), { nil: null }),
    p: fc.tuple(int, int),
    ps: fc.array(fc.tuple(int, int)),
    j: fc.option(fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer())), { nil: null }),
    o: fc.option(fc.option(fc.tuple(int, int), { nil: null }), { nil: undefined }),
    y: fc.uint8Array({ maxLength: 20 }),
  });

  it('round-trips arbitrary records, lone surrogates, empty lists, null and absent fields included', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 30 }), fc.jsonValue(), (rows, json) => {
        const input = rows.map(({ o, ...rest }) => (o === undefined ? rest : { ...rest, o }));
        const decoded = decodeColumns(encodeColumns({ format: 't', json, tables: { t: { schema, rows: input } } }));
        const output = decoded.rows<Record<string, unknown>>('t');
        expect(output).toEqual(input);
        // toEqual overlooks an absent key turned undefined, and -0 turned 0.
        expect(output.map((r) => 'o' in r)).toEqual(input.map((r) => 'o' in r));
        expect(output.map((r) => Object.is(r.n, -0))).toEqual(input.map((r) => Object.is(r.n, -0)));
        expect(decoded.json).toStrictEqual(JSON.parse(JSON.stringify(json)));
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a pair that is not a whole number', () => {
    expect(() => encodeColumns({ format: 't', json: null, tables: { t: { schema: [{ name: 'p', type: 'pair' }], rows: [{ p: [1.5, 2] }] } } })).toThrow(/非整数/u);
  });
});

describe('a start after a build', () => {
  function corpusCopy(): Sources {
    const dir = tempDir();
    fs.cpSync(BUNDLED_SOURCES.corpusDir, dir, { recursive: true });
    return { ...BUNDLED_SOURCES, corpusDir: dir, themesFile: path.join(dir, 'themes.yaml'), indicatorsFile: path.join(dir, 'indicators.yaml') };
  }

  async function parsesWhileOpening(sources: Sources, indexDir: string): Promise<{ parsed: number; library: Library; reason: string | null }> {
    const before = parseStats.documents;
    const prepared = await prepareLibrary({ sources, indexDir });
    return { parsed: parseStats.documents - before, library: prepared.library, reason: prepared.parsedBecause };
  }

  it('never parses a document, and serves the same library and answers', async () => {
    const sources = corpusCopy();
    const indexDir = tempDir();
    const before = parseStats.documents;
    const built = await openEngine({ sources, indexDir });
    expect(parseStats.documents - before).toBe(5);
    expect(readManifest(indexDir)?.library?.file).toMatch(/^library-[0-9a-f]{16}\.bin$/u);

    const afterParse = parseStats.documents;
    const restarted = await openEngine({ sources, indexDir });
    expect(parseStats.documents).toBe(afterParse);
    expect(restarted.opened.built).toBe(false);
    expectSameLibrary(restarted.library, built.library);
    for (const q of ['加氢站', '碳达峰 光伏', '"绿色低碳"']) {
      const request = { query: parseQuery(q), limit: 50, offset: 0 };
      expect(JSON.stringify(restarted.searcher.search(request))).toBe(JSON.stringify(built.searcher.search(request)));
    }
  }, 60_000);

  it('parses again when a corpus file, the taxonomy or the catalogue changes, or the snapshot is damaged', async () => {
    const sources = corpusCopy();
    const indexDir = tempDir();
    await openEngine({ sources, indexDir });
    expect((await parsesWhileOpening(sources, indexDir)).parsed).toBe(0);

    const file = path.join(sources.corpusDir, 'quxian-carbon-peak-revised.txt');
    fs.appendFileSync(file, '\n新增一段关于加氢站的测试文字。\n');
    const edited = await parsesWhileOpening(sources, indexDir);
    expect(edited.parsed).toBe(5);
    expect(edited.reason).toMatch(/改变/u);
    await openEngine({ sources, indexDir });
    expect((await parsesWhileOpening(sources, indexDir)).parsed).toBe(0);

    fs.appendFileSync(sources.themesFile, '\n');
    expect((await parsesWhileOpening(sources, indexDir)).parsed).toBe(5);
    await openEngine({ sources, indexDir });
    fs.appendFileSync(path.join(sources.corpusDir, 'catalog.json'), '\n');
    expect((await parsesWhileOpening(sources, indexDir)).parsed).toBe(5);
    await openEngine({ sources, indexDir });
    expect((await parsesWhileOpening(sources, indexDir)).parsed).toBe(0);

    const manifest = readManifest(indexDir);
    const snapshotFile = path.join(indexDir, manifest?.library?.file ?? 'x');
    const bytes = fs.readFileSync(snapshotFile);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 10) ^ 0xff, bytes.length - 10);
    fs.writeFileSync(snapshotFile, bytes);
    const damaged = await parsesWhileOpening(sources, indexDir);
    expect(damaged.parsed).toBe(5);
    expect(damaged.reason).toMatch(/校验值不符/u);
    expect(damaged.library.clauseCount).toBeGreaterThan(100);
  }, 120_000);

  it('does not read a file whose size and times are those recorded, and reads one rewritten with its modification time set back', () => {
    const sources = corpusCopy();
    const first = sourcesFingerprint(sources);
    if (!first) throw new Error('no fingerprint');
    const file = path.join(sources.corpusDir, 'quxian-carbon-peak-revised.txt');
    expect(first.files[file]?.sha256).toMatch(/^[0-9a-f]{64}$/u);
    expect(sourcesFingerprint(sources, first.files)?.hash).toBe(first.hash);

    // A recorded hash stands in for the bytes: a stamp that lies about them changes the fingerprint.
    const lying = { ...first.files, [file]: { ...(first.files[file] as FileStamp), sha256: '0'.repeat(64) } };
    expect(sourcesFingerprint(sources, lying)?.hash).not.toBe(first.hash);

    // Same size, new bytes, modification time set back: the change time still moves.
    const before = fs.statSync(file);
    const bytes = fs.readFileSync(file);
    bytes.writeUInt8(bytes.readUInt8(0) ^ 1, 0);
    fs.writeFileSync(file, bytes);
    fs.utimesSync(file, before.atime, before.mtime);
    expect(fs.statSync(file).size).toBe(before.size);
    expect(sourcesFingerprint(sources, first.files)?.hash).not.toBe(first.hash);

    // A damaged record in the manifest counts as none.
    expect(sourcesFingerprint(sources, null as never)?.hash).toBe(sourcesFingerprint(sources)?.hash);
  });

  it('a forced rebuild parses every document', async () => {
    const sources = corpusCopy();
    const indexDir = tempDir();
    await openEngine({ sources, indexDir });
    const before = parseStats.documents;
    await openEngine({ sources, indexDir, force: true });
    expect(parseStats.documents - before).toBe(5);
  }, 60_000);
});
