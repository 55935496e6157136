import { context, propagation, trace } from '@opentelemetry/api';
import { metricsRuntime } from './metrics';
import { startTelemetry } from './telemetry';
import { TelemetryConfigError } from './telemetry-settings';

describe('startTelemetry', () => {
  it('with no exporter configured › spans still get ids (for logs and headers), and shutdown unregisters everything', async () => {
    const telemetry = startTelemetry({ service: 'po-sync', env: { OTEL_TRACES_EXPORTER: 'none' } });
    expect(metricsRuntime()?.service).toBe('po-sync');
    const span = trace.getTracer('t').startSpan('work');
    expect(span.isRecording()).toBe(true);
    const headers: Record<string, string> = {};
    context.with(trace.setSpan(context.active(), span), () => propagation.inject(context.active(), headers));
    expect(headers['traceparent']).toBe(`00-${span.spanContext().traceId}-${span.spanContext().spanId}-01`);
    span.end();
    await telemetry.shutdown();
    expect(metricsRuntime()).toBeUndefined();
    expect(trace.getTracer('t').startSpan('after').isRecording()).toBe(false);
  });

  it('with OTEL_SDK_DISABLED=true › records nothing', async () => {
    const telemetry = startTelemetry({ service: 'po-sync', env: { OTEL_SDK_DISABLED: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:1' } });
    expect(telemetry.settings.disabled).toBe(true);
    expect(trace.getTracer('t').startSpan('work').isRecording()).toBe(false);
    await telemetry.shutdown();
  });

  it('with a bad variable › throws TelemetryConfigError before registering anything', () => {
    expect(() => startTelemetry({ service: 'po-sync', env: { OTEL_TRACES_SAMPLER: 'sometimes' } })).toThrow(TelemetryConfigError);
    expect(metricsRuntime()).toBeUndefined();
  });
});
