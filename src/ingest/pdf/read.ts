// Reads a PDF's pages in a worker thread with a time and memory limit, so that one hostile or
// broken file cannot stall or exhaust a build; pdfjs errors become the catalogue's codes.
import { Worker } from 'node:worker_threads';
import { AppError } from '../../errors.js';
import type { PdfPage } from './lines.js';

export interface ReadLimits {
  /** Wall time for the whole file. */
  timeoutMs: number;
  /** Heap of the worker: a file that needs more is too large. */
  maxHeapMb: number;
}

type WorkerAnswer = { ok: true; pages: PdfPage[] } | { ok: false; kind: 'encrypted' | 'corrupt'; message: string };

const WORKER_URL = new URL('./read-worker.mjs', import.meta.url);

export function readPdfPages(bytes: Uint8Array, name: string, limits: ReadLimits): Promise<PdfPage[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, {
      workerData: { bytes },
      resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb },
      stdout: true,
      stderr: true,
    });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      fn();
    };
    const timer = setTimeout(() => finish(() => reject(new AppError('EXTRACT_TIMEOUT', `${name}（超过 ${Math.round(limits.timeoutMs / 1000)} 秒）`))), limits.timeoutMs);
    worker.on('message', (answer: WorkerAnswer) => {
      finish(() => {
        if (answer.ok) resolve(answer.pages);
        else if (answer.kind === 'encrypted') reject(new AppError('PDF_ENCRYPTED', name));
        else reject(new AppError('FILE_CORRUPT', `${name}（${answer.message.slice(0, 80)}）`));
      });
    });
    worker.on('error', (err: Error & { code?: string }) => {
      const tooLarge = err.code === 'ERR_WORKER_OUT_OF_MEMORY';
      finish(() => reject(tooLarge ? new AppError('FILE_TOO_LARGE', `${name}（解析所需内存超过 ${limits.maxHeapMb} MB）`) : new AppError('FILE_CORRUPT', `${name}（${err.message.slice(0, 80)}）`)));
    });
    worker.on('exit', (code) => finish(() => reject(new AppError('FILE_CORRUPT', `${name}（解析进程退出，代码 ${code}）`))));
  });
}
