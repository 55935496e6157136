/** Self time per function and per source area of a V8 CPU profile; pure, for bench/profile-top.ts. */

export interface CpuProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
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

/** Areas whose time is the work of whoever called them: Node's own code and V8's builtins. */
const RUNTIME_AREAS = new Set(['node core', '(native)', '(program)']);

/**
 * Self time per area with Node core and native frames charged to their nearest caller in a
 * package, app or library: a socket write inside ioredis counts as ioredis, one inside kafkajs as
 * kafkajs. Time with no such caller (timers, the event loop itself) stays where it is.
 */
export function chargedAreas(profile: CpuProfile): SelfTime[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const charged = new Map<number, string>();
  const chargeOf = (id: number): string => {
    const known = charged.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id);
    const own = node ? areaOf(node.callFrame.url, node.callFrame.functionName) : '(unknown)';
    let area = own;
    if (RUNTIME_AREAS.has(own)) {
      const parent = parentOf.get(id);
      const above = parent === undefined ? own : chargeOf(parent);
      area = above === '(root)' || RUNTIME_AREAS.has(above) ? own : above;
    }
    charged.set(id, area);
    return area;
  };
  const areas = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const area = chargeOf(id);
    areas.set(area, (areas.get(area) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...areas].map(([name, selfMs]) => ({ name, location: '', selfMs })).sort((a, b) => b.selfMs - a.selfMs);
}

/** A V8 sampling heap profile (HeapProfiler.stopSampling; bench/p2p/alloc-sampler.cjs). */
export interface HeapProfileNode {
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly selfSize: number;
  readonly children: readonly HeapProfileNode[];
}

export interface HeapProfile {
  readonly head: HeapProfileNode;
}

export interface Allocations {
  readonly name: string;
  readonly bytes: number;
}

function frameName(frame: HeapProfileNode['callFrame']): string {
  const location = frame.url ? ` ${frame.url.replace(/^file:\/\//, '').replace(/^.*?\/(node_modules|apps|libs)\//, '$1/')}:${frame.lineNumber + 1}` : '';
  return `${frame.functionName || '(anonymous)'}${location}`;
}

/**
 * Sampled bytes allocated per function, per area (as areaOf) and per site (the allocating function
 * and its nearest caller in another area: where a library allocates on our behalf), largest first.
 */
export function summariseAllocations(profile: HeapProfile): { totalBytes: number; functions: Allocations[]; areas: Allocations[]; sites: Allocations[] } {
  const functions = new Map<string, number>();
  const areas = new Map<string, number>();
  const sites = new Map<string, number>();
  let totalBytes = 0;
  const walk = (node: HeapProfileNode, callerOutside: string | null): void => {
    const name = frameName(node.callFrame);
    const area = areaOf(node.callFrame.url, node.callFrame.functionName);
    if (node.selfSize > 0) {
      totalBytes += node.selfSize;
      functions.set(name, (functions.get(name) ?? 0) + node.selfSize);
      areas.set(area, (areas.get(area) ?? 0) + node.selfSize);
      const site = callerOutside === null ? name : `${name}  ← ${callerOutside}`;
      sites.set(site, (sites.get(site) ?? 0) + node.selfSize);
    }
    for (const child of node.children) {
      const childArea = areaOf(child.callFrame.url, child.callFrame.functionName);
      walk(child, childArea === area ? callerOutside : RUNTIME_AREAS.has(area) || area === '(root)' ? callerOutside : name);
    }
  };
  walk(profile.head, null);
  const sorted = (m: Map<string, number>) => [...m].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes);
  return { totalBytes, functions: sorted(functions), areas: sorted(areas), sites: sorted(sites) };
}
