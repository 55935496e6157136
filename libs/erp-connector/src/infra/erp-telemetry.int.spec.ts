import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { renderMetrics, startMetrics, stopMetrics } from '@procurelink/observability';
import { HttpErpClient } from './http-erp-client';

/** An ERP on 127.0.0.1 that answers with the status the test sets and remembers the request headers. */
let server: Server;
let answer = 201;
const seen: IncomingHttpHeaders[] = [];
let client: HttpErpClient;

const exporter = new InMemorySpanExporter();
const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });

const encumbrance = {
  poNumber: 'PO-1',
  revision: 1,
  lineNumber: 1,
  glAccount: '6100',
  costCentre: 'CC-4100',
  facilityId: 'FAC-NORTH',
  amount: '10.00',
  currency: 'USD',
  direction: 'ENCUMBER' as const,
};

beforeAll(async () => {
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  trace.setGlobalTracerProvider(provider);
  startMetrics('erp-telemetry-test');
  server = createServer((request, response) => {
    seen.push(request.headers);
    request.resume().on('end', () => {
      const body =
        answer === 201
          ? { sequence: 1, documentNumber: 'ENC-1', kind: 'ENCUMBRANCE', businessKey: 'PO-1:1:1', idempotencyKey: request.headers['idempotency-key'], acceptedAt: new Date().toISOString() }
          : { error: 'UNAVAILABLE' };
      response.writeHead(answer, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  client = new HttpErpClient({ baseUrl: `http://127.0.0.1:${(server.address() as { port: number }).port}`, timeoutMs: 2_000 });
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await stopMetrics();
  await provider.shutdown();
  trace.disable();
  propagation.disable();
  context.disable();
});

describe('the ERP client in a trace, and its metrics', () => {
  it('a call inside a span › a CLIENT child span, its traceparent sent to the ERP, counted as ok', async () => {
    const parent = trace.getTracer('test').startSpan('process source.po');
    await context.with(trace.setSpan(context.active(), parent), () => client.postEncumbrance(encumbrance, 'PO-1:1:1'));
    parent.end();
    const span = exporter.getFinishedSpans().find((s) => s.kind === SpanKind.CLIENT);
    expect(span?.name).toBe('POST /erp/v1/encumbrances');
    expect(span?.parentSpanContext?.spanId).toBe(parent.spanContext().spanId);
    expect(span?.attributes).toMatchObject({
      'http.request.method': 'POST',
      'server.address': '127.0.0.1',
      'url.template': '/erp/v1/encumbrances',
      'http.response.status_code': 201,
    });
    expect(seen.at(-1)?.['traceparent']).toBe(`00-${span?.spanContext().traceId}-${span?.spanContext().spanId}-01`);
    expect(await renderMetrics()).toMatch(/procurelink_erp_call_duration_seconds_count\{operation="postEncumbrance",outcome="ok"\} 1/);
  });

  it('a 503 › the span is an error and the call counts as unavailable, with its error code', async () => {
    exporter.reset();
    answer = 503;
    await expect(client.postEncumbrance(encumbrance, 'PO-1:1:1')).rejects.toMatchObject({ code: 'TARGET_UNAVAILABLE' });
    const span = exporter.getFinishedSpans().find((s) => s.kind === SpanKind.CLIENT);
    expect(span?.status.code).toBe(SpanStatusCode.ERROR);
    expect(span?.attributes['error.type']).toBe('503');
    const text = await renderMetrics();
    expect(text).toMatch(/procurelink_erp_call_duration_seconds_count\{operation="postEncumbrance",outcome="unavailable"\} 1/);
    expect(text).toMatch(/procurelink_erp_call_errors_total\{operation="postEncumbrance",code="TARGET_UNAVAILABLE"\} 1/);
  });
});
