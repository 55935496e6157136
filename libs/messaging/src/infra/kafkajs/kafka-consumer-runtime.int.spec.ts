import { HEADERS } from '../../headers/header-names';
import { ACK } from '../../handler/handler';
import type { InboundEvent } from '../../handler/handler';
import { ProcessingError } from '../../errors/processing-error';
import { eventually, RuntimeHarness } from './runtime-harness.spec';

jest.setTimeout(60_000);

describe('the Kafka runtime on a real broker', () => {
  const harnesses: RuntimeHarness[] = [];
  const harness = async (name: string, delaysMs?: number[]) => {
    const h = new RuntimeHarness(name, delaysMs);
    harnesses.push(h);
    await h.setUp();
    return h;
  };
  afterAll(async () => {
    await Promise.all(harnesses.map((h) => h.tearDown()));
  });

  it('when a handler fails twice with a retriable error › retries through retry.1 and retry.2 after their delays, then succeeds', async () => {
    const h = await harness('retry', [300, 600]);
    const attempts: Array<{ attempt: number; at: number; topic: string }> = [];
    await h.startRuntime({
      handlers: {
        TestEvent: async (event: InboundEvent) => {
          attempts.push({ attempt: event.attempt, at: Date.now(), topic: event.topic });
          if (event.attempt < 3) throw new ProcessingError('TARGET_UNAVAILABLE', 'ERP answered 503');
          return ACK;
        },
      },
    });
    await h.sendJson([{ key: 'PO-1', value: { id: 'e1' } }]);
    await eventually(() => attempts.length, (n) => n >= 3);
    expect(attempts.map((a) => a.attempt)).toEqual([1, 2, 3]);
    expect(attempts.every((a) => a.topic === h.source)).toBe(true);
    expect((attempts[1]?.at ?? 0) - (attempts[0]?.at ?? 0)).toBeGreaterThanOrEqual(290);
    expect((attempts[2]?.at ?? 0) - (attempts[1]?.at ?? 0)).toBeGreaterThanOrEqual(590);
    expect(await h.read(h.topics.deadLetter)).toEqual([]);
  });

  it('when retries are exhausted › the record lands on the dead-letter topic with its origin, reason, attempts and trace id', async () => {
    const h = await harness('exhausted', [100, 100]);
    await h.startRuntime({
      handlers: {
        TestEvent: async () => {
          throw new ProcessingError('TARGET_UNAVAILABLE', 'ERP timed out for vendor account 9876543210');
        },
      },
    });
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    await h.sendJson([{ key: 'PO-9', value: { id: 'e9', amount: '10.00' }, headers: { traceparent } }]);
    const [dead] = await eventually(() => h.read(h.topics.deadLetter), (r) => r.length === 1);
    expect(dead?.key?.toString()).toBe('PO-9');
    expect(JSON.parse(dead?.value?.toString() ?? '{}')).toEqual({ id: 'e9', amount: '10.00' });
    expect(dead?.headers).toMatchObject({
      traceparent,
      [HEADERS.originalTopic]: h.source,
      [HEADERS.consumerGroup]: h.topology.group,
      [HEADERS.errorCode]: 'TARGET_UNAVAILABLE',
      [HEADERS.errorMessage]: 'ERP timed out for vendor account ****3210',
      [HEADERS.attempts]: '3',
      [HEADERS.traceId]: '4bf92f3577b34da6a3ce929d0e0e4736',
    });
    expect(dead?.headers[HEADERS.originalPartition]).toMatch(/^[0-2]$/);
    expect(dead?.headers[HEADERS.originalOffset]).toBe('0');
    expect(Number(dead?.headers[HEADERS.originalTimestamp])).toBeGreaterThan(0);
    expect(Date.parse(dead?.headers[HEADERS.firstFailureAt] ?? '')).toBeLessThanOrEqual(Date.parse(dead?.headers[HEADERS.lastFailureAt] ?? ''));
    expect(JSON.stringify(dead?.headers)).not.toContain('9876543210');
  });

  it('when records of three keys arrive interleaved › each key is handled strictly in order while keys run concurrently', async () => {
    const h = await harness('order');
    const seen = new Map<string, number[]>();
    await h.startRuntime({
      concurrency: 3,
      handlers: {
        TestEvent: async (event: InboundEvent) => {
          await new Promise((r) => setTimeout(r, Math.random() * 3));
          const value = event.value as { seq: number };
          seen.set(event.key, [...(seen.get(event.key) ?? []), value.seq]);
          return ACK;
        },
      },
    });
    const records = Array.from({ length: 150 }, (_, i) => ({ key: `PO-${i % 3}`, value: { id: `o${i}`, seq: i } }));
    await h.sendJson(records);
    await eventually(() => [...seen.values()].reduce((n, s) => n + s.length, 0), (n) => n >= 150);
    for (const [key, order] of seen) {
      expect([key, order]).toEqual([key, [...order].sort((a, b) => a - b)]);
      expect(order).toHaveLength(50);
    }
  });

  it('when a handler rejects invalid input › the record is dead-lettered at once and the partition moves on', async () => {
    const h = await harness('invalid');
    const handled: string[] = [];
    await h.startRuntime({
      handlers: {
        TestEvent: async (event: InboundEvent) => {
          const value = event.value as { id: string; po?: string };
          if (!value.po) throw new ProcessingError('INVALID_INPUT', 'po is required');
          handled.push(value.id);
          return ACK;
        },
      },
    });
    await h.sendJson([
      { key: 'k', value: { id: 'a', po: 'PO-1' } },
      { key: 'k', value: { id: 'b' } },
      { key: 'k', value: { id: 'c', po: 'PO-2' } },
    ]);
    await h.sendRaw([{ key: 'k', value: Buffer.from('{not json') }]);
    await h.sendJson([{ key: 'k', value: { id: 'd', po: 'PO-3' } }]);
    await eventually(() => handled.length, (n) => n >= 3);
    const dead = await eventually(() => h.read(h.topics.deadLetter), (r) => r.length === 2);
    expect(handled).toEqual(['a', 'c', 'd']);
    expect(dead.map((r) => [r.headers[HEADERS.errorCode], r.headers[HEADERS.attempts]])).toEqual([
      ['INVALID_INPUT', '1'],
      ['INVALID_INPUT', '1'],
    ]);
    expect(dead[1]?.headers[HEADERS.errorMessage]).toMatch(/^not JSON/);
  });

  it('when the runtime stops › it finishes the batch in flight and commits its offsets', async () => {
    const h = await harness('shutdown');
    let handled = 0;
    const runtime = await h.startRuntime({
      handlers: {
        TestEvent: async () => {
          handled += 1;
          return ACK;
        },
      },
    });
    await h.sendJson(Array.from({ length: 60 }, (_, i) => ({ key: `k${i % 6}`, value: { id: `s${i}` } })));
    await eventually(() => handled, (n) => n >= 60);
    expect(await runtime.stop(10_000)).toBe('clean');
    const admin = h.kafka.admin();
    await admin.connect();
    const [committed] = await admin.fetchOffsets({ groupId: h.topology.group, topics: [h.source] });
    const ends = await admin.fetchTopicOffsets(h.source);
    await admin.disconnect();
    const committedByPartition = Object.fromEntries(committed?.partitions.map((p) => [p.partition, p.offset]) ?? []);
    for (const end of ends) expect([end.partition, committedByPartition[end.partition]]).toEqual([end.partition, end.high]);
  });
});
