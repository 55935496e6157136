import { Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createKafka, createProducer, ensureTopics, PRODUCER_PORT, readTopicToEnd, type InboundRecord } from '@procurelink/messaging';
import { HealthModule } from '@procurelink/service-host';
import { stackEndpoints } from '@procurelink/test-support';
import { Redis } from 'ioredis';
import type { Kafka, Producer } from 'kafkajs';
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { configureSystemApi, parseSystemApiConfig, SUBMISSION_RESPONSES, SystemApiModule } from './index';
import { TEST_TOPIC, TestInvoicesController } from './spec/test-documents.controller.spec';

const run = randomUUID().slice(0, 8);
const topic = `test.system-api.${run}`;
const keyPrefix = `test:system-api:${run}:`;
const WRITER_KEY = `writer-key-${run}`;
const READER_KEY = `reader-key-${run}`;
const JWT_SECRET = `jwt-secret-${run}-padding-to-32-bytes-and-more`;
const LIMIT = 4096;
const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

function jwt(claims: Record<string, unknown>): string {
  const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const body = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}`;
  return `${body}.${createHmac('sha256', JWT_SECRET).update(body).digest('base64url')}`;
}

let app: INestApplication;
let base: string;
let kafka: Kafka;
let producer: Producer;
let redis: Redis;

beforeAll(async () => {
  const stack = stackEndpoints();
  kafka = createKafka({ clientId: `system-api-${run}`, brokers: stack.kafkaBrokers, logLevel: 'nothing' });
  const admin = kafka.admin();
  await admin.connect();
  await ensureTopics(admin, [topic], 1);
  await admin.disconnect();
  const created = await createProducer(kafka);
  producer = created.producer;
  redis = new Redis(stack.redisUrl);
  const { auth, bodyLimitBytes } = parseSystemApiConfig({
    API_KEYS: `writer:${sha(WRITER_KEY)}:invoices:submit|invoices:read,reader:${sha(READER_KEY)}:payments:read`,
    API_JWT_SECRET: JWT_SECRET,
    API_BODY_LIMIT_BYTES: String(LIMIT),
  });

  @Module({
    imports: [
      HealthModule.forService('system-api-test'),
      SystemApiModule.forRoot({
        service: 'system-api-test',
        auth,
        redisUrl: stack.redisUrl,
        keyPrefix,
        idempotencyTtlSeconds: 600,
        openApi: {
          title: 'Test invoices',
          version: '1.0.0',
          routes: [
            { method: 'post', path: '/v1/test-invoices', summary: 'Submit an invoice', scopes: ['invoices:submit'], requestSchema: { type: 'object' }, responses: SUBMISSION_RESPONSES },
            { method: 'get', path: '/v1/test-invoices/:invoiceNumber/status', summary: 'Invoice status', scopes: ['invoices:read'], responses: { '200': { description: 'status' } } },
          ],
        },
      }),
    ],
    controllers: [TestInvoicesController],
    providers: [
      { provide: PRODUCER_PORT, useValue: created.port },
      { provide: TEST_TOPIC, useValue: topic },
    ],
  })
  class TestAppModule {}

  app = await NestFactory.create(TestAppModule, { bodyParser: false, logger: false });
  configureSystemApi(app, { bodyLimitBytes });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  base = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  await app?.close();
  await producer?.disconnect();
  if (redis) {
    const keys = await redis.keys(`${keyPrefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  }
  const admin = kafka.admin();
  await admin.connect();
  await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  await admin.disconnect();
});

const invoice = (invoiceNumber: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  invoiceNumber,
  supplierId: 'S-1',
  lines: [{ quantity: '2', unitPrice: '10.50' }],
  ...extra,
});

function post(body: unknown, headers: Record<string, string> = {}, credential: Record<string, string> = { 'X-API-Key': WRITER_KEY }): Promise<Response> {
  return fetch(`${base}/v1/test-invoices`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...credential, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function recordsFor(key: string): Promise<InboundRecord[]> {
  return (await readTopicToEnd(kafka, topic)).filter((r) => r.key?.toString() === key);
}

const header = (record: InboundRecord, name: string): string | undefined => {
  const value = (record.headers as Record<string, unknown>)[name];
  return value === undefined ? undefined : String(value);
};

describe('the system API building blocks', () => {
  it('a valid submission › 202 with a tracking id, and the JSON on the topic with event-id and submitted-by headers', async () => {
    const response = await post(invoice('INV-1'));
    expect(response.status).toBe(202);
    const receipt = (await response.json()) as { trackingId: string; links: { status: string } };
    expect(receipt).toMatchObject({ documentType: 'invoices', businessId: 'INV-1', status: 'ACCEPTED', links: { status: `/v1/submissions/${receipt.trackingId}` } });
    expect(receipt.trackingId).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('location')).toBe(receipt.links.status);
    expect(response.headers.get('idempotent-replayed')).toBeNull();
    const records = await recordsFor('INV-1');
    expect(records).toHaveLength(1);
    expect(JSON.parse(records[0]!.value!.toString())).toEqual(invoice('INV-1'));
    expect(header(records[0]!, 'procurelink.event-id')).toBe(receipt.trackingId);
    expect(header(records[0]!, 'procurelink.submitted-by')).toBe('writer');
  });

  it('the same Idempotency-Key and body › the original receipt again (Idempotent-Replayed), one record; another body › 409', async () => {
    const key = `idem-${run}-1`;
    const first = await post(invoice('INV-2'), { 'Idempotency-Key': key });
    expect(first.status).toBe(202);
    const receipt = await first.json();
    // Same document, keys in another order: the same canonical body.
    const reordered = { lines: [{ unitPrice: '10.50', quantity: '2' }], supplierId: 'S-1', invoiceNumber: 'INV-2' };
    const again = await post(reordered, { 'Idempotency-Key': key });
    expect(again.status).toBe(202);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(receipt);
    const conflicting = await post(invoice('INV-2', { supplierId: 'S-2' }), { 'Idempotency-Key': key });
    expect(conflicting.status).toBe(409);
    expect(conflicting.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await conflicting.json()).toMatchObject({ status: 409, type: 'urn:procurelink:problem:idempotency-key-reused' });
    expect(await recordsFor('INV-2')).toHaveLength(1);
    // Only a hash of the body is kept under the key.
    const stored = await redis.keys(`${keyPrefix}idempotency:*`);
    const values = await Promise.all(stored.map((k) => redis.get(k)));
    expect(values.join('\n')).not.toContain('S-1');
  });

  it('two concurrent identical requests with one key › one record, the same receipt', async () => {
    const key = `idem-${run}-concurrent`;
    const [a, b] = await Promise.all([post(invoice('INV-3'), { 'Idempotency-Key': key }), post(invoice('INV-3'), { 'Idempotency-Key': key })]);
    expect([a.status, b.status]).toEqual([202, 202]);
    const [ra, rb] = (await Promise.all([a.json(), b.json()])) as Array<{ trackingId: string }>;
    expect(ra!.trackingId).toBe(rb!.trackingId);
    expect([a.headers.get('idempotent-replayed'), b.headers.get('idempotent-replayed')].filter((h) => h === 'true')).toHaveLength(1);
    expect(await recordsFor('INV-3')).toHaveLength(1);
  });

  it('without a key › each call is a new submission', async () => {
    const [a, b] = await Promise.all([post(invoice('INV-4')), post(invoice('INV-4'))]);
    const [ra, rb] = (await Promise.all([a.json(), b.json()])) as Array<{ trackingId: string }>;
    expect(ra!.trackingId).not.toBe(rb!.trackingId);
  });

  it('no credentials › 401 problem with WWW-Authenticate', async () => {
    const response = await post(invoice('INV-X'), {}, {});
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="procurelink"');
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toMatchObject({ status: 401, type: 'urn:procurelink:problem:unauthorized' });
  });

  it('an unknown API key › 401, and the key is not echoed', async () => {
    const response = await post(invoice('INV-X'), {}, { Authorization: 'Bearer not-a-known-key-SECRET' });
    expect(response.status).toBe(401);
    expect(await response.text()).not.toContain('SECRET');
  });

  it('a key without the scope › 403 naming the missing scope', async () => {
    const response = await post(invoice('INV-X'), {}, { 'X-API-Key': READER_KEY });
    expect(response.status).toBe(403);
    expect(response.headers.get('www-authenticate')).toContain('error="insufficient_scope"');
    expect(await response.json()).toMatchObject({ status: 403, missingScopes: ['invoices:submit'], detail: 'client reader lacks the scope invoices:submit' });
  });

  it('JWT bearer tokens › a valid one is accepted with its scopes; an expired one is 401', async () => {
    const now = Math.floor(Date.now() / 1000);
    const valid = await post(invoice('INV-5'), {}, { Authorization: `Bearer ${jwt({ sub: 'ap-automation', exp: now + 300, scope: 'invoices:submit' })}` });
    expect(valid.status).toBe(202);
    const expired = await post(invoice('INV-5'), {}, { Authorization: `Bearer ${jwt({ sub: 'ap-automation', exp: now - 600, scope: 'invoices:submit' })}` });
    expect(expired.status).toBe(401);
    expect(expired.headers.get('www-authenticate')).toContain('error="invalid_token"');
    expect(await expired.json()).toMatchObject({ detail: 'the credentials were refused: token expired' });
    const noScope = await post(invoice('INV-5'), {}, { Authorization: `Bearer ${jwt({ sub: 'ap-automation', exp: now + 300, scope: 'payments:read' })}` });
    expect(noScope.status).toBe(403);
  });

  it('a body over the limit › 413 problem', async () => {
    const response = await post(invoice('INV-6', { notes: 'x'.repeat(LIMIT) }));
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toMatchObject({ status: 413, detail: `the body exceeds ${LIMIT} bytes` });
  });

  it('malformed JSON › 400 problem that does not echo the body', async () => {
    const response = await post('{"invoiceNumber": "INV-7", "bankAccount": "DE89370400440532013000", oops}');
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ status: 400, type: 'urn:procurelink:problem:malformed-json' });
    expect(text).not.toContain('DE89');
    expect(text).not.toContain('oops');
  });

  it('a body that is not JSON › 415 problem', async () => {
    const response = await post('invoiceNumber=INV-8', { 'Content-Type': 'text/plain' });
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ status: 415 });
  });

  it('invalid input › 400 with the field paths', async () => {
    const response = await post({ lines: [{ quantity: '1' }, { quantity: 1.5 }] });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      status: 400,
      type: 'urn:procurelink:problem:invalid-request',
      problems: [
        { path: 'invoiceNumber', code: 'REQUIRED', message: 'is required' },
        { path: 'lines[1].quantity', code: 'NOT_A_DECIMAL', message: 'must be a decimal string' },
      ],
    });
  });

  it('GET /v1/submissions/:trackingId › the receipt for the read scope of its document; 403 without it; 404 when unknown', async () => {
    const receipt = (await (await post(invoice('INV-9'))).json()) as { trackingId: string; links: { status: string } };
    const found = await fetch(`${base}${receipt.links.status}`, { headers: { 'X-API-Key': WRITER_KEY } });
    expect(found.status).toBe(200);
    expect(await found.json()).toEqual(receipt);
    const forbidden = await fetch(`${base}${receipt.links.status}`, { headers: { 'X-API-Key': READER_KEY } });
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toMatchObject({ missingScopes: ['invoices:read'] });
    const unknown = await fetch(`${base}/v1/submissions/${randomUUID()}`, { headers: { 'X-API-Key': WRITER_KEY } });
    expect(unknown.status).toBe(404);
    expect((await fetch(`${base}${receipt.links.status}`)).status).toBe(401);
  });

  it("a service's status route needs its read scope", async () => {
    expect((await fetch(`${base}/v1/test-invoices/INV-1/status`, { headers: { 'X-API-Key': WRITER_KEY } })).status).toBe(200);
    expect((await fetch(`${base}/v1/test-invoices/INV-1/status`, { headers: { 'X-API-Key': READER_KEY } })).status).toBe(403);
  });

  it('a route that declares no scopes is refused (secure by default); health stays public', async () => {
    const response = await fetch(`${base}/v1/test-invoices/forgot-scopes`, { headers: { 'X-API-Key': WRITER_KEY } });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ type: 'urn:procurelink:problem:route-without-scopes' });
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
  });

  it('an unknown route › 404 problem', async () => {
    const response = await fetch(`${base}/v1/nowhere`, { headers: { 'X-API-Key': WRITER_KEY } });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('serves the OpenAPI document and the docs page without credentials', async () => {
    const response = await fetch(`${base}/v1/openapi.json`);
    expect(response.status).toBe(200);
    const doc = (await response.json()) as { openapi: string; paths: Record<string, Record<string, { security: unknown[] }>> };
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/v1/test-invoices']!.post!.security).toEqual([{ ApiKeyHeader: ['invoices:submit'] }, { BearerAuth: ['invoices:submit'] }]);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/test-invoices/{invoiceNumber}/status', '/v1/submissions/{trackingId}', '/v1/openapi.json']));
    const page = await fetch(`${base}/v1/docs`);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('/v1/test-invoices');
  });
});
