import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { createKafka } from '@procurelink/messaging';
import { DEV_API_KEY, DEV_CLIENT_ID, SUBMITTED_BY_HEADER } from '@procurelink/system-api';
import { apiCall, apiKeyEntry, deletePrefixedTopics, deleteRedisKeys, documentedScopes, eventually, expectInvalidRequest, expectProblem, expectUnauthenticated, readRecordsWithKey, serviceEnv, stackEndpoints, startErpSandbox, startHttpApp, uniquePrefix, type ErpSandboxHandle } from '@procurelink/test-support';
import type { Kafka } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { parsePaymentStatusConfig } from '../../config/payment-status-config';
import { PaymentStatusModule } from '../../payment-status.module';
import { paymentStatusTopics } from '../topics';

jest.setTimeout(60_000);

const stack = stackEndpoints();
const prefix = uniquePrefix('psapi');
const topics = paymentStatusTopics(prefix);
const READER_KEY = `reader-key-${randomUUID()}`; // no dots: a key shaped like a JWT (a.b.c) is verified as one
const LIMIT = 16_384;

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

describe('the payment-status HTTP system API on the real stack', () => {
  let sandbox: ErpSandboxHandle;
  let app: INestApplication;
  let base: string;
  let kafka: Kafka;

  const post = (body: unknown, headers: Record<string, string> = { 'x-api-key': DEV_API_KEY }) => apiCall(base, 'POST', '/v1/payments', body, headers);
  const get = (path: string, headers: Record<string, string> = { 'x-api-key': DEV_API_KEY }) => apiCall(base, 'GET', path, undefined, headers);
  const postings = (paymentId: string) => sandbox.ledger({ kind: 'PAYMENT_STATUS', subjectId: paymentId });
  const sourceRecords = (paymentId: string) => readRecordsWithKey(kafka, topics.erpPayment, paymentId);

  beforeAll(async () => {
    sandbox = await startErpSandbox();
    const config = parsePaymentStatusConfig({
      ...serviceEnv(prefix, sandbox.baseUrl),
      RETRY_DELAYS_MS: '300,600',
      TOPIC_PARTITIONS: '1',
      // The documented dev key, configured explicitly with both payment scopes, and a read-only key.
      API_KEYS: [apiKeyEntry(DEV_CLIENT_ID, DEV_API_KEY, ['payments:submit', 'payments:read']), apiKeyEntry('dashboard', READER_KEY, ['payments:read'])].join(','),
      API_BODY_LIMIT_BYTES: String(LIMIT),
    });
    ({ app, baseUrl: base } = await startHttpApp(PaymentStatusModule.forRoot(config), { bodyLimitBytes: config.api.bodyLimitBytes, logger: ['error'] }));
    kafka = createKafka({ clientId: `payment-status-api-test-${prefix}`, brokers: stack.kafkaBrokers, logLevel: 'nothing' });
  });

  afterAll(async () => {
    await app?.close();
    await sandbox?.stop();
    await deleteRedisKeys(stack.redisUrl, [`p2p:payment-status:v1:${prefix}*`]);
    if (kafka) await deletePrefixedTopics(kafka, prefix);
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
    expect(await expectInvalidRequest(response, ['123456789'])).toEqual(['statusAt', 'supplierId', 'amount', 'failureReason']);
    expect(await sourceRecords('PAY-API-3')).toEqual([]);
  });

  it('when no credentials are given › 401 with WWW-Authenticate', async () => {
    expectUnauthenticated(await post(payment('PAY-API-4', 'SCHEDULED', '2026-03-02T09:00:00Z'), {}));
    expect((await get('/v1/payments/PAY-API-1', {})).status).toBe(401);
  });

  it('when the key lacks payments:submit › 403 naming the missing scope', async () => {
    const response = await post(payment('PAY-API-5', 'SCHEDULED', '2026-03-02T09:00:00Z'), { 'x-api-key': READER_KEY });
    await expectProblem(response, 403, { type: 'urn:procurelink:problem:insufficient-scope', missingScopes: ['payments:submit'] });
  });

  it('when the body exceeds the configured limit › 413', async () => {
    const response = await post(payment('PAY-API-6', 'SCHEDULED', '2026-03-02T09:00:00Z', { padding: 'x'.repeat(LIMIT) }));
    await expectProblem(response, 413, { type: 'urn:procurelink:problem:payload-too-large' });
  });

  it('when the payment id is unknown or malformed › 404 problem', async () => {
    const unknown = await get('/v1/payments/PAY-NEVER-SEEN', { authorization: `Bearer ${READER_KEY}` });
    await expectProblem(unknown, 404, { type: 'urn:procurelink:problem:not-found', status: 404 });
    expect((await get('/v1/payments/bad%20id')).status).toBe(404);
  });

  it('GET /v1/openapi.json documents both payment routes with their scopes, without credentials', async () => {
    expect(await documentedScopes(base)).toMatchObject({ 'POST /v1/payments': ['payments:submit'], 'GET /v1/payments/{paymentId}': ['payments:read'] });
  });
});
