import { metrics, type BatchObservableCallback, type ObservableGauge } from '@opentelemetry/api';
import { METRICS } from './metric-catalogue';

export interface BusinessPicture {
  readonly delayedInvoices: ReadonlyArray<{ facility: string; count: number }>;
  readonly unmatchedReceipts: ReadonlyArray<{ facility: string; count: number }>;
  readonly blockedPayments: ReadonlyArray<{ facility: string; count: number }>;
  readonly deadLettersOpen: ReadonlyArray<{ service: string; code: string; count: number }>;
}

/**
 * Registers the business gauges as observable gauges on the global MeterProvider (call after
 * startMetrics): at every scrape `read` is awaited and its picture observed. A `read` that fails
 * observes nothing for that scrape. Returns a function that unregisters them.
 */
export function observeBusinessGauges(read: () => Promise<BusinessPicture | undefined>): () => void {
  const meter = metrics.getMeter('@procurelink/observability');
  const gauge = (spec: { instrument: string; description: string }): ObservableGauge =>
    meter.createObservableGauge(spec.instrument, { description: spec.description });
  const delayed = gauge(METRICS.delayedInvoices);
  const unmatched = gauge(METRICS.unmatchedReceipts);
  const blocked = gauge(METRICS.blockedPayments);
  const deadLetters = gauge(METRICS.deadLettersOpen);
  const callback: BatchObservableCallback = async (result) => {
    const picture = await read().catch(() => undefined);
    if (!picture) return;
    for (const { facility, count } of picture.delayedInvoices) result.observe(delayed, count, { facility });
    for (const { facility, count } of picture.unmatchedReceipts) result.observe(unmatched, count, { facility });
    for (const { facility, count } of picture.blockedPayments) result.observe(blocked, count, { facility });
    for (const { service, code, count } of picture.deadLettersOpen) result.observe(deadLetters, count, { service, code });
  };
  const observables = [delayed, unmatched, blocked, deadLetters];
  meter.addBatchObservableCallback(callback, observables);
  return () => meter.removeBatchObservableCallback(callback, observables);
}
