// Limits on extracting one source file. Each default lives here, the file size's in
// src/config.ts (MAX_FILE_MB); the loader takes overrides (the configured size, and small
// limits in tests to show one firing).
import { CORPUS_LIMITS } from '../../config.js';
import { AppError } from '../../errors.js';

export interface ExtractLimits {
  /** Files larger than this are refused before anything reads them. */
  maxBytes: number;
  /** Wall time for one file's extraction. */
  timeoutMs: number;
  /** Heap for the PDF worker: a file that needs more is too large. */
  maxHeapMb: number;
}

const MB = 1024 * 1024;

export const EXTRACT_DEFAULTS: ExtractLimits = {
  maxBytes: CORPUS_LIMITS.maxFileMb * MB,
  timeoutMs: 120_000,
  maxHeapMb: 1536,
};

/** A file over maxBytes, refused before it is read (or parsed). */
export function tooLargeError(name: string, bytes: number, maxBytes: number): AppError {
  return new AppError('FILE_TOO_LARGE', `${name}（${inMb(bytes)}，上限 ${inMb(maxBytes)}）`);
}

/** 0.1 MB steps: a 50.4 MB file over a 50 MB limit must not read as 50 MB. */
function inMb(bytes: number): string {
  return `${Number((bytes / MB).toFixed(1))} MB`;
}

/** An extraction that ran over its wall time. */
export function timeoutError(name: string, limits: Pick<ExtractLimits, 'timeoutMs'>): AppError {
  return new AppError('EXTRACT_TIMEOUT', `${name}（超过 ${limits.timeoutMs / 1000} 秒）`);
}

/** MAX_FILE_MB (src/config.ts) as the extract limit in bytes. */
export function maxBytesOf(maxFileMb: number): number {
  return maxFileMb * MB;
}
