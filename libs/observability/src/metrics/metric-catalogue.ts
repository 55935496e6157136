/**
 * Every metric Procurelink exports, in one place: the OpenTelemetry instrument name and the name
 * Prometheus shows. The exporter turns dots into underscores and adds `_total` to counters; it does
 * not add a unit suffix, so durations carry `.seconds` in the instrument name itself.
 */
export type MetricKind = 'counter' | 'histogram' | 'gauge';

export interface MetricSpec {
  /** The OpenTelemetry instrument name. */
  readonly instrument: string;
  /** The name as it appears in Prometheus (histograms add _bucket, _sum and _count to it). */
  readonly prometheus: string;
  readonly kind: MetricKind;
  readonly unit?: string;
  readonly description: string;
  readonly labels: readonly string[];
}

export const METRICS = {
  recordsProcessed: {
    instrument: 'procurelink.records.processed',
    prometheus: 'procurelink_records_processed_total',
    kind: 'counter',
    description: 'Records the runtime finished, by outcome (ack, skip, retry, dead_letter).',
    labels: ['service', 'topic', 'outcome'],
  },
  recordsRetried: {
    instrument: 'procurelink.records.retried',
    prometheus: 'procurelink_records_retried_total',
    kind: 'counter',
    description: 'Records sent on to a retry topic, by error code.',
    labels: ['service', 'topic', 'code'],
  },
  recordsDeadLettered: {
    instrument: 'procurelink.records.dead_lettered',
    prometheus: 'procurelink_records_dead_lettered_total',
    kind: 'counter',
    description: 'Records sent to the dead-letter topic, by error code.',
    labels: ['service', 'topic', 'code'],
  },
  recordsDuplicateSkipped: {
    instrument: 'procurelink.records.duplicate_skipped',
    prometheus: 'procurelink_records_duplicate_skipped_total',
    kind: 'counter',
    description: 'Records skipped because their event id was already processed (idempotency claim done).',
    labels: ['service', 'topic'],
  },
  processingDuration: {
    instrument: 'procurelink.processing.duration.seconds',
    prometheus: 'procurelink_processing_duration_seconds',
    kind: 'histogram',
    unit: 's',
    description: 'Time from a record being picked up in its batch until its outcome is known.',
    labels: ['service', 'topic'],
  },
  consumerLag: {
    instrument: 'procurelink.consumer.lag',
    prometheus: 'procurelink_consumer_lag',
    kind: 'gauge',
    description: 'Records behind the high watermark of a partition after the last finished batch.',
    labels: ['service', 'topic', 'partition'],
  },
  erpCallDuration: {
    instrument: 'procurelink.erp.call.duration.seconds',
    prometheus: 'procurelink_erp_call_duration_seconds',
    kind: 'histogram',
    unit: 's',
    description: 'ERP calls, by operation and outcome (ok, unavailable, rejected, invalid).',
    labels: ['operation', 'outcome'],
  },
  erpCallErrors: {
    instrument: 'procurelink.erp.call.errors',
    prometheus: 'procurelink_erp_call_errors_total',
    kind: 'counter',
    description: 'ERP calls that failed, by operation and error code.',
    labels: ['operation', 'code'],
  },
  httpRequests: {
    instrument: 'procurelink.http.requests',
    prometheus: 'procurelink_http_requests_total',
    kind: 'counter',
    description: 'HTTP requests served, by route template and status code.',
    labels: ['service', 'route', 'status'],
  },
  httpRequestDuration: {
    instrument: 'procurelink.http.request.duration.seconds',
    prometheus: 'procurelink_http_request_duration_seconds',
    kind: 'histogram',
    unit: 's',
    description: 'HTTP request duration, by route template and status code.',
    labels: ['service', 'route', 'status'],
  },
  delayedInvoices: {
    instrument: 'procurelink.delayed_invoices',
    prometheus: 'procurelink_delayed_invoices',
    kind: 'gauge',
    description: 'Invoices received, matched or in exception and not yet posted, by facility.',
    labels: ['facility'],
  },
  unmatchedReceipts: {
    instrument: 'procurelink.unmatched_receipts',
    prometheus: 'procurelink_unmatched_receipts',
    kind: 'gauge',
    description: 'Goods receipts older than the configured hours with no posted invoice for their PO, by facility.',
    labels: ['facility'],
  },
  blockedPayments: {
    instrument: 'procurelink.blocked_payments',
    prometheus: 'procurelink_blocked_payments',
    kind: 'gauge',
    description: 'Payments failed, rejected, alerted or in exception, by facility.',
    labels: ['facility'],
  },
  deadLettersOpen: {
    instrument: 'procurelink.dead_letters_open',
    prometheus: 'procurelink_dead_letters_open',
    kind: 'gauge',
    description: 'Dead letters not yet replayed or discarded, by service and error code.',
    labels: ['service', 'code'],
  },
} as const satisfies Record<string, MetricSpec>;

export type MetricKey = keyof typeof METRICS;

/** The Prometheus names of every metric Procurelink exports. */
export const METRIC_NAMES: readonly string[] = Object.values(METRICS).map((m) => m.prometheus);

/** Bucket bounds (seconds) for every duration histogram: 5 ms up to 30 s. */
export const DURATION_BUCKETS_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] as const;

/**
 * The series names a PromQL expression may use for a catalogued metric: the name itself, and for
 * histograms also `_bucket`, `_sum` and `_count`.
 */
export function exportedSeriesNames(): Set<string> {
  const names = new Set<string>();
  for (const spec of Object.values(METRICS) as MetricSpec[]) {
    names.add(spec.prometheus);
    if (spec.kind === 'histogram') for (const suffix of ['_bucket', '_sum', '_count']) names.add(spec.prometheus + suffix);
  }
  return names;
}
