import { erpInstruments, httpInstruments, messagingInstruments } from './instruments';
import { METRIC_NAMES, METRICS } from './metric-catalogue';
import { observeBusinessGauges } from './business-gauges';
import { renderMetrics, startMetrics, stopMetrics } from './start-metrics';

/** The metric families (`# TYPE name kind`) of a Prometheus text exposition. */
function families(text: string): Map<string, string> {
  return new Map([...text.matchAll(/^# TYPE (\S+) (\S+)$/gm)].map((m) => [m[1] as string, m[2] as string]));
}

describe('the metric catalogue', () => {
  afterEach(() => stopMetrics());

  it('names every metric once, in Prometheus form', () => {
    expect(new Set(METRIC_NAMES).size).toBe(METRIC_NAMES.length);
    for (const name of METRIC_NAMES) expect(name).toMatch(/^procurelink_[a-z_]+$/);
  });

  describe('when every instrument records once', () => {
    it('renders exactly the catalogued names, with the catalogued kinds', async () => {
      startMetrics('catalogue-test');
      const m = messagingInstruments();
      const attrs = { service: 's', topic: 't' };
      m.processed.add(1, { ...attrs, outcome: 'ack' });
      m.retried.add(1, { ...attrs, code: 'TARGET_UNAVAILABLE' });
      m.deadLettered.add(1, { ...attrs, code: 'INVALID_PAYLOAD' });
      m.duplicateSkipped.add(1, attrs);
      m.duration.record(0.02, attrs);
      m.lag.record(3, { ...attrs, partition: '0' });
      erpInstruments().callDuration.record(0.2, { operation: 'postInvoice', outcome: 'ok' });
      erpInstruments().callErrors.add(1, { operation: 'postInvoice', code: 'TARGET_UNAVAILABLE' });
      httpInstruments().requests.add(1, { service: 's', route: '/v1/x', status: '200' });
      httpInstruments().duration.record(0.01, { service: 's', route: '/v1/x', status: '200' });
      observeBusinessGauges(async () => ({
        delayedInvoices: [{ facility: 'F1', count: 2 }],
        unmatchedReceipts: [{ facility: 'F1', count: 1 }],
        blockedPayments: [{ facility: 'F2', count: 4 }],
        deadLettersOpen: [{ service: 'po-sync', code: 'INVALID_PAYLOAD', count: 5 }],
      }));

      const rendered = families(await renderMetrics());
      rendered.delete('target_info');
      expect([...rendered.keys()].sort()).toEqual([...METRIC_NAMES].sort());
      for (const spec of Object.values(METRICS)) expect(rendered.get(spec.prometheus)).toBe(spec.kind);
    });

    it('renders durations in seconds against the shared buckets and business gauges with their labels', async () => {
      startMetrics('catalogue-test');
      messagingInstruments().duration.record(0.02, { service: 's', topic: 't' });
      observeBusinessGauges(async () => ({
        delayedInvoices: [],
        unmatchedReceipts: [],
        blockedPayments: [{ facility: 'F2', count: 4 }],
        deadLettersOpen: [{ service: 'po-sync', code: 'INVALID_PAYLOAD', count: 5 }],
      }));
      const text = await renderMetrics();
      expect(text).toContain('procurelink_processing_duration_seconds_bucket{service="s",topic="t",le="0.025"} 1');
      expect(text).toContain('procurelink_processing_duration_seconds_bucket{service="s",topic="t",le="0.01"} 0');
      expect(text).toContain('procurelink_blocked_payments{facility="F2"} 4');
      expect(text).toContain('procurelink_dead_letters_open{service="po-sync",code="INVALID_PAYLOAD"} 5');
    });
  });

  describe('instruments created before startMetrics', () => {
    it('still reach /metrics once the provider is registered', async () => {
      messagingInstruments().processed.add(1, { service: 'early', topic: 't', outcome: 'ack' }); // no-op provider
      startMetrics('late-start');
      messagingInstruments().processed.add(1, { service: 'early', topic: 't', outcome: 'ack' });
      expect(await renderMetrics()).toContain('procurelink_records_processed_total{service="early",topic="t",outcome="ack"} 1');
    });
  });

  it('startMetrics is idempotent: a second call keeps the first provider', () => {
    const first = startMetrics('one');
    expect(startMetrics('two')).toBe(first);
    expect(first.service).toBe('one');
  });
});
