// The admission lanes in isolation (src/web/admission.ts): one job per turn of the loop, lanes
// taken in turn, gone clients dropped unrun, a job done when its handler ends the response, idle
// turns while connections are being accepted, and refusals past a lane's length.
import { EventEmitter } from 'node:events';
import type { NextFunction, Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { admission } from '../../src/web/admission.js';
import { AppError } from '../../src/errors.js';

interface FakeRes extends EventEmitter {
  writableEnded: boolean;
  destroyed: boolean;
  headers: Record<string, string>;
  end: () => FakeRes;
  set: (k: string, v: string) => FakeRes;
}

function fake(): { req: Request; res: Response; raw: FakeRes; socket: { destroyed: boolean } } {
  const socket = { destroyed: false };
  const raw = new EventEmitter() as FakeRes;
  raw.writableEnded = false;
  raw.destroyed = false;
  raw.headers = {};
  raw.end = () => {
    raw.writableEnded = true;
    return raw;
  };
  raw.set = (k, v) => {
    raw.headers[k] = v;
    return raw;
  };
  return { req: { socket } as unknown as Request, res: raw as unknown as Response, raw, socket };
}

const turn = () => new Promise<void>((r) => setImmediate(r));
const turns = async (n: number) => {
  for (let i = 0; i < n; i++) await turn();
};

describe('admission lanes', () => {
  it('runs one job per turn of the loop, taking the lanes in turn', async () => {
    const a = admission({ queue: 10, perSocket: 8 });
    const ran: string[] = [];
    const enqueue = (lane: 'page' | 'expensive', name: string) => {
      const { req, res } = fake();
      a.admit(lane)(req, res, (() => {
        ran.push(name);
        res.end();
      }) as NextFunction);
    };
    enqueue('expensive', 'e1');
    enqueue('expensive', 'e2');
    enqueue('expensive', 'e3');
    enqueue('page', 'p1');
    enqueue('page', 'p2');
    expect(ran).toEqual([]);
    await turn();
    expect(ran).toHaveLength(1);
    await turns(10);
    expect(ran).toEqual(['p1', 'e1', 'p2', 'e2', 'e3']);
  });

  it('drops a job whose client has gone before its turn', async () => {
    const a = admission({ queue: 10, perSocket: 8 });
    const ran: string[] = [];
    const first = fake();
    const second = fake();
    a.admit('expensive')(first.req, first.res, (() => ran.push('first')) as NextFunction);
    a.admit('expensive')(second.req, second.res, (() => ran.push('second')) as NextFunction);
    first.socket.destroyed = true;
    await turns(5);
    expect(ran).toEqual(['second']);
  });

  it('ends a job when its handler ends the response, not when a slow reader has taken it', async () => {
    const a = admission({ queue: 10, perSocket: 8 });
    const ran: string[] = [];
    const slow = fake();
    a.admit('page')(slow.req, slow.res, (() => {
      ran.push('slow');
      slow.res.end(); // 'finish' never comes: the client does not read
    }) as NextFunction);
    const next = fake();
    a.admit('page')(next.req, next.res, (() => ran.push('next')) as NextFunction);
    await turns(4);
    expect(ran).toEqual(['slow', 'next']);
  });

  it('a handler still working holds the lane until it ends or its client goes', async () => {
    const a = admission({ queue: 10, perSocket: 8 });
    const ran: string[] = [];
    const busy = fake();
    a.admit('page')(busy.req, busy.res, (() => ran.push('busy')) as NextFunction);
    const other = fake();
    a.admit('page')(other.req, other.res, (() => ran.push('other')) as NextFunction);
    await turns(4);
    expect(ran).toEqual(['busy']);
    busy.raw.emit('close');
    await turns(4);
    expect(ran).toEqual(['busy', 'other']);
  });

  it('turns the loop idle between jobs while connections are still being accepted', async () => {
    const a = admission({ queue: 10, perSocket: 8 });
    const ran: number[] = [];
    let turnCount = 0;
    const counter = () => {
      turnCount++;
      if (turnCount < 40) setImmediate(counter);
    };
    setImmediate(counter);
    // Three turns in a row accept a connection; the job waits for a turn that accepts none.
    let accepting = 3;
    const accept = () => {
      if (accepting-- > 0) {
        a.accepted();
        setImmediate(accept);
      }
    };
    a.accepted();
    setImmediate(accept);
    const { req, res } = fake();
    a.admit('page')(req, res, (() => {
      ran.push(turnCount);
      res.end();
    }) as NextFunction);
    await turns(20);
    expect(ran).toHaveLength(1);
    expect(ran[0]).toBeGreaterThanOrEqual(3);
  });

  it('refuses past a lane length with SERVER_BUSY and Retry-After; the page lane is longer', () => {
    const a = admission({ queue: 2, perSocket: 8 });
    const errors: unknown[] = [];
    const push = (lane: 'page' | 'expensive') => {
      const f = fake();
      a.admit(lane)(f.req, f.res, ((err?: unknown) => err && errors.push(err)) as NextFunction);
      return f;
    };
    push('expensive');
    push('expensive');
    const refused = push('expensive');
    expect(errors).toHaveLength(1);
    expect((errors[0] as AppError).code).toBe('SERVER_BUSY');
    expect((errors[0] as AppError).message).toContain('2');
    expect(refused.raw.headers['Retry-After']).toMatch(/^\d+$/u);
    for (let i = 0; i < 8; i++) push('page');
    expect(errors).toHaveLength(1);
    push('page');
    expect(errors).toHaveLength(2);
    expect(a.stats()).toEqual({ page: 8, expensive: 2 });
  });

  it('a full lane first forgets the jobs whose clients have gone', () => {
    const a = admission({ queue: 2, perSocket: 8 });
    const errors: unknown[] = [];
    const jobs = [fake(), fake()];
    for (const f of jobs) a.admit('expensive')(f.req, f.res, ((err?: unknown) => err && errors.push(err)) as NextFunction);
    for (const f of jobs) f.socket.destroyed = true;
    const f = fake();
    a.admit('expensive')(f.req, f.res, ((err?: unknown) => err && errors.push(err)) as NextFunction);
    expect(errors).toEqual([]);
  });
});
