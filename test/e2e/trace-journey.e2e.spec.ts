import { randomBytes } from 'node:crypto';
import { eventually } from '../eventually';
import { startErpSandbox, type ErpSandboxHandle } from '../erp-sandbox';
import { SPAN_KIND, startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from '../otlp-receiver';
import { buildAppsIfNeeded, startService, type ServiceProcess } from '../service-process';
import { serviceEnv, stackEndpoints } from '../stack-env';

/**
 * One purchase order's journey is one trace: po-sync's HTTP system API, the Kafka hop to its own
 * consumer, the ERP encumbrance call, the canonical publish and invoice-sync consuming it — all
 * exported over OTLP/HTTP by the services as processes, with the right parent of every span.
 */
const SERVICES = ['po-sync', 'invoice-sync'] as const;
const run = Date.now().toString(36);
const prefix = `e2e-trace-${run}.`;
const n = 300_000 + (Date.now() % 600_000);
const endpoints = stackEndpoints();

let receiver: OtlpReceiver;
let erp: ErpSandboxHandle;
let services: ServiceProcess[] = [];

const poNumber = `PO-T${n}`;
/** A purchasing PO record (apps/po-sync/SOURCE.md) against the demo reference data: 12 boxes of gloves at 8.95. */
const poRecord = {
  action: 'APPROVED',
  poNumber,
  revision: 1,
  occurredAt: new Date().toISOString(),
  correlationId: poNumber,
  supplierId: 'V-10001',
  orderDate: '2026-11-24',
  currency: 'USD',
  totalAmount: '107.40',
  shipTo: { facilityId: 'FAC-NORTH' },
  lines: [
    {
      lineNumber: 1,
      item: {
        itemId: 'ITM-GLOVE-NITRILE-M',
        description: 'Nitrile exam gloves, medium, box of 100',
        gtin: '00812345678905',
        manufacturerName: 'Northwind Medical',
        manufacturerPartNumber: 'NW-GLV-100M',
        unitOfMeasure: 'BX',
      },
      quantity: '12',
      unitPrice: '8.95',
      lineAmount: '107.40',
      facilityId: 'FAC-NORTH',
      departmentId: 'DEP-NORTH-ICU',
      costCentre: 'CC-4100',
      glAccount: '6100',
    },
  ],
};

beforeAll(async () => {
  buildAppsIfNeeded([...SERVICES]);
  receiver = await startOtlpReceiver();
  erp = await startErpSandbox();
  const env = {
    ...serviceEnv(prefix, erp.baseUrl, endpoints),
    ERP_TIMEOUT_MS: '3000',
    LOG_LEVEL: 'info',
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
    OTEL_BSP_SCHEDULE_DELAY: '200',
  };
  services = SERVICES.map((name) => startService(name, env));
  await Promise.all(services.map((service) => service.port(60_000)));
}, 240_000);

afterAll(async () => {
  const codes = await Promise.all(services.map((service) => service.stop()));
  await erp?.stop();
  await receiver?.close();
  expect(codes).toEqual(SERVICES.map(() => 0));
}, 60_000);

const serviceOutput = () => services.map((s) => `--- ${s.name}\n${s.output().slice(-2000)}`).join('\n');

function find(spans: readonly ReceivedSpan[], what: string, match: (span: ReceivedSpan) => boolean): ReceivedSpan {
  const found = spans.filter(match);
  if (found.length === 0) {
    const seen = spans.map((s) => `${s.service} ${s.kind} ${s.name} ${s.spanId}<-${s.parentSpanId}`).join('\n');
    throw new Error(`no ${what} in the trace; spans:\n${seen}`);
  }
  return found[0] as ReceivedSpan;
}

describe('tracing across services', () => {
  it('a PO submitted over HTTP › one trace from the request to invoice-sync consuming the canonical event', async () => {
    const callerTraceId = randomBytes(16).toString('hex');
    const callerSpanId = randomBytes(8).toString('hex');
    const port = await services[0]?.port();
    const response = await fetch(`http://127.0.0.1:${port}/v1/purchase-orders`, {
      method: 'POST',
      // The source system's own trace: the journey continues it.
      headers: { 'content-type': 'application/json', 'x-api-key': 'procurelink-dev-key', traceparent: `00-${callerTraceId}-${callerSpanId}-01` },
      body: JSON.stringify(poRecord),
    });
    expect(response.status).toBe(202);

    const sourceTopic = `${prefix}source.purchasing.purchase-order.v1`;
    const canonicalTopic = `${prefix}p2p.purchase-order.v1`;
    const submitted = await eventually(
      'the HTTP server span of the submission',
      async () => receiver.spans().find((s) => s.service === 'po-sync' && s.kind === SPAN_KIND.server && s.name === 'POST /v1/purchase-orders'),
      (span) => span !== undefined,
      { timeoutMs: 30_000, intervalMs: 250, context: serviceOutput },
    );
    const server = submitted as ReceivedSpan;
    const traceId = server.traceId;
    const inTrace = () => receiver.spans().filter((s) => s.traceId === traceId);
    // The trace is complete once invoice-sync's consumer span of the canonical topic has arrived.
    const spans = await eventually(
      `invoice-sync's consumer span in trace ${traceId}`,
      async () => inTrace(),
      (list) => list.some((s) => s.service === 'invoice-sync' && s.kind === SPAN_KIND.consumer && s.attributes['messaging.destination.name'] === canonicalTopic),
      { timeoutMs: 60_000, intervalMs: 500, context: () => `${inTrace().map((s) => `${s.service} ${s.name}`).join('\n')}\n${serviceOutput()}` },
    );

    expect(traceId).toBe(callerTraceId);
    expect(server.parentSpanId).toBe(callerSpanId);
    expect(server.attributes).toMatchObject({ 'http.request.method': 'POST', 'http.route': '/v1/purchase-orders', 'http.response.status_code': 202 });
    const produced = find(spans, 'producer span of the source record', (s) => s.service === 'po-sync' && s.kind === SPAN_KIND.producer && s.attributes['messaging.destination.name'] === sourceTopic);
    expect(produced.parentSpanId).toBe(server.spanId);
    expect(produced.attributes).toMatchObject({ 'messaging.system': 'kafka', 'messaging.operation.type': 'send' });

    const consumed = find(spans, "po-sync's consumer span", (s) => s.service === 'po-sync' && s.kind === SPAN_KIND.consumer && s.attributes['messaging.destination.name'] === sourceTopic);
    expect(consumed.parentSpanId).toBe(produced.spanId);
    expect(consumed.attributes).toMatchObject({ 'messaging.system': 'kafka', 'messaging.operation.type': 'process' });

    const erpCall = find(spans, 'the ERP client span', (s) => s.service === 'po-sync' && s.kind === SPAN_KIND.client && s.name === 'POST /erp/v1/encumbrances');
    expect(erpCall.parentSpanId).toBe(consumed.spanId);
    expect(erpCall.attributes).toMatchObject({ 'http.request.method': 'POST', 'http.response.status_code': 201 });

    const published = find(spans, 'the canonical publish', (s) => s.service === 'po-sync' && s.kind === SPAN_KIND.producer && s.attributes['messaging.destination.name'] === canonicalTopic);
    expect(published.parentSpanId).toBe(consumed.spanId);

    const downstream = spans.filter((s) => s.service === 'invoice-sync' && s.kind === SPAN_KIND.consumer && s.attributes['messaging.destination.name'] === canonicalTopic);
    const publishes = new Set(spans.filter((s) => s.kind === SPAN_KIND.producer && s.attributes['messaging.destination.name'] === canonicalTopic).map((s) => s.spanId));
    expect(downstream.length).toBeGreaterThan(0);
    for (const span of downstream) expect(publishes.has(span.parentSpanId)).toBe(true);

    // Every span of the trace hangs from the HTTP request (whose parent is the caller's): one tree.
    const ids = new Set(spans.map((s) => s.spanId));
    expect(spans.filter((s) => !ids.has(s.parentSpanId)).map((s) => s.spanId)).toEqual([server.spanId]);

    // And the services log as JSON lines in the shared shape.
    expect(services[0]?.output()).toMatch(/\{"time":"[^"]+","level":"info","service":"po-sync","logger":"po-sync","message":"listening on http:/);
  });
});
