// The cluster primary's policy (src/cli/supervisor.ts) with fake workers and a fake clock: issue
// 16's attack 4 (two deaths within 10 s, or one in a worker's first 10 s, stopped the whole
// cluster) and the rules that replaced it: per-slot exponential backoff, reset after a worker
// has stayed up, and a stop only when no worker can start at all.
import { describe, expect, it } from 'vitest';
import { SUPERVISOR_DEFAULTS } from '../../src/config.js';
import { createSupervisor, restartDelay, type SupervisorPolicy } from '../../src/cli/supervisor.js';

const POLICY: SupervisorPolicy = { restartDelayMs: 500, maxRestartDelayMs: 8000, stableMs: 30_000, maxStartFailures: 3 };

/** A supervisor over fake workers, with a clock the test moves by hand. */
function harness(slots: number, policy = POLICY) {
  let clock = 0;
  let nextId = 1;
  const timers: { at: number; fn: () => void; id: number }[] = [];
  let timerIds = 0;
  const forked: number[] = [];
  const log: string[] = [];
  const gaveUp: string[] = [];
  const supervisor = createSupervisor({
    slots,
    policy,
    fork: () => {
      const id = nextId++;
      forked.push(id);
      return { id, pid: 1000 + id };
    },
    log: (l) => log.push(l),
    error: (l) => log.push(l),
    giveUp: (reason) => gaveUp.push(reason),
    now: () => clock,
    setTimer: (fn, ms) => {
      const t = { at: clock + ms, fn, id: ++timerIds };
      timers.push(t);
      return t.id;
    },
    clearTimer: (id) => {
      const at = timers.findIndex((t) => t.id === id);
      if (at >= 0) timers.splice(at, 1);
    },
  });
  /** Moves the clock, firing the timers that fall due in order. */
  const advance = (ms: number) => {
    const until = clock + ms;
    for (;;) {
      timers.sort((a, b) => a.at - b.at);
      const due = timers[0];
      if (!due || due.at > until) break;
      timers.shift();
      clock = due.at;
      due.fn();
    }
    clock = until;
  };
  const last = () => forked[forked.length - 1] as number;
  return { supervisor, forked, log, gaveUp, advance, last };
}

describe('restart delay', () => {
  it('doubles per consecutive early death from 0.5 s, up to 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => restartDelay(n))).toEqual([500, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
    expect(SUPERVISOR_DEFAULTS.maxStartFailures).toBeGreaterThan(1);
  });
});

describe('supervision', () => {
  it('starts the first worker alone and the others once it listens', () => {
    const h = harness(3);
    h.supervisor.start();
    expect(h.forked).toEqual([1]);
    h.advance(5000);
    expect(h.forked).toEqual([1]);
    h.supervisor.listening(1);
    expect(h.forked).toEqual([1, 2, 3]);
    h.supervisor.listening(2);
    h.supervisor.listening(3);
    expect(h.log).toContain('全部 3 个工作进程已开始服务');
  });

  it('two worker deaths within 10 s no longer stop the cluster: each is replaced, with backoff', () => {
    const h = harness(2);
    h.supervisor.start();
    h.supervisor.listening(1);
    h.supervisor.listening(2);
    h.advance(1000);
    // Worker 1 dies 1 s after listening, its replacement 2 s after it starts.
    h.supervisor.exited(1, 'SIGKILL');
    expect(h.forked).toEqual([1, 2]);
    h.advance(499);
    expect(h.forked).toEqual([1, 2]);
    h.advance(1);
    expect(h.forked).toEqual([1, 2, 3]);
    h.supervisor.listening(3);
    h.advance(2000);
    h.supervisor.exited(3, 'SIGKILL');
    h.advance(999);
    expect(h.forked).toEqual([1, 2, 3]);
    h.advance(1);
    expect(h.forked).toEqual([1, 2, 3, 4]);
    // A third death, before the replacement even listened: 2 s.
    h.supervisor.exited(4, 'SIGKILL');
    h.advance(2000);
    expect(h.forked).toEqual([1, 2, 3, 4, 5]);
    expect(h.gaveUp).toEqual([]);
    expect(h.log.filter((l) => l.includes('后替换'))).toHaveLength(3);
    expect(h.log.some((l) => l.includes('仍有 1 个工作进程在服务'))).toBe(true);
  });

  it("one death in a worker's first seconds no longer stops the cluster", () => {
    const h = harness(3);
    h.supervisor.start();
    h.supervisor.listening(1);
    // Worker 3 dies before it listens: a failed start, replaced in 0.5 s.
    h.supervisor.exited(3, '退出码 1');
    expect(h.gaveUp).toEqual([]);
    h.advance(500);
    expect(h.forked).toEqual([1, 2, 3, 4]);
    expect(h.log.some((l) => l.includes('开始服务前退出（连续第 1 次启动失败）'))).toBe(true);
  });

  it("keeps each slot's backoff to itself and forgets it once the worker has stayed up", () => {
    const h = harness(2);
    h.supervisor.start();
    h.supervisor.listening(1);
    h.supervisor.listening(2);
    for (const expected of [500, 1000, 2000, 4000, 8000, 8000]) {
      const dying = h.last() === 2 ? 2 : h.last();
      h.supervisor.exited(dying, 'SIGKILL');
      const before = h.forked.length;
      h.advance(expected - 1);
      expect(h.forked).toHaveLength(before);
      h.advance(1);
      expect(h.forked).toHaveLength(before + 1);
      h.supervisor.listening(h.last());
    }
    // Slot 1 (worker 1) still gets the shortest delay: its slot never died.
    h.supervisor.exited(1, 'SIGKILL');
    const before = h.forked.length;
    h.advance(500);
    expect(h.forked).toHaveLength(before + 1);
    h.supervisor.listening(h.last());
    // Up 30 s: the other slot's count is forgotten, back to 0.5 s.
    const slot2 = h.forked[h.forked.length - 2] as number;
    h.advance(30_000);
    h.supervisor.exited(slot2, 'SIGKILL');
    h.advance(500);
    expect(h.forked).toHaveLength(before + 2);
    expect(h.gaveUp).toEqual([]);
  });

  it('stops at once, saying why, when the very first worker cannot start', () => {
    const h = harness(3);
    h.supervisor.start();
    h.supervisor.exited(1, '退出码 1');
    expect(h.gaveUp).toHaveLength(1);
    expect(h.gaveUp[0]).toMatch(/首个工作进程 1（pid 1001）未能启动（退出码 1）.*服务停止/u);
    h.advance(60_000);
    expect(h.forked).toEqual([1]);
  });

  it('stops when no worker serves and every slot failed its starts N times in a row', () => {
    const h = harness(2);
    h.supervisor.start();
    h.supervisor.listening(1);
    h.supervisor.listening(2);
    h.supervisor.exited(1, 'SIGKILL');
    h.supervisor.exited(2, 'SIGKILL');
    // From now on nothing starts (the corpus folder is gone, say).
    for (let round = 0; round < 40 && h.gaveUp.length === 0; round++) {
      h.advance(10_000);
      const alive = h.forked.slice(-2);
      for (const id of alive) h.supervisor.exited(id, '退出码 1');
    }
    expect(h.gaveUp).toHaveLength(1);
    expect(h.gaveUp[0]).toMatch(/全部 2 个槽位的工作进程均已连续 3 次启动失败.*服务停止/u);
    const count = h.forked.length;
    h.advance(120_000);
    expect(h.forked).toHaveLength(count);
  });

  it('keeps retrying a slot that cannot start while another slot serves', () => {
    const h = harness(2);
    h.supervisor.start();
    h.supervisor.listening(1);
    let failing = 2;
    for (let i = 0; i < 10; i++) {
      h.supervisor.exited(failing, '退出码 1');
      h.advance(30_000);
      failing = h.last();
    }
    expect(h.gaveUp).toEqual([]);
    expect(h.forked).toHaveLength(12);
  });

  it('replaces nothing after stop()', () => {
    const h = harness(2);
    h.supervisor.start();
    h.supervisor.listening(1);
    h.supervisor.exited(2, 'SIGKILL');
    h.supervisor.stop();
    h.advance(60_000);
    expect(h.forked).toEqual([1, 2]);
    expect(h.gaveUp).toEqual([]);
  });
});
