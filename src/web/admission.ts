// Admission of requests into the one event loop a process has. A route handler runs to the end
// once started, and every request whose bytes the loop has read in one turn would otherwise run
// in that same turn, so /healthz would wait behind all of them. Fairness is decided before:
// - every request but /healthz, /readyz and static files waits in a lane and runs one at a time,
//   each turn after the loop has polled the network, so /healthz waits behind one handler at
//   most (the longest is tens of milliseconds: the query budget bounds it);
// - two lanes, taken in turn: pages, and the expensive routes (search, compare, targets,
//   highlighted readers), so a flood of either does not starve the other; past a lane's length a
//   request gets 503 + Retry-After;
// - a job whose client has gone (a pipelined burst whose socket closed) is dropped unrun;
// - a job ends when its handler ends the response, not when a slow reader has taken the bytes;
// - Node accepts one new connection per turn of the loop, so a burst of connections would wait
//   in the kernel, /healthz's among them, one job per connection: between jobs the loop turns
//   idle while it is still accepting (the server reports each connection through `accepted`);
// - a socket may have only a few requests in flight: a pipelined burst beyond that closes it.
import type { Socket } from 'node:net';
import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../errors.js';

export type Lane = 'page' | 'expensive';

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
/** The page lane's length against the expensive one's: a page costs a fifth of a search. */
const PAGE_QUEUE_FACTOR = 4;
/** Idle turns at most between two jobs while connections are still being accepted. */
const MAX_ACCEPT_TURNS = 64;
const LANE_NAMES: Record<Lane, string> = { page: '页面请求', expensive: '检索' };

const gone = (job: Job) => job.req.socket.destroyed || job.res.writableEnded || job.res.destroyed;

/** Calls `done` once, when the handler has ended the response or the client has gone. */
function onEnded(res: Response, done: () => void): void {
  let called = false;
  const once = () => {
    if (called) return;
    called = true;
    done();
  };
  const end = res.end.bind(res) as (...args: unknown[]) => Response;
  res.end = ((...args: unknown[]) => {
    const out = end(...args);
    once();
    return out;
  }) as Response['end'];
  res.once('close', once);
}

export interface Admission {
  /** First middleware: closes a socket with too many requests in flight. */
  perSocket: Handler;
  /** Queues a request in a lane. */
  admit: (lane: Lane) => Handler;
  /** To be called on each connection the server accepts. */
  accepted: () => void;
  stats: () => Record<Lane, number>;
}

export function admission(options: AdmissionOptions): Admission {
  const lanes: Record<Lane, Job[]> = { page: [], expensive: [] };
  const capacity: Record<Lane, number> = { page: options.queue * PAGE_QUEUE_FACTOR, expensive: options.queue };
  let running: Lane | undefined;
  let scheduled = false;
  let last: Lane = 'expensive';

  const take = (lane: Lane): Job | undefined => {
    const q = lanes[lane];
    let job = q.shift();
    while (job && gone(job)) job = q.shift();
    return job;
  };

  const runNext = () => {
    scheduled = false;
    running = undefined;
    const order: Lane[] = last === 'page' ? ['expensive', 'page'] : ['page', 'expensive'];
    for (const lane of order) {
      const job = take(lane);
      if (!job) continue;
      last = lane;
      running = lane;
      onEnded(job.res, schedule);
      job.next();
      return;
    }
  };

  let acceptedCount = 0;
  let seen = 0;
  let turns = 0;
  /** Turns the loop while the last turn accepted a connection, then runs the next job. */
  const acceptThenRun = () => {
    if (acceptedCount !== seen && turns < MAX_ACCEPT_TURNS) {
      seen = acceptedCount;
      turns++;
      setImmediate(acceptThenRun);
      return;
    }
    turns = 0;
    runNext();
  };

  function schedule(): void {
    running = undefined;
    if (scheduled) return;
    scheduled = true;
    setImmediate(acceptThenRun);
  }

  const inFlight = new WeakMap<Socket, number>();
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

  const waitingIn = (lane: Lane) => lanes[lane].length + (running === lane ? 1 : 0);

  const admit =
    (lane: Lane): Handler =>
    (req, res, next) => {
      const job = { req, res, next };
      if (gone(job)) return;
      if (waitingIn(lane) >= capacity[lane]) lanes[lane] = lanes[lane].filter((j) => !gone(j));
      if (waitingIn(lane) >= capacity[lane]) {
        res.set('Retry-After', String(RETRY_AFTER_S));
        next(new AppError('SERVER_BUSY', `当前排队的${LANE_NAMES[lane]}已达 ${capacity[lane]} 个，请 ${RETRY_AFTER_S} 秒后再试`));
        return;
      }
      lanes[lane].push(job);
      if (running === undefined) schedule();
    };

  return {
    perSocket,
    admit,
    accepted: () => {
      acceptedCount++;
    },
    stats: () => ({ page: waitingIn('page'), expensive: waitingIn('expensive') }),
  };
}
