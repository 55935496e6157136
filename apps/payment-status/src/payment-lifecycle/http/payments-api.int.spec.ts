import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createKafka, readTopicToEnd } from '@procurelink/messaging';
import { configureSystemApi, DEV_API_KEY, DEV_CLIENT_ID, SUBMITTED_BY_HEADER } from '@procurelink/system-api';
import { startErpSandbox, stackEndpoints, type ErpSandboxHandle } from '@procurelink/test-support';
import { Redis } from 'ioredis';
import type { Kafka } from 'kafkajs';
import { createHash } from 'node:crypto';
import { parsePaymentStatusConfig } from '../../config/payment-status-config';
import { PaymentStatusModule } from '../../payment-status.module';
import { paymentStatusTopics } from '../topics';

jest.setTimeout(60_000);

const stack = stackEndpoints();
const prefix = `t${Date.now()}psapi.`;
const topics = paymentStatusTopics(prefix);
const READER_KEY = `reader-key-${prefix}`;
const LIMIT = 16_384;
const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

const payment = (paymentId: string, status: string, statusAt: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  paymentId,
  status,
  statusAt,
  supplierId: 'SUP-API-1',
  facilityId: 'FAC-NORTH',
  amount: '1250.50',
  currency: 'USD',
  method: 'ACH',
  scheduledDate: '2026-03-05',
  invoices: [
    { invoiceId: `${paymentId}-INV-1`, amount: '1000.00' },
    { invoiceId: `${paymentId}-INV-2`, amount: '250.50' },
  ],
  erpReference: `RUN-${paymentId}-${status}`,
  ...extra,
});

async function eventually<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, deadlineMs = 30_000): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  let last = await read();
  while (!done(last)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)?.slice(0, 2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
    last = await read();
  }
  return last;
}

describe('the payment-status HTTP system API on the real stack', () => {
  let sandbox: ErpSandboxHandle;
  let app: INestApplication;
  let base: string;
  let kafka: Kafka;

  const post = (body: unknown, headers: Record<string, string> = { 'x-api-key': DEV_API_KEY }) =>
    fetch(`${base}/v1/payments`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const get = (path: string, headers: Record<string, string> = { 'x-api-key': DEV_API_KEY }) => fetch(`${base}${path}`, { headers });
  const postings = (paymentId: string) => sandbox.ledger({ kind: 'PAYMENT_STATUS', subjectId: paymentId });
  const sourceRecords = async (paymentId: string) => (await readTopicToEnd(kafka, topics.erpPayment)).filter((r) => r.key?.toString() === paymentId);

  beforeAll(async () => {
    sandbox = await startErpSandbox();
    const config = parsePaymentStatusConfig({
      KAFKA_BROKERS: stack.kafkaBrokers.join(','),
      SCHEMA_REGISTRY_URL: stack.schemaRegistryUrl,
      REDIS_URL: stack.redisUrl,
      ERP_BASE_URL: sandbox.baseUrl,
      PROCURELINK_TOPIC_PREFIX: prefix,
      RETRY_DELAYS_MS: '300,600',
      TOPIC_PARTITIONS: '1',
      // The documented dev key, configured explicitly with both payment scopes, and a read-only key.
      API_KEYS: `${DEV_CLIENT_ID}:${sha(DEV_API_KEY)}:payments:submit|payments:read,dashboard:${sha(READER_KEY)}:payments:read`,
      API_BODY_LIMIT_BYTES: String(LIMIT),
    });
    app = await NestFactory.create(PaymentStatusModule.forRoot(config), { bodyParser: false, logger: ['error'], abortOnError: false });
    configureSystemApi(app, { bodyLimitBytes: config.api.bodyLimitBytes });
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    kafka = createKafka({ clientId: `payment-status-api-test-${prefix}`, brokers: stack.kafkaBrokers, logLevel: 'nothing' });
  });

  afterAll(async () => {
    await app?.close();
    await sandbox?.stop();
    const redis = new Redis(stack.redisUrl);
    const keys = await redis.keys(`p2p:payment-status:v1:${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
    if (kafka) {
      const admin = kafka.admin();
      await admin.connect();
      const mine = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
      if (mine.length > 0) await admin.deleteTopics({ topics: mine }).catch(() => undefined);
      await admin.disconnect();
    }
  });

  it('when the ERP posts a schedule with the dev key › 202 with a tracking id, and the ERP then holds the status and GET shows it', async () => {
    const response = await post(payment('PAY-API-1', 'SCHEDULED', '2026-03-02T09:00:00Z'));
    expect(response.status).toBe(202);
    const receipt = (await response.json()) as { trackingId: string; businessId: string; documentType: string };
    expect(receipt).toMatchObject({ businessId: 'PAY-API-1', documentType: 'payments', status: 'ACCEPTED' });
    expect(response.headers.get('location')).toBe(`/v1/submissions/${receipt.trackingId}`);

    const [published] = await sourceRecords('PAY-API-1');
    expect(published?.headers[SUBMITTED_BY_HEADER]).toBe(DEV_CLIENT_ID);
    const ledger = await eventually('the ERP posting', () => postings('PAY-API-1'), (e) => e.length >= 1);
    expect(ledger.map((e) => e.record['status'])).toEqual(['SCHEDULED']);

    const status = await eventually(
      'the stored schedule',
      async () => (await (await get('/v1/payments/PAY-API-1', { 'x-api-key': READER_KEY })).json()) as Record<string, unknown>,
      (body) => body['status'] === 'SCHEDULED',
    );
    expect(status).toMatchObject({
      paymentId: 'PAY-API-1',
      payment: { supplierId: 'SUP-API-1', attempt: 1, amount: { currency: 'USD' }, scheduledDate: '2026-03-05' },
      history: [{ outcome: 'APPLIED', from: 'NONE', to: 'SCHEDULED' }],
      supplierHold: null,
    });
    expect((status['payment'] as { amount: { amount: string } }).amount.amount).toMatch(/^1250\.50*$/);
  });

  it('when the same Idempotency-Key is sent twice › one record is published, the ERP changes once and the replay says Idempotent-Replayed', async () => {
    await post(payment('PAY-API-2', 'SCHEDULED', '2026-03-02T09:00:00Z'));
    const completed = payment('PAY-API-2', 'COMPLETED', '2026-03-05T14:10:00Z', { bankReference: 'TRACE-API-2' });
    const headers = { 'x-api-key': DEV_API_KEY, 'idempotency-key': `complete-PAY-API-2-${prefix}` };
    const first = await post(completed, headers);
    const second = await post(completed, headers);
    expect([first.status, second.status]).toEqual([202, 202]);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(((await second.json()) as { trackingId: string }).trackingId).toBe(((await first.json()) as { trackingId: string }).trackingId);

    await eventually('the completion posted', () => postings('PAY-API-2'), (e) => e.length >= 2);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await postings('PAY-API-2')).map((e) => e.record['status'])).toEqual(['SCHEDULED', 'COMPLETED']);
    const statuses = (await sourceRecords('PAY-API-2')).map((r) => JSON.parse(r.value?.toString() ?? 'null').status);
    expect(statuses).toEqual(['SCHEDULED', 'COMPLETED']);
    const body = (await (await get('/v1/payments/PAY-API-2')).json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 'COMPLETED', payment: { completion: { bankReference: 'TRACE-API-2' } } });
  });

  it('when the body is invalid › 400 listing every field path, without echoing a value, and nothing is published', async () => {
    const response = await post(payment('PAY-API-3', 'FAILED', 'yesterday', { amount: 1250.5, supplierId: 'ACCT 000123456789' }));
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const text = await response.text();
    expect(text).not.toContain('123456789');
    const problem = JSON.parse(text) as { type: string; problems: Array<{ path: string; code: string }> };
    expect(problem.type).toBe('urn:procurelink:problem:invalid-request');
    expect(problem.problems.map((p) => p.path)).toEqual(['statusAt', 'supplierId', 'amount', 'failureReason']);
    expect(await sourceRecords('PAY-API-3')).toEqual([]);
  });

  it('when no credentials are given › 401 with WWW-Authenticate', async () => {
    const response = await post(payment('PAY-API-4', 'SCHEDULED', '2026-03-02T09:00:00Z'), {});
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('Bearer realm="procurelink"');
    expect((await get('/v1/payments/PAY-API-1', {})).status).toBe(401);
  });

  it('when the key lacks payments:submit › 403 naming the missing scope', async () => {
    const response = await post(payment('PAY-API-5', 'SCHEDULED', '2026-03-02T09:00:00Z'), { 'x-api-key': READER_KEY });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ type: 'urn:procurelink:problem:insufficient-scope', missingScopes: ['payments:submit'] });
  });

  it('when the body exceeds the configured limit › 413', async () => {
    const response = await post(payment('PAY-API-6', 'SCHEDULED', '2026-03-02T09:00:00Z', { padding: 'x'.repeat(LIMIT) }));
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ type: 'urn:procurelink:problem:payload-too-large' });
  });

  it('when the payment id is unknown or malformed › 404 problem', async () => {
    const unknown = await get('/v1/payments/PAY-NEVER-SEEN', { authorization: `Bearer ${READER_KEY}` });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ type: 'urn:procurelink:problem:not-found', status: 404 });
    expect((await get('/v1/payments/bad%20id')).status).toBe(404);
  });

  it('GET /v1/openapi.json documents both payment routes with their scopes, without credentials', async () => {
    const response = await get('/v1/openapi.json', {});
    expect(response.status).toBe(200);
    const doc = (await response.json()) as { paths: Record<string, Record<string, { 'x-required-scopes': string[] }>> };
    expect(doc.paths['/v1/payments']?.['post']?.['x-required-scopes']).toEqual(['payments:submit']);
    expect(doc.paths['/v1/payments/{paymentId}']?.['get']?.['x-required-scopes']).toEqual(['payments:read']);
  });
});
