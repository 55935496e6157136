import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { SupplierBankDetailsChanged, SupplierSynced } from '@procurelink/canonical-schemas';
import { createKafka, readTopicToEnd, type InboundRecord } from '@procurelink/messaging';
import { canonicalDecoder, deletePrefixedTopics, deleteRedisKeys, eventually, noClearValueCheck, produceJson, readCanonicalEvents, readDeadLetters, scanRedisKeys, serviceEnv, stackEndpoints, startErpSandbox, uniquePrefix, type ErpSandboxHandle } from '@procurelink/test-support';
import { Redis } from 'ioredis';
import type { Producer } from 'kafkajs';
import { parseSupplierSyncConfig } from './config/supplier-sync-config';
import { rebuildSuppliers } from './rebuild/rebuild-suppliers';
import { RedisSupplierStore } from './supplier-changed/infra/redis-supplier-store';
import { SupplierBankDetails } from './supplier-changed/supplier-bank-details';
import { SupplierStatusLookup } from './supplier-changed/supplier-status-lookup';
import { SupplierSyncModule } from './supplier-sync.module';
import { supplierSyncTopics } from './supplier-sync.topics';

jest.setTimeout(90_000);

const prefix = uniquePrefix('supsync');
const topics = supplierSyncTopics(prefix);
const dlt = `${topics.group}.dlt`;
const stack = stackEndpoints();
const kafka = createKafka({ clientId: `supplier-sync-int-${Date.now()}`, brokers: stack.kafkaBrokers });
const VENDOR = `V${Date.now() % 1_000_000_000}`;
const PURCHASING_ID = `SUP-${Date.now() % 1_000_000_000}`;

// Clear sensitive values the records carry: none may appear in anything published or stored.
const ACCOUNT_OLD = '4455667788';
const ACCOUNT_NEW = '9988776655';
const EIN = '12-3456789';
const EIN_DIGITS = '123456789';
const expectNoClearValue = noClearValueCheck([ACCOUNT_OLD, ACCOUNT_NEW, EIN, EIN_DIGITS]);

const remit = { STREET: 'PO Box 9000', CITY: 'Chicago', REGION: 'IL', POSTAL_CODE: '60601-1234', COUNTRY: 'US' };
const erpVendor = (account: string, lastChanged: string) => ({
  VENDOR_ID: VENDOR,
  NAME1: 'Acme Medical Supply, Inc.',
  TAX_NUMBER: EIN,
  DUNS: '150483782',
  STREET: '100 Main Street',
  STREET2: 'Suite 200',
  CITY: 'Springfield',
  REGION: 'IL',
  POSTAL_CODE: '62704',
  COUNTRY: 'US',
  REMIT_TO: remit,
  PAYMENT_TERMS: 'NET30',
  BANK: { ACCOUNT_NUMBER: account, ROUTING_NUMBER: '021000021' },
  EMAIL: 'ar@acme-medical.example',
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
    { type: 'ORDERING', line1: '100 Main St.', line2: 'Ste 200', city: 'Springfield', region: 'IL', postalCode: '62704', country: 'US' },
    { type: 'REMIT_TO', line1: 'P.O. Box 9000', city: 'Chicago', region: 'IL', postalCode: '60601', country: 'US' },
  ],
  paymentTerms: 'NET30',
  contact: { name: 'Dana Reyes', email: 'dana.reyes@acme-medical.example' },
  active: true,
  updatedAt: '2026-01-05T09:00:00Z',
};

describe('supplier-sync on the real stack', () => {
  let sandbox: ErpSandboxHandle;
  let app: INestApplicationContext;
  let producer: Producer;
  let redis: Redis;

  const send = (topic: string, key: string, value: unknown) => produceJson(producer, topic, key, value);
  const canonical = () => readCanonicalEvents(kafka, topics.canonical);
  const deadLetters = () => readDeadLetters(kafka, dlt);

  beforeAll(async () => {
    sandbox = await startErpSandbox();
    const config = parseSupplierSyncConfig({
      ...serviceEnv(prefix, sandbox.baseUrl),
      RETRY_DELAYS_MS: '500,1000',
      SUPPLIER_TOKEN_SECRET: 'integration-test-secret-with-more-than-32-bytes',
    });
    app = await NestFactory.createApplicationContext(SupplierSyncModule.forRoot(config), { logger: false });
    await app.init();
    producer = kafka.producer();
    await producer.connect();
    redis = new Redis(stack.redisUrl);
  });

  afterAll(async () => {
    await app?.close();
    await producer?.disconnect();
    await sandbox?.stop();
    if (redis) {
      await deleteRedisKeys(redis, [`p2p:supplier-sync:v1:${prefix}*`, `*${topics.group}*`]);
      await redis.quit();
    }
    await deletePrefixedTopics(kafka, prefix);
  });

  it('merges ERP and purchasing records into one supplier, holds payments on a bank change until confirmed, and never stores or publishes a clear value', async () => {
    const lookup = app.get(SupplierStatusLookup);
    const bankDetails = app.get(SupplierBankDetails);

    // 1. The ERP vendor, a malformed record, then the purchasing record of the same supplier.
    await send(topics.erpVendors, VENDOR, erpVendor(ACCOUNT_OLD, '2026-01-01T10:00:00Z'));
    await send(topics.erpVendors, 'V-BROKEN', { ...erpVendor(ACCOUNT_OLD, '2026-01-01T10:00:00Z'), VENDOR_ID: 'V-BROKEN', NAME1: null, BANK: { ACCOUNT_NUMBER: ACCOUNT_OLD, ROUTING_NUMBER: '021000022' } });
    await send(topics.purchasingSuppliers, PURCHASING_ID, purchasingSupplier);

    const [dead] = await eventually('a dead letter', deadLetters, (records) => records.length >= 1);
    expect(dead?.key).toBe('V-BROKEN');
    expect(dead?.code).toBe('INVALID_INPUT');
    expect(dead?.message).toMatch(/NAME1/);
    expect(dead?.message).toMatch(/BANK\.ROUTING_NUMBER/);

    const synced = await eventually('SupplierSynced from both sources', canonical, (events) => new Set(events.map((e) => (e.value as SupplierSynced).envelope.sourceSystem)).size >= 2);
    const supplierIds = new Set(synced.map((e) => (e.value as SupplierSynced).supplierId));
    expect(supplierIds.size).toBe(1);
    const [supplierId] = [...supplierIds] as [string];
    // The canonical id is the network supplier number of the record that created the supplier.
    expect([VENDOR, PURCHASING_ID]).toContain(supplierId);
    const merged = await eventually('the merged supplier', () => lookup.find(supplierId), (view) => view?.sourceRecords.purchasing === PURCHASING_ID);
    expect(merged).toMatchObject({ status: 'ACTIVE', hold: null, sourceRecords: { erp: VENDOR, purchasing: PURCHASING_ID } });
    const last = synced.at(-1)?.value as SupplierSynced;
    expect(last.supplier).toMatchObject({ legalName: 'Acme Medical Supply, Inc.', tradingName: 'Acme Orthopaedics', dunsNumber: '150483782' });
    expect(last.supplier.taxId.maskedValue).toBe('*****6789');

    // The ERP lacked the purchasing trading name: one vendor upsert, never repeated.
    const upserts = await eventually('the vendor upsert', () => sandbox.ledger({ kind: 'VENDOR_UPSERT', subjectId: supplierId }), (entries) => entries.length >= 1);
    expect(upserts).toHaveLength(1);
    expect(upserts[0]?.record).toMatchObject({ tradingName: 'Acme Orthopaedics', status: 'ACTIVE' });
    expect(upserts[0]?.idempotencyKey).toMatch(new RegExp(`^vendor:${supplierId}:`));
    // Purchasing lacked the ERP's supplier when it was created: a push keyed by the supplier id.
    const pushes = await eventually('the push to purchasing', () => readTopicToEnd(kafka, topics.purchasingTarget), (records) => records.length >= 1);
    expect(pushes.every((r) => r.key?.toString() === supplierId)).toBe(true);

    // 2. A bank-details change: SupplierBankDetailsChanged, payments held.
    await send(topics.erpVendors, VENDOR, erpVendor(ACCOUNT_NEW, '2026-02-01T10:00:00Z'));
    const afterChange = await eventually('SupplierBankDetailsChanged', canonical, (events) => events.some((e) => e.eventType === 'SupplierBankDetailsChanged'));
    const change = afterChange.find((e) => e.eventType === 'SupplierBankDetailsChanged')?.value as SupplierBankDetailsChanged;
    expect(change).toMatchObject({ supplierId, paymentsHeld: true, previousBankAccount: { maskedNumber: '****7788' }, newBankAccount: { maskedNumber: '****6655' } });
    const held = await eventually('the payment hold', () => lookup.find(supplierId), (view) => view?.hold !== null);
    expect(held?.status).toBe('ON_HOLD');
    expect(held?.hold?.changeId).toBe(change.envelope.eventId);

    // 3. Confirmation: a wrong change id is refused; the right one releases the hold.
    expect(await bankDetails.confirm({ supplierId, changeId: 'not-the-change', confirmedBy: 'ap.lead@demo' })).toMatchObject({ kind: 'refused', reason: 'STALE_CONFIRMATION' });
    expect(await bankDetails.confirm({ supplierId, changeId: change.envelope.eventId, confirmedBy: 'ap.lead@demo' })).toMatchObject({ kind: 'released', status: 'ACTIVE' });
    const released = await eventually('the release on p2p.supplier.v1', canonical, (events) => (events.at(-1)?.value as SupplierSynced | undefined)?.envelope.sourceSystem === 'procurelink');
    expect((released.at(-1)?.value as SupplierSynced).supplier.status).toBe('ACTIVE');
    expect(await lookup.find(supplierId)).toMatchObject({ hold: null, status: 'ACTIVE', lastHoldRelease: { confirmedBy: 'ap.lead@demo' } });
    expect(await bankDetails.confirm({ supplierId, changeId: change.envelope.eventId, confirmedBy: 'ap.lead@demo' })).toMatchObject({ kind: 'refused', reason: 'NOT_ON_HOLD' });

    // 4. No clear account number or tax id in published records, Redis, dead-letter headers or the ERP.
    const published: InboundRecord[] = [...(await readTopicToEnd(kafka, topics.canonical)), ...(await readTopicToEnd(kafka, topics.purchasingTarget))];
    for (const record of published) {
      expectNoClearValue(`${record.topic}@${record.offset}`, record.value ?? Buffer.alloc(0));
      expectNoClearValue(`${record.topic}@${record.offset} headers`, JSON.stringify(record.headers));
    }
    for (const record of await deadLetters()) expectNoClearValue('dead-letter headers', JSON.stringify(record.headers));
    const keys = await scanRedisKeys(redis, `p2p:supplier-sync:v1:${prefix}*`);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expectNoClearValue('a Redis key', key);
      const type = await redis.type(key);
      const value = type === 'set' ? (await redis.smembers(key)).join('\n') : ((await redis.get(key)) ?? '');
      expectNoClearValue(`Redis ${key}`, value);
    }
    expectNoClearValue('the ERP ledger', JSON.stringify(await sandbox.ledger({ subjectId: supplierId })));
    // The search can fail: the raw source records do hold the clear values.
    expect(() => expectNoClearValue('a source record', JSON.stringify(erpVendor(ACCOUNT_NEW, 'x')))).toThrow();

    // 5. Rebuild from p2p.supplier.v1 gives the same supplier, revision and (released) hold.
    const before = await lookup.find(supplierId);
    const report = await rebuildSuppliers(await readTopicToEnd(kafka, topics.canonical), canonicalDecoder(), new RedisSupplierStore(redis, prefix));
    expect(report).toMatchObject({ suppliers: 1, onHold: 0, skipped: [] });
    const after = await lookup.find(supplierId);
    expect(after).toMatchObject({ status: before?.status, revision: before?.revision, hold: null, sourceRecords: { erp: VENDOR, purchasing: PURCHASING_ID } });
  });
});
