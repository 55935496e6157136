import { context, propagation, trace } from '@opentelemetry/api';
import { metricsRuntime } from './metrics';
import { startTelemetry } from './telemetry';
import { TelemetryConfigError } from './telemetry-settings';

describe('startTelemetry', () => {
  it('with no exporter configured › a new trace gets ids (for logs and headers) but is not recorded; a sampled caller\'s trace is, and shutdown unregisters everything', async () => {
    const telemetry = startTelemetry({ service: 'po-sync', env: { OTEL_TRACES_EXPORTER: 'none' } });
    expect(metricsRuntime()?.service).toBe('po-sync');
    const root = trace.getTracer('t').startSpan('work');
    expect(root.isRecording()).toBe(false);
    expect(root.spanContext().traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(root.spanContext().traceId).not.toBe('0'.repeat(32));
    const headers: Record<string, string> = {};
    context.with(trace.setSpan(context.active(), root), () => propagation.inject(context.active(), headers));
    expect(headers['traceparent']).toBe(`00-${root.spanContext().traceId}-${root.spanContext().spanId}-00`);

    const caller = propagation.extract(context.active(), { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' });
    const child = trace.getTracer('t').startSpan('work', {}, caller);
    expect(child.isRecording()).toBe(true);
    expect(child.spanContext()).toMatchObject({ traceId: '4bf92f3577b34da6a3ce929d0e0e4736', traceFlags: 1 });
    child.end();
    root.end();
    await telemetry.shutdown();
    expect(metricsRuntime()).toBeUndefined();
    expect(trace.getTracer('t').startSpan('after').isRecording()).toBe(false);
  });

  it('with an exporter configured › every new trace is recorded (the default sampler, parent-based always on)', async () => {
    const telemetry = startTelemetry({ service: 'po-sync', env: { OTEL_TRACES_EXPORTER: 'console' } });
    const span = trace.getTracer('t').startSpan('work');
    expect(span.isRecording()).toBe(true);
    expect(span.spanContext().traceFlags).toBe(1);
    await telemetry.shutdown();
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
