import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BatchSpanProcessor,
  ConsoleSpanExporter,
  ParentBasedSampler,
  TraceIdRatioBasedSampler,
  TracerProvider,
  type Sampler,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace';
import { startMetrics, stopMetrics } from './metrics';
import { parseTelemetrySettings, type TelemetryEnv, type TelemetrySettings } from './telemetry-settings';

/**
 * With no exporter nothing a span records leaves the process, so a trace this service would start
 * is not recorded (it still gets ids, for the logs and the dead-letter headers, flagged not sampled);
 * a caller's sampled trace is recorded and passed on sampled, so services downstream that do
 * export see it whole. Recording every span for nobody cost po-sync 0.06 ms of CPU per event (30 %).
 */
const UNEXPORTED: Sampler = new ParentBasedSampler({ root: new AlwaysOffSampler() });

export interface Telemetry {
  readonly settings: TelemetrySettings;
  /** Ends telemetry: flushes the spans still queued (bounded by OTEL_BSP_EXPORT_TIMEOUT), then unregisters tracing and metrics. */
  shutdown(): Promise<void>;
}

export interface StartTelemetryOptions {
  /** The service's own name, used as service.name unless OTEL_SERVICE_NAME says otherwise. */
  readonly service: string;
  /** Where the OTEL_* variables are read (default: the process environment). */
  readonly env?: TelemetryEnv;
}

/**
 * Registers the global context manager (AsyncLocalStorage), the W3C trace-context propagator, the
 * metrics provider behind GET /metrics (./metrics) and a tracer provider exporting over OTLP/HTTP (JSON) when the OTEL_* variables configure an exporter.
 * Call it first, before the Nest application (and any library creating spans) is set up.
 * Throws TelemetryConfigError naming every bad variable.
 */
export function startTelemetry(options: StartTelemetryOptions): Telemetry {
  // eslint-disable-next-line no-restricted-syntax -- the standard OTEL_* variables are the SDK's own configuration
  const settings = parseTelemetrySettings(options.service, options.env ?? process.env);
  const contextManager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(contextManager);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  // The Prometheus side (GET /metrics) is the service's own contract: it runs even with OTEL_SDK_DISABLED.
  startMetrics(options.service);
  if (settings.disabled) {
    return { settings, shutdown: async () => stop() };
  }
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ ...settings.resourceAttributes, 'service.name': settings.serviceName }),
    sampler: settings.exporters.length === 0 ? UNEXPORTED : samplerOf(settings.sampler),
    spanProcessors: settings.exporters.map((exporter): SpanProcessor => {
      const spanExporter = exporter.kind === 'otlp' ? new OTLPTraceExporter({ url: exporter.url }) : new ConsoleSpanExporter();
      return new BatchSpanProcessor({ exporter: spanExporter, ...settings.batch });
    }),
  });
  trace.setGlobalTracerProvider(provider);
  return {
    settings,
    shutdown: async () => {
      try {
        await provider.shutdown();
      } finally {
        await stop();
      }
    },
  };
}

async function stop(): Promise<void> {
  trace.disable();
  propagation.disable();
  context.disable();
  await stopMetrics();
}

function samplerOf({ name, ratio }: TelemetrySettings['sampler']): Sampler {
  switch (name) {
    case 'always_on':
      return new AlwaysOnSampler();
    case 'always_off':
      return new AlwaysOffSampler();
    case 'traceidratio':
      return new TraceIdRatioBasedSampler(ratio);
    case 'parentbased_always_on':
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
    case 'parentbased_always_off':
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case 'parentbased_traceidratio':
      return new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(ratio) });
  }
}
