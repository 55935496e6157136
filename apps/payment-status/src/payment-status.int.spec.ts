import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CanonicalCodec, envelopeFor, type SupplierBankDetailsChanged, type SupplierSynced } from '@procurelink/canonical-schemas';
import { createKafka } from '@procurelink/messaging';
import { deletePrefixedTopics, deleteRedisKeys, eventually, produceCanonical, produceJsonRecords, readCanonicalEvents, readDeadLetters, readRecordsWithKey, serviceEnv, stackEndpoints, startErpSandbox, uniquePrefix, type ErpSandboxHandle } from '@procurelink/test-support';
import { Redis } from 'ioredis';
import type { Kafka, Producer } from 'kafkajs';
import { parsePaymentStatusConfig, type PaymentStatusConfig } from './config/payment-status-config';
import { PaymentStatusLookup } from './payment-lifecycle/payment-status-lookup';
import { paymentStatusTopics } from './payment-lifecycle/topics';
import { consumerGroupOf, PaymentStatusModule } from './payment-status.module';
import { rebuildState } from './rebuild/rebuild-state';

jest.setTimeout(60_000);

const stack = stackEndpoints();
const prefix = uniquePrefix('ps');
const topics = paymentStatusTopics(prefix);
const dlt = `${consumerGroupOf(prefix)}.dlt`;
const T0 = Date.parse('2026-03-02T09:00:00.000Z');
const at = (minutes: number): string => new Date(T0 + minutes * 60_000).toISOString();

function erpPayment(paymentId: string, status: string, minutes: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    paymentId,
    status,
    statusAt: at(minutes),
    supplierId: 'SUP-100',
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
  };
}

describe('payment-status on the real stack', () => {
  let sandbox: ErpSandboxHandle;
  let app: INestApplicationContext;
  let kafka: Kafka;
  let producer: Producer;
  let codec: CanonicalCodec;
  let redis: Redis;
  let config: PaymentStatusConfig;

  const sendErp = (...records: Array<Record<string, unknown> | string>) =>
    produceJsonRecords(producer, topics.erpPayment, records.map((r) => ({ key: typeof r === 'string' ? 'BROKEN' : String(r['paymentId']), value: r })));
  const json = async (topic: string, key: string) => (await readRecordsWithKey(kafka, topic, key)).map((r) => JSON.parse(r.value?.toString() ?? 'null'));
  const canonical = async (key: string) => (await readCanonicalEvents(kafka, topics.payment, { key })).map((e) => e.eventType);
  const postings = (paymentId: string) => sandbox.ledger({ kind: 'PAYMENT_STATUS', subjectId: paymentId });
  const publishSupplier = (eventType: 'SupplierSynced' | 'SupplierBankDetailsChanged', value: SupplierSynced | SupplierBankDetailsChanged) =>
    produceCanonical(producer, codec, eventType, value as never);
  const supplierEnvelope = (eventType: 'SupplierSynced' | 'SupplierBankDetailsChanged', supplierId: string, occurredAt: Date) =>
    envelopeFor({
      eventType,
      idParts: [supplierId, occurredAt.toISOString()],
      occurredAt,
      sourceSystem: 'erp',
      sourceRecordId: supplierId,
      correlationId: supplierId,
      facilityId: 'FAC-NORTH',
      tenant: 'demo-health',
    });

  beforeAll(async () => {
    sandbox = await startErpSandbox();
    config = parsePaymentStatusConfig({
      ...serviceEnv(prefix, sandbox.baseUrl),
      RETRY_DELAYS_MS: '300,600',
    });
    app = await NestFactory.createApplicationContext(PaymentStatusModule.forRoot(config), { logger: ['error'], abortOnError: false });
    await app.init();
    kafka = createKafka({ clientId: `payment-status-test-${prefix}`, brokers: stack.kafkaBrokers, logLevel: 'nothing' });
    producer = kafka.producer();
    await producer.connect();
    codec = await CanonicalCodec.register(stack.schemaRegistryUrl, { topicPrefix: prefix });
    redis = new Redis(stack.redisUrl);
  });

  afterAll(async () => {
    await app?.close();
    await producer?.disconnect();
    await sandbox?.stop();
    if (redis) {
      await deleteRedisKeys(redis, [`p2p:payment-status:v1:${prefix}*`]);
      await redis.quit();
    }
    if (kafka) await deletePrefixedTopics(kafka, prefix);
  });

  it('when a payment is scheduled then completed › the ERP gets each status once, purchasing and AP hear it, the canonical events follow', async () => {
    await sendErp(erpPayment('PAY-1', 'SCHEDULED', 0));
    await sendErp(erpPayment('PAY-1', 'COMPLETED', 60, { bankReference: 'TRACE-77' }), erpPayment('PAY-1', 'SCHEDULED', 0));

    const ledger = await eventually('two postings', () => postings('PAY-1'), (e) => e.length >= 2);
    const purchasing = await eventually('two purchasing updates', () => json(topics.purchasingStatus, 'PAY-1'), (m) => m.length >= 2);
    const ap = await eventually('an AP update', () => json(topics.apStatus, 'PAY-1'), (m) => m.length >= 1);
    const events = await eventually('two canonical events', () => canonical('PAY-1'), (e) => e.length >= 2);
    await new Promise((resolve) => setTimeout(resolve, 1500)); // the redelivered schedule must change nothing

    expect((await postings('PAY-1')).map((e) => [e.record['status'], e.idempotencyKey])).toEqual([
      ['SCHEDULED', 'payment:PAY-1:SCHEDULED:1'],
      ['COMPLETED', 'payment:PAY-1:COMPLETED:1'],
    ]);
    expect(ledger[0]?.amount).toBe('1250.5000');
    expect(purchasing.map((m) => m.status)).toEqual(['PAYMENT_SCHEDULED', 'PAID']);
    expect(ap.map((m) => [m.kind, m.status, m.bankReference, m.invoiceIds])).toEqual([
      ['INVOICE_PAYMENT_STATUS', 'PAID', 'TRACE-77', ['PAY-1-INV-1', 'PAY-1-INV-2']],
    ]);
    expect(await json(topics.purchasingStatus, 'PAY-1')).toHaveLength(2);
    expect(await canonical('PAY-1')).toEqual(['PaymentScheduled', 'PaymentCompleted']);
    expect(events).toHaveLength(2);
    const view = await app.get(PaymentStatusLookup).byId('PAY-1');
    expect(view?.record?.status).toBe('COMPLETED');
    expect(view?.record?.completion?.amount.amount.toString()).toBe('1250.5000');
    expect(view?.history.map((h) => [h.outcome, h.to])).toEqual([
      ['APPLIED', 'SCHEDULED'],
      ['APPLIED', 'COMPLETED'],
    ]);
  });

  it('when a completion arrives after the payment was voided › a rejection goes to operations and nothing is posted', async () => {
    await sendErp(erpPayment('PAY-2', 'SCHEDULED', 0), erpPayment('PAY-2', 'VOIDED', 30, { voidReason: 'duplicate payment run' }));
    await sendErp(erpPayment('PAY-2', 'COMPLETED', 90));

    const alerts = await eventually('a rejection', () => json(topics.alerts, 'PAY-2'), (a) => a.length >= 1);
    expect(alerts.map((a) => [a.kind, a.code, a.currentStatus, a.requestedStatus])).toEqual([
      ['PAYMENT_REJECTED', 'INVALID_TRANSITION', 'VOIDED', 'COMPLETED'],
    ]);
    expect(alerts[0].message).toBe('a payment cannot move from VOIDED to COMPLETED');
    expect((await postings('PAY-2')).map((e) => e.record['status'])).toEqual(['SCHEDULED', 'VOIDED']);
    expect(await canonical('PAY-2')).toEqual(['PaymentScheduled', 'PaymentVoided']);
    const view = await app.get(PaymentStatusLookup).byId('PAY-2');
    expect(view?.record?.status).toBe('VOIDED');
    expect(view?.history.at(-1)).toMatchObject({ outcome: 'REJECTED', code: 'INVALID_TRANSITION' });
  });

  it('when the supplier has payments on hold › the schedule is blocked with a notice to AP, and after the release a new schedule goes through', async () => {
    const supplierId = 'SUP-HELD';
    const heldAt = new Date(T0);
    await publishSupplier('SupplierBankDetailsChanged', {
      envelope: supplierEnvelope('SupplierBankDetailsChanged', supplierId, heldAt),
      supplierId,
      previousBankAccount: { token: 'tok_old_account', maskedNumber: '****1111', bankCountry: 'US' },
      newBankAccount: { token: 'tok_new_account', maskedNumber: '****2222', bankCountry: 'US' },
      paymentsHeld: true,
    });
    const lookup = app.get(PaymentStatusLookup);
    await eventually('the hold', () => redis.get(`p2p:payment-status:v1:${prefix}supplier-hold:${supplierId}`), (v) => v !== null);

    await sendErp(erpPayment('PAY-3', 'SCHEDULED', 10, { supplierId }));
    const notices = await eventually('a hold notice', () => json(topics.apStatus, 'PAY-3'), (m) => m.length >= 1);
    expect(notices.map((n) => [n.kind, n.situation, n.holdReason])).toEqual([['SUPPLIER_PAYMENT_HOLD', 'PAYMENT_BLOCKED', 'BANK_DETAILS_UNCONFIRMED']]);
    const alerts = await eventually('a hold rejection', () => json(topics.alerts, 'PAY-3'), (a) => a.length >= 1);
    expect(alerts.map((a) => [a.code, a.surfaceTo])).toEqual([['SUPPLIER_ON_HOLD', ['AP_AUTOMATION']]]);
    expect(await postings('PAY-3')).toEqual([]);
    expect(await json(topics.purchasingStatus, 'PAY-3')).toEqual([]);
    const blocked = await lookup.byId('PAY-3');
    expect(blocked).toMatchObject({ record: null, supplierHold: { reason: 'BANK_DETAILS_UNCONFIRMED' } });

    await publishSupplier('SupplierSynced', {
      envelope: supplierEnvelope('SupplierSynced', supplierId, new Date(T0 + 20 * 60_000)),
      supplierId,
      supplier: {
        legalName: 'Held Medical Supply LLC',
        tradingName: null,
        taxId: { token: 'tok_tax_id_1', maskedValue: '*****6789', issuingCountry: 'US' },
        dunsNumber: null,
        status: 'ACTIVE',
        addresses: [],
        remitTo: { line1: '1 Main St', line2: null, city: 'Springfield', region: 'IL', postalCode: '62701', country: 'US' },
        paymentTerms: { code: 'NET30', netDays: 30, discountPercent: null, discountDays: null },
        bankAccount: { token: 'tok_new_account', maskedNumber: '****2222', bankCountry: 'US' },
      },
    });
    await eventually('the release', async () => (await lookup.byId('PAY-3'))?.supplierHold, (hold) => hold === null);

    await sendErp(erpPayment('PAY-3', 'SCHEDULED', 30, { supplierId }));
    const ledger = await eventually('the posting after the release', () => postings('PAY-3'), (e) => e.length >= 1);
    expect(ledger.map((e) => [e.record['status'], e.idempotencyKey])).toEqual([['SCHEDULED', 'payment:PAY-3:SCHEDULED:1']]);
    const purchasing = await eventually('the purchasing update', () => json(topics.purchasingStatus, 'PAY-3'), (m) => m.length >= 1);
    expect(purchasing.map((m) => m.status)).toEqual(['PAYMENT_SCHEDULED']);
    expect(await canonical('PAY-3')).toEqual(['PaymentScheduled']);
  });

  it('when a record is malformed › it lands on the dead-letter topic with its reason and later records still flow', async () => {
    await sendErp(erpPayment('PAY-4', 'SCHEDULED', 0, { amount: 1250.5 }), 'not json at all', erpPayment('PAY-5', 'SCHEDULED', 0));

    const dead = await eventually('two dead letters', () => readDeadLetters(kafka, dlt), (r) => r.length >= 2);
    const reasons = dead.map((r) => [r.code, r.message]);
    expect(reasons).toEqual(
      expect.arrayContaining([
        ['INVALID_INPUT', expect.stringContaining('amount: must be a decimal string such as "1250.50", not a JSON number')],
        ['INVALID_INPUT', expect.stringContaining('not JSON')],
      ]),
    );
    await eventually('the next payment', () => postings('PAY-5'), (e) => e.length === 1);
    expect(await postings('PAY-4')).toEqual([]);
  });

  it('when the state is rebuilt from the canonical topics › the payments and holds come back as the live flow stored them', async () => {
    const lookup = app.get(PaymentStatusLookup);
    const before = await lookup.byId('PAY-1');
    await redis.del(`p2p:payment-status:v1:${prefix}payment:PAY-1`);
    expect((await lookup.byId('PAY-1'))?.record).toBeNull();

    const counts = await rebuildState(config, redis);

    expect(counts).toMatchObject({ payments: 4, suppliers: 1, paymentEvents: 6, supplierEvents: 2 });
    const after = await lookup.byId('PAY-1');
    expect(JSON.stringify(after?.record)).toBe(JSON.stringify(before?.record));
    expect((await lookup.byId('PAY-2'))?.record?.status).toBe('VOIDED');
    expect((await lookup.byId('PAY-3'))?.supplierHold).toBeNull();
  });
});
