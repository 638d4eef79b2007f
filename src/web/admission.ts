// Admission of requests into the one event loop a process has. Route handlers run to the end
// once started, so fairness is decided before they start:
// - expensive routes (search, compare, targets, highlighted readers) wait in one short queue
//   and run one at a time, each turn after the loop has polled the network, so /healthz and
//   cheap pages are answered between them; past the queue's length they get 503 + Retry-After;
// - a job whose client has gone (a pipelined burst whose socket closed) is dropped unrun;
// - a socket may have only a few requests in flight: a pipelined burst beyond that closes it.
import type { Socket } from 'node:net';
import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../errors.js';

export interface AdmissionOptions {
  /** Expensive requests waiting or running per process; more get 503. */
  queue: number;
  /** Requests in flight on one connection; more close it. */
  perSocket: number;
}

type Handler = (req: Request, res: Response, next: NextFunction) => void;

interface Job {
  req: Request;
  res: Response;
  next: NextFunction;
}

/** Seconds a client refused for a full queue is asked to wait. */
const RETRY_AFTER_S = 2;

const gone = (req: Request, res: Response) => req.socket.destroyed || res.writableEnded || res.destroyed;

export function admission(options: AdmissionOptions): { perSocket: Handler; expensive: Handler; stats: () => { queued: number } } {
  const waiting: Job[] = [];
  let running = false;
  const inFlight = new WeakMap<Socket, number>();

  const runNext = () => {
    running = false;
    let job = waiting.shift();
    while (job && gone(job.req, job.res)) job = waiting.shift();
    if (!job) return;
    running = true;
    const done = () => setImmediate(runNext);
    job.res.once('finish', done);
    job.res.once('close', () => {
      if (!job?.res.writableFinished) done();
    });
    job.next();
  };

  const perSocket: Handler = (req, res, next) => {
    const socket = req.socket;
    if (socket.destroyed) return;
    const n = (inFlight.get(socket) ?? 0) + 1;
    if (n > options.perSocket) {
      // A pipelined burst: answering each would queue work for a client that will not read it.
      // Pausing Node's parser stops the rest of the buffered burst being turned into requests.
      (socket as Socket & { parser?: { pause?: () => void } }).parser?.pause?.();
      socket.destroy();
      return;
    }
    inFlight.set(socket, n);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      inFlight.set(socket, (inFlight.get(socket) ?? 1) - 1);
    };
    res.once('finish', release);
    res.once('close', release);
    next();
  };

  const expensive: Handler = (req, res, next) => {
    if (gone(req, res)) return;
    if (waiting.length + (running ? 1 : 0) >= options.queue) {
      res.set('Retry-After', String(RETRY_AFTER_S));
      next(new AppError('SERVER_BUSY', `当前排队的检索已达 ${options.queue} 个，请 ${RETRY_AFTER_S} 秒后再试`));
      return;
    }
    waiting.push({ req, res, next });
    if (!running) {
      running = true;
      setImmediate(runNext);
    }
  };

  return { perSocket, expensive, stats: () => ({ queued: waiting.length + (running ? 1 : 0) }) };
}
