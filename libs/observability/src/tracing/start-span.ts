import type { Attributes, Context, Span, SpanKind, Tracer } from '@opentelemetry/api';

/**
 * Starts a span whose attributes are built and set only when it records. With no exporter
 * configured (see telemetry.ts) most spans do not record, and building and sanitising their
 * attributes was most of what they cost. No sampler of ours reads attributes at the start.
 */
export function startLeanSpan(tracer: Tracer, name: string, kind: SpanKind, parent: Context, attributes: () => Attributes): Span {
  const span = tracer.startSpan(name, { kind }, parent);
  if (span.isRecording()) span.setAttributes(attributes());
  return span;
}
