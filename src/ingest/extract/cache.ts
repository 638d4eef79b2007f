// Extracted blocks cached by the source file's content hash and the extractors' own code, so
// that adding one document to a library of hundreds extracts only that document again.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../config.js';
import type { Extracted } from './types.js';

let codeHash: string | null = null;

/** Every source file that shapes extracted blocks: an edit to any of them invalidates the cache. */
function extractorHash(): string {
  if (codeHash) return codeHash;
  const hash = crypto.createHash('sha256');
  const dirs = ['src/ingest/extract', 'src/ingest/pdf'].map((d) => path.join(PROJECT_ROOT, d));
  const files = [...dirs.flatMap((d) => fs.readdirSync(d).map((n) => path.join(d, n))), ...['blocks.ts', 'text.ts', 'furniture.ts', 'numbering.ts'].map((n) => path.join(PROJECT_ROOT, 'src/ingest', n))];
  for (const file of files.filter((f) => /\.(ts|mjs)$/u.test(f)).sort()) hash.update(path.basename(file)).update(fs.readFileSync(file));
  codeHash = hash.digest('hex').slice(0, 16);
  return codeHash;
}

function cacheFile(dir: string, contentHash: string): string {
  return path.join(dir, `${contentHash.slice(0, 32)}-${extractorHash()}.json`);
}

export function readCached(dir: string, contentHash: string): Extracted | null {
  try {
    return JSON.parse(fs.readFileSync(cacheFile(dir, contentHash), 'utf8')) as Extracted;
  } catch {
    return null;
  }
}

/** Written through a temp file and a rename: a build cut short never leaves half an entry. */
export function writeCached(dir: string, contentHash: string, extracted: Extracted): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    const file = cacheFile(dir, contentHash);
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(extracted));
    fs.renameSync(tmp, file);
  } catch {
    // A read-only index folder only costs the next start another extraction.
  }
}
