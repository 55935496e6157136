import { metrics, type Counter, type Gauge, type Histogram, type Meter, type MeterProvider } from '@opentelemetry/api';
import { DURATION_BUCKETS_SECONDS, METRICS, type MetricSpec } from './metric-catalogue';

const METER = '@procurelink/observability';

/**
 * Instruments made from a no-op provider stay no-ops forever, so each set is created on first
 * use and again whenever the global MeterProvider has changed since (startMetrics after import).
 */
function lazyInstruments<T>(create: (meter: Meter) => T): () => T {
  let cache: { provider: MeterProvider; instruments: T } | undefined;
  return () => {
    const provider = metrics.getMeterProvider();
    if (cache?.provider !== provider) cache = { provider, instruments: create(provider.getMeter(METER)) };
    return cache.instruments;
  };
}

const counter = (meter: Meter, spec: MetricSpec): Counter => meter.createCounter(spec.instrument, { description: spec.description });
const gauge = (meter: Meter, spec: MetricSpec): Gauge => meter.createGauge(spec.instrument, { description: spec.description });
const histogram = (meter: Meter, spec: MetricSpec): Histogram =>
  meter.createHistogram(spec.instrument, {
    description: spec.description,
    ...(spec.unit ? { unit: spec.unit } : {}),
    advice: { explicitBucketBoundaries: [...DURATION_BUCKETS_SECONDS] },
  });

export interface MessagingInstruments {
  readonly processed: Counter;
  readonly retried: Counter;
  readonly deadLettered: Counter;
  readonly duplicateSkipped: Counter;
  readonly duration: Histogram;
  readonly lag: Gauge;
}

/** The Kafka runtime's instruments (records by outcome, retries, dead letters, duplicates, latency, lag). */
export const messagingInstruments = lazyInstruments(
  (meter): MessagingInstruments => ({
    processed: counter(meter, METRICS.recordsProcessed),
    retried: counter(meter, METRICS.recordsRetried),
    deadLettered: counter(meter, METRICS.recordsDeadLettered),
    duplicateSkipped: counter(meter, METRICS.recordsDuplicateSkipped),
    duration: histogram(meter, METRICS.processingDuration),
    lag: gauge(meter, METRICS.consumerLag),
  }),
);

export interface ErpInstruments {
  /** Record seconds with {operation, outcome: ok|unavailable|rejected|invalid}. */
  readonly callDuration: Histogram;
  /** Add 1 with {operation, code} for every failed call. */
  readonly callErrors: Counter;
}

/** The ERP connector's instruments. */
export const erpInstruments = lazyInstruments(
  (meter): ErpInstruments => ({ callDuration: histogram(meter, METRICS.erpCallDuration), callErrors: counter(meter, METRICS.erpCallErrors) }),
);

export interface HttpInstruments {
  readonly requests: Counter;
  readonly duration: Histogram;
}

/** The HTTP server's instruments (see httpMetricsMiddleware). */
export const httpInstruments = lazyInstruments(
  (meter): HttpInstruments => ({ requests: counter(meter, METRICS.httpRequests), duration: histogram(meter, METRICS.httpRequestDuration) }),
);
