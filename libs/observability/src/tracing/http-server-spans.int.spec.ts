import 'reflect-metadata';
import { Controller, Get, Module, Param, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { httpServerSpans } from './http-server-spans';

@Controller()
class ThingsController {
  /** Answers with the span the controller runs in, after an await (the context must survive it). */
  @Get('things/:id')
  async thing(@Param('id') id: string): Promise<{ id: string; traceId?: string; spanId?: string }> {
    await new Promise((resolve) => setTimeout(resolve, 5));
    const span = trace.getSpanContext(context.active());
    return { id, ...(span ? { traceId: span.traceId, spanId: span.spanId } : {}) };
  }

  @Get('boom')
  boom(): never {
    throw new Error('boom');
  }

  @Get('health/live')
  live(): { status: string } {
    return { status: 'ok' };
  }
}

@Module({ controllers: [ThingsController] })
class ThingsModule {}

const exporter = new InMemorySpanExporter();
const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });
let app: INestApplication;
let base: string;

beforeAll(async () => {
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  trace.setGlobalTracerProvider(provider);
  app = await NestFactory.create(ThingsModule, { logger: false });
  app.use(httpServerSpans());
  await app.listen(0, '127.0.0.1');
  base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
});
afterAll(async () => {
  await app.close();
  await provider.shutdown();
  trace.disable();
  propagation.disable();
  context.disable();
});
afterEach(() => exporter.reset());

/** The span ends on the response's finish, a moment after the client has the answer. */
async function serverSpans(count: number) {
  for (let i = 0; i < 50 && exporter.getFinishedSpans().length < count; i += 1) await new Promise((r) => setTimeout(r, 10));
  return exporter.getFinishedSpans().filter((s) => s.kind === SpanKind.SERVER);
}

describe('a SERVER span per HTTP request', () => {
  it('continues the incoming traceparent, is named METHOD route, and is active in the controller', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const response = await fetch(`${base}/things/42?x=1`, { headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` } });
    const body = (await response.json()) as { traceId?: string; spanId?: string };
    const [span] = await serverSpans(1);
    expect(span?.name).toBe('GET /things/:id');
    expect(span?.spanContext().traceId).toBe(traceId);
    expect(span?.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
    expect(span?.attributes).toMatchObject({ 'http.request.method': 'GET', 'http.route': '/things/:id', 'url.path': '/things/42', 'http.response.status_code': 200 });
    expect(body).toMatchObject({ traceId, spanId: span?.spanContext().spanId });
  });

  it('without a traceparent › starts a new trace', async () => {
    await fetch(`${base}/things/7`);
    const [span] = await serverSpans(1);
    expect(span?.parentSpanContext).toBeUndefined();
    expect(span?.spanContext().traceId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('a 500 › the span is an error; an unmatched path › named by its method only', async () => {
    await fetch(`${base}/boom`);
    await fetch(`${base}/nowhere`);
    const spans = await serverSpans(2);
    const failed = spans.find((s) => s.name === 'GET /boom');
    expect(failed?.status.code).toBe(SpanStatusCode.ERROR);
    expect(failed?.attributes['http.response.status_code']).toBe(500);
    const unmatched = spans.find((s) => s.attributes['url.path'] === '/nowhere');
    expect(unmatched?.name).toBe('GET');
    expect(unmatched?.attributes['http.response.status_code']).toBe(404);
  });

  it('probes are not traced', async () => {
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 50));
    expect(exporter.getFinishedSpans()).toEqual([]);
  });
});
