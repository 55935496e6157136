import { context, propagation, SpanKind, SpanStatusCode, trace, type TextMapGetter, type TextMapSetter } from '@opentelemetry/api';
import { startLeanSpan } from '@procurelink/observability';
import type { Headers } from '../headers/headers';
import { sanitizeMessage } from '../headers/sanitize';
import type { InboundRecord } from '../ports/records';

/** W3C trace context (traceparent, tracestate) carried in Kafka headers. */
export const headersGetter: TextMapGetter<Headers> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => carrier[key],
};
export const headersSetter: TextMapSetter<Headers> = {
  set: (carrier, key, value) => {
    carrier[key] = value;
  },
};

const tracer = trace.getTracer('@procurelink/messaging');

/** Adds the active trace context to outgoing headers. */
export function injectTraceContext(headers: Headers): Headers {
  propagation.inject(context.active(), headers, headersSetter);
  return headers;
}

/** The trace id of a record's traceparent header, if any. */
export function traceIdOf(headers: Headers): string | undefined {
  const parts = headers['traceparent']?.split('-');
  return parts && parts.length === 4 && parts[1]?.length === 32 ? parts[1] : undefined;
}

/**
 * Runs `work` in a consumer span that continues the record's trace, with the OpenTelemetry
 * messaging semantic conventions. Without an SDK registered this costs next to nothing.
 */
export async function withProcessSpan<T>(record: InboundRecord, group: string, work: () => Promise<T>): Promise<T> {
  const parent = propagation.extract(context.active(), record.headers, headersGetter);
  const span = startLeanSpan(tracer, `process ${record.topic}`, SpanKind.CONSUMER, parent, () => ({
    'messaging.system': 'kafka',
    'messaging.operation.type': 'process',
    'messaging.destination.name': record.topic,
    'messaging.destination.partition.id': String(record.partition),
    'messaging.kafka.offset': Number(record.offset),
    'messaging.consumer.group.name': group,
  }));
  try {
    return await context.with(trace.setSpan(parent, span), work);
  } catch (error) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: sanitizeMessage(error instanceof Error ? error.message : String(error)) });
    throw error;
  } finally {
    span.end();
  }
}
