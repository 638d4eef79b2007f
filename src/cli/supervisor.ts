// The cluster primary's policy for WEB_CONCURRENCY above 1: which worker slots to start, when to
// replace a dead worker, and when to give up. Kept apart from node:cluster (serve.ts wires the
// events in) so the timing rules are unit-tested with fake workers and a fake clock.
//
// Every slot is replaced on its own, after a delay that doubles with each consecutive early death
// of that slot, so a worker that crashes on every start cannot turn into a fork storm while the
// healthy workers keep serving. A slot's count is forgotten once its worker has stayed up for
// `stableMs`. The server stops only when nothing can serve: the very first worker failed before
// any worker ever listened (the corpus, the index or the port is unusable), or no worker is
// listening and every slot has failed `maxStartFailures` starts in a row without listening.
import { SUPERVISOR_DEFAULTS } from '../config.js';

export interface SupervisorPolicy {
  /** Delay before replacing a slot's worker after its first early death; doubles per death after. */
  restartDelayMs: number;
  maxRestartDelayMs: number;
  /** A worker listening this long resets its slot's death count. */
  stableMs: number;
  /** Consecutive exits before listening after which a slot counts as unable to start. */
  maxStartFailures: number;
}

/** What the supervisor needs of a cluster worker. */
export interface WorkerHandle {
  id: number;
  pid: number | undefined;
}

export interface SupervisorDeps {
  slots: number;
  policy?: SupervisorPolicy;
  /** Starts a worker process (cluster.fork). */
  fork: () => WorkerHandle;
  log: (line: string) => void;
  error: (line: string) => void;
  /** Nothing can serve: the caller stops the remaining workers and exits with code 1. */
  giveUp: (reason: string) => void;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export interface Supervisor {
  start(): void;
  listening(workerId: number): void;
  exited(workerId: number, why: string): void;
  /** Shutting down on purpose: no more replacements. */
  stop(): void;
}

interface Slot {
  n: number;
  worker: WorkerHandle | null;
  startedAt: number;
  listening: boolean;
  /** Consecutive deaths before the worker had been up `stableMs`: sets the delay. */
  earlyDeaths: number;
  /** Consecutive exits before listening: decides when the slot cannot start. */
  failedStarts: number;
  restartTimer: unknown;
  stableTimer: unknown;
}

/** Delay before the next start after `deaths` consecutive early deaths (1 or more). */
export function restartDelay(deaths: number, policy: SupervisorPolicy = SUPERVISOR_DEFAULTS): number {
  return Math.min(policy.maxRestartDelayMs, policy.restartDelayMs * 2 ** Math.max(0, deaths - 1));
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} 秒`;

export function createSupervisor(deps: SupervisorDeps): Supervisor {
  const policy = deps.policy ?? SUPERVISOR_DEFAULTS;
  const now = deps.now ?? Date.now;
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = deps.clearTimer ?? ((t) => clearTimeout(t as NodeJS.Timeout));
  const slots: Slot[] = Array.from({ length: deps.slots }, (_, n) => ({ n, worker: null, startedAt: 0, listening: false, earlyDeaths: 0, failedStarts: 0, restartTimer: null, stableTimer: null }));
  let everListened = false;
  let announced = false;
  let stopped = false;

  const slotOf = (workerId: number) => slots.find((s) => s.worker?.id === workerId);
  const launch = (slot: Slot) => {
    slot.restartTimer = null;
    if (stopped) return;
    slot.worker = deps.fork();
    slot.startedAt = now();
    slot.listening = false;
    // Pids in the log let an operator (and the tests) tell which process is which.
    deps.log(`启动工作进程 ${slot.worker.id}（pid ${slot.worker.pid ?? '?'}，槽位 ${slot.n + 1}）`);
  };
  const stopAll = (reason: string) => {
    stopped = true;
    for (const s of slots) {
      if (s.restartTimer !== null) clearTimer(s.restartTimer);
      if (s.stableTimer !== null) clearTimer(s.stableTimer);
    }
    if (reason) deps.giveUp(reason);
  };

  return {
    start() {
      // The first worker alone: it builds the index if it must, the others only load it.
      launch(slots[0] as Slot);
    },

    listening(workerId) {
      const slot = slotOf(workerId);
      if (!slot || stopped) return;
      slot.listening = true;
      slot.failedStarts = 0;
      slot.stableTimer = setTimer(() => {
        slot.stableTimer = null;
        slot.earlyDeaths = 0;
      }, policy.stableMs);
      if (!everListened) {
        everListened = true;
        for (const other of slots.slice(1)) launch(other);
      }
      if (announced) deps.log(`工作进程 ${workerId}（槽位 ${slot.n + 1}）已开始服务`);
      else if (slots.every((s) => s.listening)) {
        announced = true;
        deps.log(`全部 ${slots.length} 个工作进程已开始服务`);
      }
    },

    exited(workerId, why) {
      const slot = slotOf(workerId);
      if (!slot || stopped) return;
      const lived = now() - slot.startedAt;
      const wasListening = slot.listening;
      const pid = slot.worker?.pid ?? '?';
      slot.worker = null;
      slot.listening = false;
      if (slot.stableTimer !== null) clearTimer(slot.stableTimer);
      slot.stableTimer = null;
      if (!everListened) {
        stopAll(`首个工作进程 ${workerId}（pid ${pid}）未能启动（${why}）：它要载入语料、建立或载入检索索引并监听端口，原因见上方日志；没有可以服务的工作进程，服务停止`);
        return;
      }
      slot.earlyDeaths++;
      if (!wasListening) slot.failedStarts++;
      const serving = slots.filter((s) => s.listening).length;
      if (serving === 0 && slots.every((s) => s.failedStarts >= policy.maxStartFailures)) {
        stopAll(`全部 ${slots.length} 个槽位的工作进程均已连续 ${policy.maxStartFailures} 次启动失败（最后一次：工作进程 ${workerId}，${why}），没有可以服务的工作进程，服务停止`);
        return;
      }
      const delay = restartDelay(slot.earlyDeaths, policy);
      const what = wasListening ? `运行 ${seconds(lived)}后退出` : `启动 ${seconds(lived)}后、开始服务前退出（连续第 ${slot.failedStarts} 次启动失败）`;
      deps.error(`工作进程 ${workerId}（pid ${pid}，槽位 ${slot.n + 1}）${what}（${why}）；${seconds(delay)}后替换（该槽位连续第 ${slot.earlyDeaths} 次退出），仍有 ${serving} 个工作进程在服务`);
      slot.restartTimer = setTimer(() => launch(slot), delay);
    },

    stop() {
      stopAll('');
    },
  };
}
