/** Self time per function and per source area of a V8 CPU profile; pure, for bench/profile-top.ts. */

export interface CpuProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}

export interface CpuProfile {
  readonly nodes: readonly CpuProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface SelfTime {
  readonly name: string;
  readonly location: string;
  readonly selfMs: number;
}

/** Where code lives: a package under node_modules, an app or library of the workspace, Node itself, or V8. */
export function areaOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node core';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1] as string;
  const workspace = /\/(apps|libs)\/([^/]+)\//.exec(url);
  if (workspace) return `${workspace[1]}/${workspace[2]}`;
  return url.replace(/^file:\/\//, '');
}

export function summariseProfile(profile: CpuProfile): { totalMs: number; functions: SelfTime[]; areas: SelfTime[] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  let totalUs = 0;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
    totalUs += delta;
  });
  const functions = new Map<string, SelfTime>();
  const areas = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const name = functionName || '(anonymous)';
    const location = url ? `${url.replace(/^file:\/\//, '').replace(/^.*?\/(node_modules|apps|libs)\//, '$1/')}:${lineNumber + 1}` : '';
    const key = `${name} ${location}`;
    functions.set(key, { name, location, selfMs: (functions.get(key)?.selfMs ?? 0) + us / 1000 });
    const area = areaOf(url, functionName);
    areas.set(area, (areas.get(area) ?? 0) + us / 1000);
  }
  return {
    totalMs: totalUs / 1000,
    functions: [...functions.values()].sort((a, b) => b.selfMs - a.selfMs),
    areas: [...areas].map(([name, selfMs]) => ({ name, location: '', selfMs })).sort((a, b) => b.selfMs - a.selfMs),
  };
}
