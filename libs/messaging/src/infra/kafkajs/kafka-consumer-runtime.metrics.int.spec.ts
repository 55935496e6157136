import { createRedisIdempotencyStore, type RedisIdempotencyStore } from '@procurelink/idempotency';
import { renderMetrics, startMetrics, stopMetrics } from '@procurelink/observability';
import { stackEndpoints } from '@procurelink/test-support';
import { invalidInput, targetUnavailable } from '../../errors/processing-error';
import { ACK, type InboundEvent } from '../../handler/handler';
import { idempotencyClaims } from '../idempotency-claims';
import { eventually, RuntimeHarness } from './runtime-harness.spec';

jest.setTimeout(60_000);

/** The value of one series of a Prometheus text exposition (0 when absent). */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe('the runtime metrics on a real broker', () => {
  const h = new RuntimeHarness('metrics', [200]);
  const prefix = `test:metrics:${h.run}:`;
  let store: RedisIdempotencyStore;

  beforeAll(async () => {
    startMetrics('metrics-test');
    await h.setUp(1);
    store = createRedisIdempotencyStore({ url: stackEndpoints().redisUrl, keyPrefix: prefix });
  });
  afterAll(async () => {
    await h.tearDown();
    await store.close();
    await stopMetrics();
  });

  it('counts records by outcome, retries and dead letters by code, duplicates by claim, latency and lag', async () => {
    const kinds: Record<string, (event: InboundEvent) => Promise<typeof ACK>> = {
      ok: async () => ACK,
      invalid: async () => {
        throw invalidInput('quantity must be positive');
      },
      flaky: async () => {
        throw targetUnavailable('ERP timed out');
      },
    };
    await h.startRuntime({
      handlers: { TestEvent: (event) => (kinds[(event.value as { kind: string }).kind] as (e: InboundEvent) => Promise<typeof ACK>)(event) },
      claims: idempotencyClaims(store),
    });
    const { group } = h.topology;
    const src = `{service="${group}",topic="${h.source}"`;
    const retry = `{service="${group}",topic="${h.topics.retry[0]}"`;

    await h.sendJson([
      { key: 'A', value: { id: 'a', kind: 'ok' } },
      { key: 'B', value: { id: 'b', kind: 'invalid' } },
      { key: 'C', value: { id: 'c', kind: 'flaky' } },
    ]);
    await eventually(() => renderMetrics(), (t) => sample(t, `procurelink_records_dead_lettered_total${retry},code="TARGET_UNAVAILABLE"}`) === 1);
    await h.sendJson([{ key: 'A', value: { id: 'a', kind: 'ok' } }]); // the same event id again
    const text = await eventually(() => renderMetrics(), (t) => sample(t, `procurelink_records_duplicate_skipped_total${src}}`) === 1);

    expect(sample(text, `procurelink_records_processed_total${src},outcome="ack"}`)).toBe(1);
    expect(sample(text, `procurelink_records_processed_total${src},outcome="skip"}`)).toBe(1);
    expect(sample(text, `procurelink_records_processed_total${src},outcome="retry"}`)).toBe(1);
    expect(sample(text, `procurelink_records_processed_total${src},outcome="dead_letter"}`)).toBe(1);
    expect(sample(text, `procurelink_records_processed_total${retry},outcome="dead_letter"}`)).toBe(1);
    expect(sample(text, `procurelink_records_retried_total${src},code="TARGET_UNAVAILABLE"}`)).toBe(1);
    expect(sample(text, `procurelink_records_dead_lettered_total${src},code="INVALID_INPUT"}`)).toBe(1);
    expect(sample(text, `procurelink_processing_duration_seconds_count${src}}`)).toBe(4);
    expect(sample(text, `procurelink_processing_duration_seconds_bucket${src},le="+Inf"}`)).toBe(4);
    expect(text).toMatch(new RegExp(`^procurelink_consumer_lag\\{service="${group}",topic="${h.source.replace(/\./g, '\\.')}",partition="0"\\} 0$`, 'm'));
  });
});
