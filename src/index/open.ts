// Getting a usable search index: load the saved one when its manifest matches the corpus,
// analyzer and dictionary and its data file matches the manifest's hash, otherwise build
// (loading jieba only then) and save it. The reason for a rebuild is logged.
import { USER_DICT_PATH } from '../analyse/analyzer.js';
import type { Library } from '../library/library.js';
import { buildIndex, restoreIndex, type SearchIndex } from './search-index.js';
import { fingerprint, inspectManifest, readData, staleReason, writeIndex, type LibraryArtifact, type Manifest } from './store.js';

export interface OpenOptions {
  library: Library;
  dir: string;
  dictPath?: string;
  /** Rebuild even when the saved index is fresh (npm run index). */
  force?: boolean;
  onProgress?: (done: number, total: number) => void;
  log?: (message: string) => void;
  /** The library snapshot the new manifest names too (it is removed otherwise). */
  libraryArtifact?: LibraryArtifact;
}

export interface OpenedIndex {
  index: SearchIndex;
  manifest: Manifest;
  built: boolean;
  /** Why it was rebuilt; null when loaded. */
  reason: string | null;
  ms: number;
}

export async function openIndex(options: OpenOptions): Promise<OpenedIndex> {
  const started = performance.now();
  const dictPath = options.dictPath ?? USER_DICT_PATH;
  const current = fingerprint(options.library, dictPath);
  const { manifest, problem } = inspectManifest(options.dir);
  let reason = options.force ? '按要求重建' : (problem ?? staleReason(manifest, current));
  if (reason === null && manifest) {
    try {
      const index = restoreIndex(options.library, readData(options.dir, manifest));
      return { index, manifest, built: false, reason: null, ms: performance.now() - started };
    } catch (err) {
      reason = `索引无法载入：${(err as Error).message}`;
    }
  }
  options.log?.(`正在建立索引：${reason}`);
  const { loadSegmenter } = await import('../analyse/segment.js');
  const segmenter = await loadSegmenter(dictPath);
  const buildStarted = performance.now();
  const { index, data } = buildIndex({ library: options.library, segmenter, onProgress: options.onProgress });
  const fresh = {
    ...current,
    corpus: options.library.documents.map((d) => ({ id: d.id, file: d.sourceFile, contentHash: d.contentHash })),
    builtAt: new Date().toISOString(),
    buildMs: Math.round(performance.now() - buildStarted),
    ...(options.libraryArtifact ? { library: options.libraryArtifact } : {}),
  };
  let written: Manifest;
  options.log?.(`正在保存索引到 ${options.dir}`);
  try {
    written = writeIndex({ dir: options.dir, data, manifest: fresh });
  } catch (err) {
    // A read-only or full disk must not stop the server: search from memory, rebuild next start.
    options.log?.(`警告 索引无法保存到 ${options.dir}：${(err as Error).message}；本次在内存中使用`);
    written = { ...fresh, dataFile: '', dataHash: '' };
  }
  return { index, manifest: written, built: true, reason, ms: performance.now() - started };
}
