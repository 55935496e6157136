import { areaOf, chargedAreas, summariseAllocations, summariseProfile, type HeapProfileNode } from './profile.ts';

describe('summarising a CPU profile', () => {
  it('names the area of a frame: a package, a workspace project, node core or V8', () => {
    expect(areaOf('file:///w/node_modules/@kafkajs/confluent-schema-registry/dist/x.js', 'f')).toBe('@kafkajs/confluent-schema-registry');
    expect(areaOf('file:///w/node_modules/kafkajs/src/protocol/encoder.js', 'f')).toBe('kafkajs');
    expect(areaOf('file:///w/apps/po-sync/dist/purchase-order/x.js', 'f')).toBe('apps/po-sync');
    expect(areaOf('node:internal/streams/readable', 'f')).toBe('node core');
    expect(areaOf('', '(garbage collector)')).toBe('(garbage collector)');
  });

  it('adds up self time per function and per area, largest first', () => {
    const frame = (id: number, functionName: string, url: string) => ({ id, callFrame: { functionName, url, lineNumber: 0 } });
    const summary = summariseProfile({
      nodes: [frame(1, '(root)', ''), frame(2, 'encode', 'file:///w/node_modules/avsc/lib/types.js'), frame(3, 'decide', 'file:///w/apps/po-sync/dist/d.js')],
      samples: [2, 3, 2, 2],
      timeDeltas: [1000, 2000, 1000, 1000],
    });
    expect(summary.totalMs).toBe(5);
    expect(summary.functions.map((f) => [f.name, f.selfMs])).toEqual([['encode', 3], ['decide', 2]]);
    expect(summary.areas.map((a) => [a.name, a.selfMs])).toEqual([['avsc', 3], ['apps/po-sync', 2]]);
  });

  it('charges Node core and native time to the nearest caller in a package or the workspace', () => {
    const frame = (id: number, functionName: string, url: string, children: number[] = []) => ({ id, callFrame: { functionName, url, lineNumber: 0 }, children });
    const areas = chargedAreas({
      nodes: [
        frame(1, '(root)', '', [2, 5, 6]),
        frame(2, 'sendCommand', 'file:///w/node_modules/ioredis/built/Redis.js', [3]),
        frame(3, 'write', 'node:net', [4]),
        frame(4, 'writeUtf8String', ''),
        frame(5, 'processTimers', 'node:internal/timers'),
        frame(6, '(garbage collector)', ''),
      ],
      samples: [4, 3, 2, 5, 6],
      timeDeltas: [1000, 1000, 1000, 1000, 1000],
    });
    expect(areas.map((a) => [a.name, a.selfMs])).toEqual([['ioredis', 3], ['node core', 1], ['(garbage collector)', 1]]);
  });

  it('adds up sampled allocations per function, per area and per site (the allocating function and its caller in another area)', () => {
    const node = (functionName: string, url: string, selfSize: number, children: HeapProfileNode[] = []): HeapProfileNode => ({ callFrame: { functionName, url, lineNumber: 0 }, selfSize, children });
    const summary = summariseAllocations({
      head: node('(root)', '', 0, [
        node('save', 'file:///w/apps/po-sync/dist/store.js', 100, [node('sendCommand', 'file:///w/node_modules/ioredis/built/Redis.js', 300, [node('Buffer.from', 'node:buffer', 50)])]),
        node('flush', 'file:///w/libs/messaging/dist/p.js', 0, [node('sendCommand', 'file:///w/node_modules/ioredis/built/Redis.js', 200)]),
      ]),
    });
    expect(summary.totalBytes).toBe(650);
    expect(summary.areas.map((a) => [a.name, a.bytes])).toEqual([['ioredis', 500], ['apps/po-sync', 100], ['node core', 50]]);
    expect(summary.functions[0]).toEqual({ name: 'sendCommand node_modules/ioredis/built/Redis.js:1', bytes: 500 });
    expect(summary.sites.map((s) => [s.name, s.bytes])).toEqual([
      ['sendCommand node_modules/ioredis/built/Redis.js:1  ← save apps/po-sync/dist/store.js:1', 300],
      ['sendCommand node_modules/ioredis/built/Redis.js:1  ← flush libs/messaging/dist/p.js:1', 200],
      ['save apps/po-sync/dist/store.js:1', 100],
      ['Buffer.from node:buffer:1  ← sendCommand node_modules/ioredis/built/Redis.js:1', 50],
    ]);
  });
});
