import { context, propagation, trace, TraceFlags } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { injectTraceContext, traceIdOf, withProcessSpan } from './kafka-propagation';

describe('W3C trace context in Kafka headers', () => {
  // What each app's OpenTelemetry SDK sets up; the library itself depends on @opentelemetry/api only.
  beforeAll(() => {
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  });
  afterAll(() => {
    propagation.disable();
    context.disable();
  });

  const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
  const spanId = '00f067aa0ba902b7';
  const traceparent = `00-${traceId}-${spanId}-01`;

  it('when a record is published inside a trace › its headers carry that trace as traceparent', () => {
    const active = trace.setSpanContext(context.active(), { traceId, spanId, traceFlags: TraceFlags.SAMPLED });
    const headers = context.with(active, () => injectTraceContext({ 'procurelink.event-id': 'e1' }));
    expect(headers).toEqual({ 'procurelink.event-id': 'e1', traceparent });
  });

  it('when a record with a traceparent is processed › the handler runs inside that trace', async () => {
    const record = { topic: 't', partition: 0, offset: '1', timestamp: '0', key: null, value: null, headers: { traceparent } };
    const seen = await withProcessSpan(record, 'group', async () => trace.getSpanContext(context.active())?.traceId);
    expect(seen).toBe(traceId);
  });

  it('reads the trace id from a traceparent header, and nothing from a malformed one', () => {
    expect(traceIdOf({ traceparent })).toBe(traceId);
    expect(traceIdOf({ traceparent: 'garbage' })).toBeUndefined();
    expect(traceIdOf({})).toBeUndefined();
  });
});
