import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Context, type Span } from '@opentelemetry/api';
import { startLeanSpan } from '@procurelink/observability';
import { HEADERS } from '../headers/header-names';
import type { Headers } from '../headers/headers';
import { sanitizeMessage } from '../headers/sanitize';
import type { OutboundRecord } from '../ports/records';
import { headersGetter, headersSetter } from './kafka-propagation';


const tracer = trace.getTracer('@procurelink/messaging');

/** Records about to be sent, each carrying the traceparent of its own PRODUCER span. */
export interface TracedSend {
  readonly records: OutboundRecord[];
  /** Ends every span: on acknowledgement, or with the error the send failed with. */
  end(error?: unknown): void;
}

/**
 * One PRODUCER span per record (`send <topic>`, messaging semantic conventions), the child of the
 * active span (an HTTP request, a consumer's process span); with no active span, of the trace the
 * record's own headers carry (a record routed to a retry or dead-letter topic keeps its trace).
 * The record's headers get the W3C traceparent of its producer span, so the consumer continues
 * from it. Without an SDK registered the spans are no-ops and the headers keep the context they had.
 */
export function startProducerSpans(records: readonly OutboundRecord[]): TracedSend {
  const active = context.active();
  const fromActive = trace.getSpan(active) !== undefined;
  const spans: Span[] = [];
  const traced = records.map((record) => {
    const headers: Headers = { ...(record.headers ?? {}) };
    const parent: Context = fromActive ? active : propagation.extract(ROOT_CONTEXT, headers, headersGetter);
    const span = startLeanSpan(tracer, `send ${record.topic}`, SpanKind.PRODUCER, parent, () => ({
      'messaging.system': 'kafka',
      'messaging.operation.type': 'send',
      'messaging.operation.name': 'send',
      'messaging.destination.name': record.topic,
      ...(typeof record.key === 'string' ? { 'messaging.kafka.message.key': record.key } : {}),
      ...(headers[HEADERS.eventId] ? { 'messaging.message.id': headers[HEADERS.eventId] } : {}),
      ...(record.value !== null ? { 'messaging.message.body.size': Buffer.byteLength(record.value) } : {}),
    }));
    spans.push(span);
    const carrier: Headers = {};
    propagation.inject(trace.setSpan(parent, span), carrier, headersSetter);
    if (carrier['traceparent']) {
      delete headers['tracestate'];
      Object.assign(headers, carrier);
    } // else no propagator is registered: the record keeps the trace context it came with
    return { ...record, headers };
  });
  return {
    records: traced,
    end: (error?: unknown) => {
      for (const span of spans) {
        if (error !== undefined) {
          const message = sanitizeMessage(error instanceof Error ? error.message : String(error));
          span.setStatus({ code: SpanStatusCode.ERROR, message });
          span.setAttribute('error.type', error instanceof Error ? error.name : 'Error');
        }
        span.end();
      }
    },
  };
}
