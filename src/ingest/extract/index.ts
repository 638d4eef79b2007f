// One entry point for every source format: the file's extension picks the extractor, and the
// limits apply to all of them. Text is extracted in-process; PDF in a worker with a time limit.
import { AppError } from '../../errors.js';
import { extractPdf } from '../pdf/extract.js';
import { timeoutError, tooLargeError, type ExtractLimits } from './limits.js';
import { extractText } from './text.js';
import type { Extracted, SourceFormat } from './types.js';

const FORMATS: Array<[RegExp, SourceFormat]> = [
  [/\.(txt|md)$/iu, 'text'],
  [/\.pdf$/iu, 'pdf'],
  [/\.docx$/iu, 'docx'],
  [/\.html?$/iu, 'html'],
];

/** The format a file name declares, or null for files the corpus does not read. */
export function formatOf(fileName: string): SourceFormat | null {
  return FORMATS.find(([re]) => re.test(fileName))?.[1] ?? null;
}

export interface ExtractInput {
  name: string;
  bytes: Uint8Array;
  limits: ExtractLimits;
}

export async function extractSource({ name, bytes, limits }: ExtractInput): Promise<Extracted & { encoding?: string }> {
  const format = formatOf(name);
  if (format === null) throw new AppError('FILE_FORMAT_UNKNOWN', name);
  if (bytes.length > limits.maxBytes) throw tooLargeError(name, bytes.length, limits.maxBytes);
  if (bytes.length === 0) throw new AppError('FILE_EMPTY', name);
  switch (format) {
    case 'text':
      return extractText(bytes, name);
    case 'pdf':
      return extractPdf(bytes, name, limits);
    case 'docx':
      return withTimeout(
        import('./docx.js').then((m) => m.extractDocx(bytes, name)),
        name,
        limits,
      );
    case 'html':
      return withTimeout(
        import('./html.js').then((m) => m.extractHtml(bytes, name)),
        name,
        limits,
      );
  }
}

/** In-process extractors cannot be killed, but a build must not wait on them forever. */
function withTimeout<T>(work: Promise<T>, name: string, limits: ExtractLimits): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timeoutError(name, limits)), limits.timeoutMs);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
