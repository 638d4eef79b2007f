// Limits on extracting one source file. Each default lives here; the loader takes overrides
// (tests use small ones to show a limit firing).
import { AppError } from '../../errors.js';

export interface ExtractLimits {
  /** Files larger than this are refused before anything reads them. */
  maxBytes: number;
  /** Wall time for one file's extraction. */
  timeoutMs: number;
  /** Heap for the PDF worker: a file that needs more is too large. */
  maxHeapMb: number;
}

export const EXTRACT_DEFAULTS: ExtractLimits = {
  maxBytes: 200 * 1024 * 1024,
  timeoutMs: 120_000,
  maxHeapMb: 1536,
};

/** A file over maxBytes, refused before it is read (or parsed). */
export function tooLargeError(name: string, bytes: number): AppError {
  return new AppError('FILE_TOO_LARGE', `${name}（${Math.round(bytes / 1024 / 1024)} MB）`);
}

/** An extraction that ran over its wall time. */
export function timeoutError(name: string, limits: Pick<ExtractLimits, 'timeoutMs'>): AppError {
  return new AppError('EXTRACT_TIMEOUT', `${name}（超过 ${limits.timeoutMs / 1000} 秒）`);
}
