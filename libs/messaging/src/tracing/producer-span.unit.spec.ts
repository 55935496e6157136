import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { useInMemoryTracing } from './in-memory-tracing.fixture.spec';
import { withProcessSpan } from './kafka-propagation';
import { startProducerSpans } from './producer-span';

describe('PRODUCER spans and the Kafka hop', () => {
  const exporter = useInMemoryTracing();
  afterEach(() => exporter.reset());

  const finished = (name: string) => exporter.getFinishedSpans().filter((s) => s.name === name);
  const spanIdOf = (traceparent: string | undefined) => traceparent?.split('-')[2];

  it('when a record is sent inside a span › a PRODUCER child span whose traceparent the record carries', () => {
    const parent = trace.getTracer('test').startSpan('POST /v1/purchase-orders');
    const sent = context.with(trace.setSpan(context.active(), parent), () =>
      startProducerSpans([{ topic: 'source.po', key: 'PO-1', value: '{"a":1}', headers: { 'procurelink.event-id': 'e1' } }]),
    );
    expect(finished('send source.po')).toHaveLength(0); // ended only when the broker acknowledges
    sent.end();
    parent.end();
    const [span] = finished('send source.po');
    expect(span?.kind).toBe(SpanKind.PRODUCER);
    expect(span?.parentSpanContext?.spanId).toBe(parent.spanContext().spanId);
    expect(span?.spanContext().traceId).toBe(parent.spanContext().traceId);
    expect(span?.attributes).toMatchObject({
      'messaging.system': 'kafka',
      'messaging.operation.type': 'send',
      'messaging.destination.name': 'source.po',
      'messaging.kafka.message.key': 'PO-1',
      'messaging.message.id': 'e1',
    });
    const headers = sent.records[0]?.headers ?? {};
    expect(headers['procurelink.event-id']).toBe('e1');
    expect(spanIdOf(headers['traceparent'])).toBe(span?.spanContext().spanId);
  });

  it('when no span is active › continues the trace the record already carries (a retry or dead letter)', () => {
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const sent = startProducerSpans([{ topic: 'svc.retry-1', key: null, value: null, headers: { traceparent } }]);
    sent.end();
    const [span] = finished('send svc.retry-1');
    expect(span?.spanContext().traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(span?.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
    expect(spanIdOf(sent.records[0]?.headers?.['traceparent'])).toBe(span?.spanContext().spanId);
  });

  it('when the send fails › the span says so, the message masked', () => {
    startProducerSpans([{ topic: 't', key: null, value: 'x' }]).end(new Error('broker refused account 000123456789'));
    const [span] = finished('send t');
    expect(span?.status).toEqual({ code: SpanStatusCode.ERROR, message: 'broker refused account ****6789' });
  });

  it('the consumer continues from the producer span, and what its handler publishes is a child of its process span', async () => {
    const root = trace.getTracer('test').startSpan('root');
    const first = context.with(trace.setSpan(context.active(), root), () => startProducerSpans([{ topic: 'in', key: 'k', value: 'v' }]));
    first.end();
    const record = { topic: 'in', partition: 0, offset: '7', timestamp: '0', key: Buffer.from('k'), value: Buffer.from('v'), headers: first.records[0]?.headers ?? {} };
    const onward = await withProcessSpan(record, 'group', async () => startProducerSpans([{ topic: 'out', key: 'k', value: 'w' }]));
    onward.end();
    root.end();
    const [produced] = finished('send in');
    const [processed] = finished('process in');
    const [published] = finished('send out');
    expect(processed?.kind).toBe(SpanKind.CONSUMER);
    expect(processed?.parentSpanContext?.spanId).toBe(produced?.spanContext().spanId);
    expect(published?.parentSpanContext?.spanId).toBe(processed?.spanContext().spanId);
    expect(new Set([produced, processed, published].map((s) => s?.spanContext().traceId))).toEqual(new Set([root.spanContext().traceId]));
  });
});

describe('PRODUCER spans without an SDK', () => {
  it('leave the trace context a record already carries untouched', () => {
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const sent = startProducerSpans([{ topic: 'svc.dlt', key: null, value: null, headers: { traceparent, tracestate: 'a=1' } }]);
    sent.end();
    expect(sent.records[0]?.headers).toEqual({ traceparent, tracestate: 'a=1' });
  });
});
