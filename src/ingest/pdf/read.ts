// Reads a PDF's pages in a worker thread with a time and memory limit, so that one hostile or
// broken file cannot stall or exhaust a build; pdfjs errors become the catalogue's codes. One
// worker serves file after file (pdfjs loads once) and is replaced after a timeout or a crash.
import { Worker } from 'node:worker_threads';
import { AppError } from '../../errors.js';
import { timeoutError } from '../extract/limits.js';
import type { PdfPage } from './lines.js';

export interface ReadLimits {
  /** Wall time for the whole file. */
  timeoutMs: number;
  /** Heap of the worker: a file that needs more is too large. */
  maxHeapMb: number;
}

type WorkerAnswer = { id: number; ok: true; pages: PdfPage[] } | { id: number; ok: false; kind: 'encrypted' | 'corrupt'; message: string };

const WORKER_URL = new URL('./read-worker.mjs', import.meta.url);

let shared: { worker: Worker; heapMb: number } | null = null;
let nextId = 1;
/** Files are read one at a time: the worker is a single queue. */
let queue: Promise<unknown> = Promise.resolve();

function workerFor(heapMb: number): Worker {
  if (shared && shared.heapMb === heapMb) return shared.worker;
  if (shared) void shared.worker.terminate();
  const worker = new Worker(WORKER_URL, { resourceLimits: { maxOldGenerationSizeMb: heapMb } });
  shared = { worker, heapMb };
  return worker;
}

function discard(worker: Worker): void {
  if (shared?.worker === worker) shared = null;
  void worker.terminate();
}

export function readPdfPages(bytes: Uint8Array, name: string, limits: ReadLimits): Promise<PdfPage[]> {
  const job = queue.then(() => readOne(bytes, name, limits));
  queue = job.catch(() => undefined);
  return job;
}

function readOne(bytes: Uint8Array, name: string, limits: ReadLimits): Promise<PdfPage[]> {
  return new Promise((resolve, reject) => {
    const worker = workerFor(limits.maxHeapMb);
    const id = nextId++;
    worker.ref();
    const finish = (fn: () => void, broken = false) => {
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (broken) discard(worker);
      else worker.unref();
      fn();
    };
    const timer = setTimeout(() => finish(() => reject(timeoutError(name, limits)), true), limits.timeoutMs);
    const onMessage = (answer: WorkerAnswer) => {
      if (answer.id !== id) return;
      finish(() => {
        if (answer.ok) resolve(answer.pages);
        else if (answer.kind === 'encrypted') reject(new AppError('PDF_ENCRYPTED', name));
        else reject(new AppError('FILE_CORRUPT', `${name}（${answer.message.slice(0, 80)}）`));
      });
    };
    const onError = (err: Error & { code?: string }) => {
      const tooLarge = err.code === 'ERR_WORKER_OUT_OF_MEMORY';
      finish(() => reject(tooLarge ? new AppError('FILE_TOO_LARGE', `${name}（解析所需内存超过 ${limits.maxHeapMb} MB）`) : new AppError('FILE_CORRUPT', `${name}（${err.message.slice(0, 80)}）`)), true);
    };
    const onExit = (code: number) => finish(() => reject(new AppError('FILE_CORRUPT', `${name}（解析进程退出，代码 ${code}）`)), true);
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    // A copy: the caller's buffer stays usable (it is hashed and may be cached).
    worker.postMessage({ id, bytes: new Uint8Array(bytes) });
  });
}
