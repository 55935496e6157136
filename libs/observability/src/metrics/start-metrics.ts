import { diag, metrics } from '@opentelemetry/api';
import { PrometheusExporter, PrometheusSerializer } from '@opentelemetry/exporter-prometheus';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { MeterProvider } from '@opentelemetry/sdk-metrics';

export interface MetricsRuntime {
  readonly service: string;
  readonly provider: MeterProvider;
  readonly exporter: PrometheusExporter;
}

let running: MetricsRuntime | undefined;
const serializer = new PrometheusSerializer(undefined, false, undefined, false, true);

/**
 * Registers the global MeterProvider, read by a Prometheus exporter that serves no port of its
 * own (the service's HTTP port serves GET /metrics). Idempotent: a second call returns the first
 * runtime, whatever service it names. Call it before anything creates instruments; the
 * instruments of this library are created lazily and follow the provider registered last.
 */
export function startMetrics(service: string): MetricsRuntime {
  if (running) return running;
  const exporter = new PrometheusExporter({ preventServerStart: true, withoutScopeInfo: true });
  const provider = new MeterProvider({ resource: resourceFromAttributes({ 'service.name': service }), readers: [exporter] });
  if (!metrics.setGlobalMeterProvider(provider)) {
    diag.warn(`startMetrics(${service}): a global MeterProvider was already registered; /metrics shows only this provider's instruments`);
  }
  running = { service, provider, exporter };
  return running;
}

/** The running metrics runtime, if startMetrics has been called. */
export function metricsRuntime(): MetricsRuntime | undefined {
  return running;
}

/** Shuts the provider down and unregisters it (tests, and the end of a process). */
export async function stopMetrics(): Promise<void> {
  const current = running;
  running = undefined;
  if (!current) return;
  metrics.disable();
  await current.provider.shutdown().catch(() => undefined);
}

/** The Prometheus text exposition of every instrument; starts metrics for `service` when not started yet. */
export async function renderMetrics(service = 'procurelink'): Promise<string> {
  const { exporter } = startMetrics(service);
  const { resourceMetrics, errors } = await exporter.collect();
  if (errors.length > 0) diag.error('metrics collection errors', ...errors);
  return serializer.serialize(resourceMetrics);
}

export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';
