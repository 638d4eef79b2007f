// Where the time goes: a V8 CPU profile (from node:inspector or --cpu-prof) summed by function,
// self time and total time, for the bench report.
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface Hotspot {
  fn: string;
  selfMs: number;
  totalMs: number;
}

function nameOf(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url ? path.relative(PROJECT_ROOT, url.replace(/^file:\/\//u, '')) : '';
  return `${functionName || '(anonymous)'}${file ? ` ${file}:${lineNumber + 1}` : ''}`;
}

/** The functions with the most self time, with their total (inclusive) time. */
export function hotspots(profile: CpuProfile, top = 12): Hotspot[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  // Samples taken inside the inspector's own calls (stopping the profiler) are not the work measured.
  const inspector = (id: number): boolean => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) if (byId.get(at)?.callFrame.url.startsWith('node:inspector')) return true;
    return false;
  };
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    const leaf = byId.get(id);
    if (!leaf || inspector(id)) return;
    self.set(nameOf(leaf), (self.get(nameOf(leaf)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = nameOf(byId.get(at) as ProfileNode);
      if (!seen.has(name)) total.set(name, (total.get(name) ?? 0) + dt);
      seen.add(name);
    }
  });
  return [...self]
    .filter(([fn]) => !/^\((?:idle|program|root)\)/u.test(fn))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([fn, selfMs]) => ({ fn, selfMs, totalMs: total.get(fn) ?? selfMs }));
}

/** Profiles `work` in this process. */
export async function profileOf(work: () => void): Promise<CpuProfile> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  work();
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  return profile as unknown as CpuProfile;
}
