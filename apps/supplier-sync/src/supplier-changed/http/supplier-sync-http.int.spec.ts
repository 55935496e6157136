import 'reflect-metadata';
import type { INestApplication, LoggerService } from '@nestjs/common';
import type { SupplierSynced } from '@procurelink/canonical-schemas';
import { createKafka, readTopicToEnd } from '@procurelink/messaging';
import { ALL_SCOPES, DEV_API_KEY } from '@procurelink/system-api';
import { apiCall, apiKeyEntry, canonicalDecoder, deletePrefixedTopics, deleteRedisKeys, documentedScopes, eventually, noClearValueCheck, readRecordsWithKey, serviceEnv, stackEndpoints, startErpSandbox, startHttpApp, uniquePrefix, type ErpSandboxHandle } from '@procurelink/test-support';
import { randomUUID } from 'node:crypto';
import { parseSupplierSyncConfig } from '../../config/supplier-sync-config';
import { SupplierSyncModule } from '../../supplier-sync.module';
import { supplierSyncTopics } from '../../supplier-sync.topics';
import type { SupplierStatusView } from '../supplier-status-lookup';

jest.setTimeout(120_000);

const run = randomUUID().slice(0, 8);
const prefix = uniquePrefix('supsync-http');
const topics = supplierSyncTopics(prefix);
const stack = stackEndpoints();
const kafka = createKafka({ clientId: `supplier-sync-http-int-${run}`, brokers: stack.kafkaBrokers, logLevel: 'nothing' });
const VENDOR = `VH${run}`;
const PURCHASING_ID = `SUP-H-${run}`;
const READER_KEY = `reader-key-${run}`;
const CONFIRMER_KEY = `confirmer-key-${run}`;
const CONFIRMER = `ap-lead-${run}`;
const LIMIT = 16_384;

// Clear sensitive values: none may appear in any HTTP answer or log line.
const ACCOUNT_OLD = '4455667788';
const ACCOUNT_NEW = '9988776655';
const EIN = '12-3456789';
const EIN_DIGITS = '123456789';
const expectNoClearValue = noClearValueCheck([ACCOUNT_OLD, ACCOUNT_NEW, EIN, EIN_DIGITS]);

const erpVendor = (account: string, lastChanged: string): Record<string, unknown> => ({
  VENDOR_ID: VENDOR,
  NAME1: 'Acme Medical Supply, Inc.',
  TAX_NUMBER: EIN,
  DUNS: '150483782',
  STREET: '100 Main Street',
  CITY: 'Springfield',
  REGION: 'IL',
  POSTAL_CODE: '62704',
  COUNTRY: 'US',
  REMIT_TO: { STREET: 'PO Box 9000', CITY: 'Chicago', REGION: 'IL', POSTAL_CODE: '60601-1234', COUNTRY: 'US' },
  PAYMENT_TERMS: 'NET30',
  BANK: { ACCOUNT_NUMBER: account, ROUTING_NUMBER: '021000021' },
  STATUS: 'A',
  LAST_CHANGED: lastChanged,
});
const purchasingSupplier = {
  supplierId: PURCHASING_ID,
  legalName: 'ACME MEDICAL SUPPLY INC',
  dbaName: 'Acme Orthopaedics',
  taxId: EIN_DIGITS,
  duns: '150483782',
  addresses: [
    { type: 'ORDERING', line1: '100 Main St.', city: 'Springfield', region: 'IL', postalCode: '62704', country: 'US' },
    { type: 'REMIT_TO', line1: 'P.O. Box 9000', city: 'Chicago', region: 'IL', postalCode: '60601', country: 'US' },
  ],
  paymentTerms: 'NET30',
  active: true,
  updatedAt: '2026-01-05T09:00:00Z',
};

/** Keeps every log line the application writes, to find the audit line and to search for clear values. */
class CapturingLogger implements LoggerService {
  readonly lines: string[] = [];
  private keep = (level: string) => (message: unknown, ...rest: unknown[]) => void this.lines.push(`${level} ${String(message)} ${rest.map(String).join(' ')}`);
  log = this.keep('log');
  error = this.keep('error');
  warn = this.keep('warn');
  debug = this.keep('debug');
  verbose = this.keep('verbose');
}

describe('supplier-sync HTTP system API on the real stack', () => {
  let sandbox: ErpSandboxHandle;
  let app: INestApplication;
  let base: string;
  const logs = new CapturingLogger();
  const answers: string[] = [];

  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = { 'X-API-Key': DEV_API_KEY }) => {
    const response = await apiCall(base, method, path, body, headers);
    const text = await response.text();
    answers.push(text);
    return { status: response.status, headers: response.headers, text, json: (text === '' ? null : JSON.parse(text)) as Record<string, unknown> };
  };
  const supplier = async (id: string): Promise<SupplierStatusView | null> => {
    const answer = await call('GET', `/v1/suppliers/${id}`);
    return answer.status === 200 ? (answer.json as unknown as SupplierStatusView) : null;
  };

  beforeAll(async () => {
    sandbox = await startErpSandbox();
    const config = parseSupplierSyncConfig({
      ...serviceEnv(prefix, sandbox.baseUrl),
      RETRY_DELAYS_MS: '500,1000',
      SUPPLIER_TOKEN_SECRET: 'integration-test-secret-with-more-than-32-bytes',
      // The documented dev key (configured explicitly, every scope), a reader, and an AP lead who may confirm bank changes.
      API_KEYS: [
        apiKeyEntry('procurelink-dev', DEV_API_KEY, ALL_SCOPES),
        apiKeyEntry(`reader-${run}`, READER_KEY, ['suppliers:read']),
        apiKeyEntry(CONFIRMER, CONFIRMER_KEY, ['suppliers:read', 'suppliers:confirm-bank-details']),
      ].join(','),
      API_BODY_LIMIT_BYTES: String(LIMIT),
    });
    ({ app, baseUrl: base } = await startHttpApp(SupplierSyncModule.forRoot(config), { bodyLimitBytes: config.api.bodyLimitBytes, logger: logs }));
  });

  afterAll(async () => {
    await app?.close();
    await sandbox?.stop();
    await deleteRedisKeys(stack.redisUrl, [`p2p:supplier-sync:v1:${prefix}*`, `*${topics.group}*`, `procurelink:supplier-sync:api:${prefix}*`]);
    await deletePrefixedTopics(kafka, prefix);
  });

  it('records posted over HTTP are synced, a bank change holds payments, and a confirmation through the API releases them, audited', async () => {
    // 1. The ERP vendor, twice with one Idempotency-Key: one record on the source topic, one receipt.
    const headers = { 'X-API-Key': DEV_API_KEY, 'Idempotency-Key': `erp-${run}-1` };
    const first = await call('POST', '/v1/suppliers/erp-vendor-records', erpVendor(ACCOUNT_OLD, '2026-01-01T10:00:00Z'), headers);
    expect(first.status).toBe(202);
    expect(first.json).toMatchObject({ documentType: 'suppliers', businessId: VENDOR, status: 'ACCEPTED' });
    const trackingId = first.json.trackingId as string;
    expect(trackingId).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.headers.get('location')).toBe(`/v1/submissions/${trackingId}`);
    const again = await call('POST', '/v1/suppliers/erp-vendor-records', erpVendor(ACCOUNT_OLD, '2026-01-01T10:00:00Z'), headers);
    expect(again.status).toBe(202);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.json.trackingId).toBe(trackingId);
    expect((await call('GET', `/v1/submissions/${trackingId}`)).status).toBe(200);

    const synced = await eventually('a SupplierSynced record', () => readTopicToEnd(kafka, topics.canonical), (records) => records.length >= 1);
    const supplierId = synced[0]?.key?.toString() as string;
    const created = await eventually('the created supplier', () => supplier(supplierId), (view) => view !== null);
    expect(created).toMatchObject({ supplierId, status: 'ACTIVE', hold: null, sourceRecords: { erp: VENDOR, purchasing: null } });
    const sourceRecords = await readRecordsWithKey(kafka, topics.erpVendors, VENDOR);
    expect(sourceRecords).toHaveLength(1);

    // 2. The purchasing record of the same supplier is merged into it.
    const purchasing = await call('POST', '/v1/suppliers/purchasing-records', purchasingSupplier);
    expect(purchasing.status).toBe(202);
    expect(purchasing.json.businessId).toBe(PURCHASING_ID);
    await eventually('the merged supplier', () => supplier(supplierId), (view) => view?.sourceRecords.purchasing === PURCHASING_ID);

    // 3. A bank-details change: payments held; the status shows masked accounts only.
    expect((await call('POST', '/v1/suppliers/erp-vendor-records', erpVendor(ACCOUNT_NEW, '2026-02-01T10:00:00Z'))).status).toBe(202);
    const held = await eventually('the payment hold', () => supplier(supplierId), (view) => view?.hold !== null && view?.hold !== undefined);
    expect(held).toMatchObject({ status: 'ON_HOLD', hold: { reason: 'BANK_DETAILS_CHANGED', previousBankAccount: '****7788', newBankAccount: '****6655' } });
    const changeId = held?.hold?.changeId as string;
    const confirmPath = `/v1/suppliers/${supplierId}/bank-details-confirmations`;

    // 4. Confirmation: a reader may not; a wrong change is refused (409); an unknown supplier is 404; the AP lead's releases.
    const forbidden = await call('POST', confirmPath, { changeId }, { 'X-API-Key': READER_KEY });
    expect(forbidden.status).toBe(403);
    expect(forbidden.json.missingScopes).toEqual(['suppliers:confirm-bank-details']);
    const stale = await call('POST', confirmPath, { changeId: 'not-the-change' }, { 'X-API-Key': CONFIRMER_KEY });
    expect(stale.status).toBe(409);
    expect(stale.json).toMatchObject({ type: 'urn:procurelink:problem:bank-details-confirmation-refused', reason: 'STALE_CONFIRMATION' });
    expect((await call('POST', '/v1/suppliers/SUP-NOPE/bank-details-confirmations', { changeId }, { 'X-API-Key': CONFIRMER_KEY })).status).toBe(404);
    expect((await call('POST', confirmPath, {}, { 'X-API-Key': CONFIRMER_KEY })).json.problems).toEqual([expect.objectContaining({ path: 'changeId', code: 'MISSING' })]);
    expect((await supplier(supplierId))?.status).toBe('ON_HOLD');

    const confirmed = await call('POST', confirmPath, { changeId }, { 'X-API-Key': CONFIRMER_KEY });
    expect(confirmed.status).toBe(200);
    expect(confirmed.json).toMatchObject({ released: true, supplierId, changeId, status: 'ACTIVE', confirmedBy: CONFIRMER });
    expect(Date.parse(confirmed.json.releasedAt as string)).toBeGreaterThan(Date.now() - 60_000);
    expect(await supplier(supplierId)).toMatchObject({ status: 'ACTIVE', hold: null, lastHoldRelease: { confirmedBy: CONFIRMER, confirmedAt: confirmed.json.releasedAt } });
    const again409 = await call('POST', confirmPath, { changeId }, { 'X-API-Key': CONFIRMER_KEY });
    expect([again409.status, again409.json.reason]).toEqual([409, 'NOT_ON_HOLD']);
    const audit = logs.lines.filter((line) => line.includes('bank-details confirmation of change'));
    expect(audit.some((line) => line.includes(`${changeId} for supplier ${supplierId} by ${CONFIRMER}`) && line.includes('released the payment hold'))).toBe(true);
    expect(audit.some((line) => line.includes('was refused: STALE_CONFIRMATION'))).toBe(true);

    // 5. The release is on p2p.supplier.v1, caused by the confirmed change.
    const lastRecord = (await readTopicToEnd(kafka, topics.canonical)).at(-1);
    if (lastRecord === undefined) throw new Error('nothing on p2p.supplier.v1');
    const last = await canonicalDecoder().decode(lastRecord);
    expect(last.eventType).toBe('SupplierSynced');
    expect(last.value as SupplierSynced).toMatchObject({ supplierId, supplier: { status: 'ACTIVE' }, envelope: { sourceSystem: 'procurelink', sourceRecordId: changeId, causationId: changeId } });

    // 6. Nothing answered or logged carries a clear account number or tax id.
    for (const answer of answers) expectNoClearValue('an HTTP answer', answer);
    for (const line of logs.lines) expectNoClearValue('a log line', line);
  });

  it('an invalid record › 400 listing every field path, never echoing the bank account or tax id, and nothing published', async () => {
    const body = { ...erpVendor('44556677889900112233', '2026-03-01T10:00:00Z'), VENDOR_ID: `VBAD${run}`, NAME1: null, TAX_NUMBER: '12-34567', STATUS: 'Z' };
    const answer = await call('POST', '/v1/suppliers/erp-vendor-records', body);
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const paths = (answer.json.problems as Array<{ path: string }>).map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['NAME1', 'TAX_NUMBER', 'BANK.ACCOUNT_NUMBER', 'STATUS']));
    for (const secret of ['44556677889900112233', '12-34567', '1234567']) expect(answer.text).not.toContain(secret);
    const purchasing = await call('POST', '/v1/suppliers/purchasing-records', { ...purchasingSupplier, active: 'yes', addresses: [] });
    expect(purchasing.status).toBe(400);
    expect((purchasing.json.problems as Array<{ path: string }>).map((p) => p.path)).toEqual(expect.arrayContaining(['active', 'addresses']));
    expect(await readRecordsWithKey(kafka, topics.erpVendors, `VBAD${run}`)).toHaveLength(0);
  });

  it('guards every route: 401 without credentials, 403 without the scope, 413 when oversize, 404 for an unknown supplier', async () => {
    const anonymous = await call('POST', '/v1/suppliers/purchasing-records', purchasingSupplier, {});
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer realm="procurelink"/);
    expect((await call('GET', `/v1/suppliers/${PURCHASING_ID}`, undefined, {})).status).toBe(401);
    const reader = await call('POST', '/v1/suppliers/purchasing-records', purchasingSupplier, { 'X-API-Key': READER_KEY });
    expect(reader.status).toBe(403);
    expect(reader.json.missingScopes).toEqual(['suppliers:submit']);
    const oversize = await call('POST', '/v1/suppliers/erp-vendor-records', { ...erpVendor(ACCOUNT_OLD, '2026-03-01T10:00:00Z'), NOTE: 'x'.repeat(LIMIT) });
    expect(oversize.status).toBe(413);
    const unknown = await call('GET', '/v1/suppliers/SUP-UNKNOWN', undefined, { 'X-API-Key': READER_KEY });
    expect([unknown.status, unknown.json.type]).toEqual([404, 'urn:procurelink:problem:not-found']);
  });

  it('GET /v1/openapi.json › documents the four supplier routes with their scopes', async () => {
    expect(await documentedScopes(base)).toMatchObject({
      'POST /v1/suppliers/erp-vendor-records': ['suppliers:submit'],
      'POST /v1/suppliers/purchasing-records': ['suppliers:submit'],
      'GET /v1/suppliers/{supplierId}': ['suppliers:read'],
      'POST /v1/suppliers/{supplierId}/bank-details-confirmations': ['suppliers:confirm-bank-details'],
    });
  });
});
