import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { createKafka, readTopicToEnd } from '@procurelink/messaging';
import { ALL_SCOPES, DEV_API_KEY } from '@procurelink/system-api';
import { apiCall, apiKeyEntry, deletePrefixedTopics, deleteRedisKeys, documentedScopes, eventually, expectInvalidRequest, expectProblem, expectUnauthenticated, readRecordsWithKey, serviceEnv, stackEndpoints, startErpSandbox, startHttpApp, uniquePrefix, type ErpSandboxHandle } from '@procurelink/test-support';
import { randomUUID } from 'node:crypto';
import { parsePoSyncConfig } from '../../config/po-sync-config';
import { PoSyncModule } from '../../po-sync.module';
import { poSyncTopics } from '../../po-sync.topics';
import type { PurchaseOrderStatus } from './purchase-order-status';

jest.setTimeout(90_000);

const run = randomUUID().slice(0, 8);
const prefix = uniquePrefix('posync-http');
const topics = poSyncTopics(prefix);
const stack = stackEndpoints();
const kafka = createKafka({ clientId: `po-sync-http-int-${run}`, brokers: stack.kafkaBrokers, logLevel: 'nothing' });
const PO = `PO-HTTP-${run}`;
const READER_KEY = `reader-key-${run}`;
const LIMIT = 16_384;

const GLOVES = { itemId: 'ITM-GLOVE-NITRILE-M', description: 'Nitrile exam gloves, M', gtin: '00812345678905', unitOfMeasure: 'BX' };
const SYRINGE = { itemId: 'ITM-SYRINGE-10ML', description: 'Syringe 10 ml', gtin: '00812345678936', unitOfMeasure: 'EA' };
const ICU = { departmentId: 'DEP-NORTH-ICU', costCentre: 'CC-4100', glAccount: '6100' };

const revision = (action: 'APPROVED' | 'CHANGED', rev: number, gloves: string, amount: string) => ({
  action,
  poNumber: PO,
  revision: rev,
  occurredAt: '2026-03-01T10:00:00Z',
  supplierId: 'SUP-MEDLINE',
  orderDate: '2026-03-01',
  currency: 'USD',
  totalAmount: (Number(amount) + 50).toFixed(2),
  shipTo: { facilityId: 'FAC-NORTH' },
  lines: [
    { lineNumber: 1, item: GLOVES, quantity: gloves, unitPrice: '12.50', lineAmount: amount, ...ICU },
    { lineNumber: 2, item: SYRINGE, quantity: '100', unitPrice: '0.50', lineAmount: '50.00', ...ICU },
  ],
});
const receipt = {
  receiptId: `GR-${run}`,
  poNumber: PO,
  facilityId: 'FAC-NORTH',
  receivedAt: new Date().toISOString(),
  receivingLocation: 'DOCK-1',
  lines: [{ poLineNumber: 1, item: { itemId: GLOVES.itemId, unitOfMeasure: 'BX' }, quantityReceived: '4', lotNumber: 'LOT-9' }],
};

describe('po-sync HTTP system API on the real stack', () => {
  let sandbox: ErpSandboxHandle;
  let app: INestApplication;
  let base: string;

  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = { 'X-API-Key': DEV_API_KEY }) => apiCall(base, method, path, body, headers);
  const status = async (): Promise<{ code: number; body: PurchaseOrderStatus | null }> => {
    const response = await call('GET', `/v1/purchase-orders/${PO}`);
    return { code: response.status, body: response.status === 200 ? ((await response.json()) as PurchaseOrderStatus) : null };
  };
  const encumbrances = () => sandbox.ledger({ kind: 'ENCUMBRANCE', subjectId: PO });
  const sourceRecords = (topic: string) => readRecordsWithKey(kafka, topic, PO);

  beforeAll(async () => {
    sandbox = await startErpSandbox();
    const config = parsePoSyncConfig({
      ...serviceEnv(prefix, sandbox.baseUrl),
      RETRY_DELAYS_MS: '500,1000',
      // The documented dev key (configured explicitly, every scope) and a reader that may only read POs.
      API_KEYS: [apiKeyEntry('procurelink-dev', DEV_API_KEY, ALL_SCOPES), apiKeyEntry(`reader-${run}`, READER_KEY, ['purchase-orders:read'])].join(','),
      API_BODY_LIMIT_BYTES: String(LIMIT),
    });
    ({ app, baseUrl: base } = await startHttpApp(PoSyncModule.forRoot(config), { bodyLimitBytes: config.api.bodyLimitBytes }));
  });

  afterAll(async () => {
    await app?.close();
    await sandbox?.stop();
    await deleteRedisKeys(stack.redisUrl, [`p2p:po-sync:v1:${prefix}*`, `*${topics.group}*`, `procurelink:po-sync:api:${prefix}*`]);
    await deletePrefixedTopics(kafka, prefix);
  });

  it('a PO posted twice with one Idempotency-Key › 202 with a tracking id, one record, encumbered once, then approved in the status', async () => {
    expect((await status()).code).toBe(404);
    const idempotencyKey = `po-${run}-0`;
    const first = await call('POST', '/v1/purchase-orders', revision('APPROVED', 0, '10', '125.00'), { 'X-API-Key': DEV_API_KEY, 'Idempotency-Key': idempotencyKey });
    expect(first.status).toBe(202);
    const accepted = (await first.json()) as { trackingId: string; documentType: string; businessId: string };
    expect(accepted).toMatchObject({ documentType: 'purchase-orders', businessId: PO, status: 'ACCEPTED' });
    expect(accepted.trackingId).toMatch(/^[0-9a-f-]{36}$/);

    const again = await call('POST', '/v1/purchase-orders', revision('APPROVED', 0, '10', '125.00'), { 'X-API-Key': DEV_API_KEY, 'Idempotency-Key': idempotencyKey });
    expect(again.status).toBe(202);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(((await again.json()) as { trackingId: string }).trackingId).toBe(accepted.trackingId);

    const approved = await eventually('the approved status', status, (s) => s.body?.status === 'approved');
    expect(approved.body).toMatchObject({ poNumber: PO, supplierId: 'SUP-MEDLINE', revision: 0, receipts: [] });
    expect(approved.body?.lines.map((l) => [l.lineNumber, l.orderedQuantity, l.encumberedAmount, l.receivedQuantity])).toEqual([
      [1, '10', '125.00', '0'],
      [2, '100', '50.00', '0'],
    ]);
    expect((await encumbrances()).map((e) => [e.idempotencyKey, e.amount])).toEqual([
      [`encumbrance:${PO}:0:1:ENCUMBER`, '125.00'],
      [`encumbrance:${PO}:0:2:ENCUMBER`, '50.00'],
    ]);
    expect(await sourceRecords(topics.purchaseOrders)).toHaveLength(1);

    const tracked = await call('GET', `/v1/submissions/${accepted.trackingId}`);
    expect(tracked.status).toBe(200);
  });

  it('a change, a receipt (keyed by PO) and a cancel › the status follows: changed, received, cancelled', async () => {
    expect((await call('POST', '/v1/purchase-orders', revision('CHANGED', 1, '14', '175.00'))).status).toBe(202);
    const changed = await eventually('the changed status', status, (s) => s.body?.status === 'changed');
    expect(changed.body?.revision).toBe(1);
    expect(changed.body?.lines[0]).toMatchObject({ orderedQuantity: '14', encumberedAmount: '175.00' });

    const posted = await call('POST', '/v1/goods-receipts', receipt);
    expect(posted.status).toBe(202);
    expect(await posted.json()).toMatchObject({ documentType: 'goods-receipts', businessId: receipt.receiptId });
    const received = await eventually('the receipt in the status', status, (s) => (s.body?.receipts ?? []).includes(receipt.receiptId));
    expect(received.body?.lines[0]?.receivedQuantity).toBe('4');
    expect(await sourceRecords(topics.goodsReceipts)).toHaveLength(1);

    const cancel = { action: 'CANCELLED', poNumber: PO, revision: 1, occurredAt: '2026-03-05T10:00:00Z', reason: 'supplier recall' };
    expect((await call('POST', '/v1/purchase-orders', cancel)).status).toBe(202);
    const cancelled = await eventually('the cancelled status', status, (s) => s.body?.status === 'cancelled');
    expect(cancelled.body?.lines.map((l) => l.encumberedAmount)).toEqual([expect.stringMatching(/^0(\.0+)?$/), expect.stringMatching(/^0(\.0+)?$/)]);
    expect(cancelled.body?.receipts).toEqual([receipt.receiptId]);
  });

  it('an invalid body › 400 listing every field path, never echoing a value; nothing published', async () => {
    const secret = `ACCT-${run}-0123456789`;
    const before = (await readTopicToEnd(kafka, topics.goodsReceipts)).length;
    const response = await call('POST', '/v1/goods-receipts', { ...receipt, receiptId: `${secret} not an identifier`, receivedAt: 'yesterday', lines: [{ poLineNumber: 1, quantityReceived: 4 }] });
    expect(await expectInvalidRequest(response, [secret])).toEqual(expect.arrayContaining(['receiptId', 'receivedAt', 'lines[0].item', 'lines[0].quantityReceived']));
    expect((await readTopicToEnd(kafka, topics.goodsReceipts)).length).toBe(before);
  });

  it('credentials and limits › 401 without a key, 403 naming the missing scope, 413 when oversize, 404 for an unknown PO', async () => {
    expectUnauthenticated(await call('POST', '/v1/purchase-orders', revision('APPROVED', 0, '1', '12.50'), {}));

    const reader = { 'X-API-Key': READER_KEY };
    const forbidden = await call('POST', '/v1/goods-receipts', receipt, reader);
    await expectProblem(forbidden, 403, { missingScopes: ['goods-receipts:submit'] });
    expect((await call('GET', `/v1/purchase-orders/${PO}`, undefined, reader)).status).toBe(200);

    const huge = { ...revision('APPROVED', 0, '1', '12.50'), poNumber: 'PO-HUGE', changeReason: 'x'.repeat(LIMIT) };
    await expectProblem(await call('POST', '/v1/purchase-orders', huge), 413);

    await expectProblem(await call('GET', `/v1/purchase-orders/PO-NOBODY-${run}`), 404);
  });

  it('GET /v1/openapi.json › documents the three routes with their scopes, without credentials', async () => {
    expect(await documentedScopes(base)).toMatchObject({
      'POST /v1/purchase-orders': ['purchase-orders:submit'],
      'GET /v1/purchase-orders/{poNumber}': ['purchase-orders:read'],
      'POST /v1/goods-receipts': ['goods-receipts:submit'],
    });
  });
});
