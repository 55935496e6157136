import { context, ROOT_CONTEXT, SpanKind, trace } from '@opentelemetry/api';
import { AlwaysOffSampler, AlwaysOnSampler, InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { startLeanSpan } from './start-span';

describe('startLeanSpan', () => {
  it('when the span records › it carries the attributes, built once', async () => {
    const exporter = new InMemorySpanExporter();
    const provider = new TracerProvider({ sampler: new AlwaysOnSampler(), spanProcessors: [new SimpleSpanProcessor({ exporter })] });
    const tracer = provider.getTracer('t');
    const build = jest.fn(() => ({ 'messaging.system': 'kafka' }));
    startLeanSpan(tracer, 'send x', SpanKind.PRODUCER, ROOT_CONTEXT, build).end();
    await provider.forceFlush();
    expect(build).toHaveBeenCalledTimes(1);
    expect(exporter.getFinishedSpans().map((span) => [span.name, span.kind, span.attributes])).toEqual([['send x', SpanKind.PRODUCER, { 'messaging.system': 'kafka' }]]);
  });

  it('when the span does not record › the attributes are never built, and the span still has ids', () => {
    const tracer = new TracerProvider({ sampler: new AlwaysOffSampler() }).getTracer('t');
    const build = jest.fn(() => ({ 'messaging.system': 'kafka' }));
    const span = startLeanSpan(tracer, 'send x', SpanKind.PRODUCER, context.active(), build);
    expect(span.isRecording()).toBe(false);
    expect(trace.isSpanContextValid(span.spanContext())).toBe(true);
    expect(build).not.toHaveBeenCalled();
  });
});
