import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CanonicalCodec, Decimal, envelopeFor, type CanonicalEventMap, type CanonicalEventType, type Item } from '@procurelink/canonical-schemas';
import { createKafka } from '@procurelink/messaging';
import { deletePrefixedTopics, deleteRedisKeys, eventually, produceCanonical, produceJson, readCanonicalEvents, readDeadLetters, serviceEnv, stackEndpoints, startErpSandbox, uniquePrefix, type ErpSandboxHandle } from '@procurelink/test-support';
import { Redis } from 'ioredis';
import type { Producer } from 'kafkajs';
import { parseInvoiceSyncConfig, type InvoiceSyncConfig } from './config/invoice-sync-config';
import { invoiceSyncKeyBase, RedisInvoiceSyncStore } from './invoice-received/infra/redis-invoice-sync-store';
import { InvoiceSyncModule } from './invoice-sync.module';
import { invoiceSyncTopics } from './invoice-sync.topics';
import { rebuildInvoiceSyncState } from './rebuild/rebuild-invoice-sync';

jest.setTimeout(90_000);

const run = Date.now();
const prefix = uniquePrefix('invsync');
const topics = invoiceSyncTopics(prefix);
const dlt = `${topics.group}.dlt`;
const stack = stackEndpoints();
const kafka = createKafka({ clientId: `invoice-sync-int-${run}`, brokers: stack.kafkaBrokers });
const SUPPLIER = `SUP-${run}`;
const WAIT_SECONDS = 30;
const FACILITY = 'FAC-NORTH';

const d = Decimal.parse;
const usd = (amount: string) => ({ amount: d(amount), currency: 'USD' });
const item = (n: number): Item => ({
  itemId: `ITM-${n}`,
  description: `Item ${n}`,
  gtin: null,
  unspsc: null,
  manufacturerName: null,
  manufacturerPartNumber: null,
  supplierPartNumber: null,
  unitOfMeasure: 'EA',
});
const address = { line1: '1 Main St', line2: null, city: 'Springfield', region: null, postalCode: '12345', country: 'US' };
const envelope = (eventType: CanonicalEventType, id: string) =>
  envelopeFor({
    eventType,
    idParts: ['int', run, id],
    occurredAt: new Date(),
    sourceSystem: 'int-test',
    sourceRecordId: id,
    correlationId: `corr-${id}`,
    facilityId: FACILITY,
    tenant: 'demo-health',
  });

/** A PO of SUPPLIER with lines [quantity, unit price]. */
function purchaseOrderApproved(poNumber: string, lines: Array<[string, string]>): CanonicalEventMap['PurchaseOrderApproved'] {
  const poLines = lines.map(([quantity, price], i) => ({
    lineNumber: i + 1,
    item: item(i + 1),
    quantity: d(quantity),
    unitPrice: usd(price),
    lineAmount: usd(d(quantity).multiply(d(price)).toString()),
    department: { departmentId: 'DEP-ICU', name: 'ICU', facilityId: FACILITY },
    costCentre: { code: 'CC-4100', name: 'ICU' },
    glAccount: { accountNumber: '6100', name: 'Supplies' },
    requestedDeliveryDate: null,
  }));
  const total = poLines.reduce((sum, line) => sum.add(line.lineAmount.amount), Decimal.zero());
  return {
    envelope: envelope('PurchaseOrderApproved', poNumber),
    poNumber,
    revision: 0,
    supplierId: SUPPLIER,
    orderDate: '2026-03-01',
    approvedAt: new Date(),
    shipTo: { facilityId: FACILITY, name: 'North', legalEntity: 'Health North', address },
    lines: poLines,
    totalAmount: { amount: total, currency: 'USD' },
  };
}

function goodsReceived(poNumber: string, receiptId: string, quantities: string[]): CanonicalEventMap['GoodsReceived'] {
  return {
    envelope: envelope('GoodsReceived', receiptId),
    poNumber,
    receiptId,
    receivedAt: new Date(),
    receivingLocation: null,
    lines: quantities.map((quantity, i) => ({
      receiptLineNumber: i + 1,
      poLineNumber: i + 1,
      item: item(i + 1),
      quantity: d(quantity),
      lotNumber: null,
      expiryDate: null,
      serialNumber: null,
      udi: null,
    })),
  };
}

const supplierSynced: CanonicalEventMap['SupplierSynced'] = {
  envelope: envelope('SupplierSynced', SUPPLIER),
  supplierId: SUPPLIER,
  supplier: {
    legalName: 'Medline Test',
    tradingName: null,
    taxId: { token: 'tok_tax_1', maskedValue: '*****6789', issuingCountry: 'US' },
    dunsNumber: null,
    status: 'ACTIVE',
    addresses: [address],
    remitTo: address,
    paymentTerms: { code: 'NET30', netDays: 30, discountPercent: null, discountDays: null },
    bankAccount: null,
  },
};

/** An AP automation invoice (SOURCE.md) with lines [quantity, unit price] on PO lines 1.., 8 % tax. */
function apInvoice(invoiceId: string, number: string, poNumber: string, lines: Array<[string, string]>, extra: object = {}) {
  const amounts = lines.map(([quantity, price]) => d(quantity).multiply(d(price)).roundHalfEven(2));
  const subtotal = amounts.reduce((sum, a) => sum.add(a), Decimal.zero());
  const tax = subtotal.multiply(d('0.08')).roundHalfEven(2);
  return {
    invoiceId,
    supplierId: SUPPLIER,
    supplierInvoiceNumber: number,
    invoiceDate: '2026-03-05',
    dueDate: '2026-04-04',
    facilityId: FACILITY,
    poNumber,
    currency: 'USD',
    capturedAt: new Date().toISOString(),
    lines: lines.map(([quantity, price], i) => ({
      lineNumber: i + 1,
      poLineNumber: i + 1,
      description: `Item ${i + 1}`,
      quantity,
      unitPrice: price,
      lineAmount: amounts[i]?.toString(),
    })),
    subtotal: subtotal.toString(),
    taxAmount: tax.toString(),
    total: subtotal.add(tax).toString(),
    ...extra,
  };
}

describe('invoice-sync on the real stack', () => {
  let sandbox: ErpSandboxHandle;
  let app: INestApplicationContext;
  let producer: Producer;
  let redis: Redis;
  let store: RedisInvoiceSyncStore;
  let codec: CanonicalCodec;
  let config: InvoiceSyncConfig;

  const sendJson = (key: string, value: unknown) => produceJson(producer, topics.apInvoices, key, value);
  const sendCanonical = <T extends CanonicalEventType>(eventType: T, event: CanonicalEventMap[T]) => produceCanonical(producer, codec, eventType, event);
  const postings = () => sandbox.ledger({ kind: 'AP_INVOICE' });
  const eventsOf = async (invoiceId: string) =>
    (await readCanonicalEvents(kafka, topics.invoices))
      .filter((e) => (e.value as { invoiceId: string }).invoiceId === invoiceId)
      .map((e) => ({ type: e.eventType, value: e.value as Record<string, unknown> }));
  const deadLetters = () => readDeadLetters(kafka, dlt);
  /** A PO's receipts and what invoices billed on it, as a decision reads them (no invoice of its own). */
  const poReads = (poNumber: string) =>
    store.decisionInputs({ poNumber, invoiceId: 'none', supplierId: 'none', businessKey: 'none', invoiceDate: '2026-01-01', windowDays: 0, total: { amount: Decimal.parse('0'), currency: 'USD' } });
  /** A PO known to invoice-sync, with its receipt when quantities are given. */
  const knownPurchaseOrder = async (poNumber: string, lines: Array<[string, string]>, received?: string[]) => {
    await sendCanonical('PurchaseOrderApproved', purchaseOrderApproved(poNumber, lines));
    if (received) await sendCanonical('GoodsReceived', goodsReceived(poNumber, `RCV-${poNumber}`, received));
    await eventually('the PO view and its receipts', async () => [await store.purchaseOrder(poNumber), (await poReads(poNumber)).receipts] as const, ([po, receipts]) => po !== null && receipts.length === (received ? 1 : 0));
  };

  beforeAll(async () => {
    sandbox = await startErpSandbox();
    config = parseInvoiceSyncConfig({
      ...serviceEnv(prefix, sandbox.baseUrl),
      RETRY_DELAYS_MS: '500,1000',
      INVOICE_RECEIPT_WAIT_SECONDS: String(WAIT_SECONDS),
      INVOICE_RECEIPT_WAIT_SWEEP_MS: '300',
    });
    app = await NestFactory.createApplicationContext(InvoiceSyncModule.forRoot(config), { logger: false });
    await app.init();
    codec = await CanonicalCodec.register(stack.schemaRegistryUrl, { topicPrefix: prefix });
    producer = kafka.producer();
    await producer.connect();
    redis = new Redis(stack.redisUrl);
    store = new RedisInvoiceSyncStore(redis, prefix);
    await sendCanonical('SupplierSynced', supplierSynced);
    await eventually('the active supplier', () => store.supplier(SUPPLIER), (standing) => standing?.status === 'ACTIVE');
  });

  afterAll(async () => {
    await app?.close();
    await producer?.disconnect();
    await sandbox?.stop();
    if (redis) {
      await deleteRedisKeys(redis, [`${invoiceSyncKeyBase(prefix)}*`, `*${topics.group}*`]);
      await redis.quit();
    }
    await deletePrefixedTopics(kafka, prefix);
  });

  it('when an invoice matches its PO and receipt › posts it to ERP AP once and publishes Received, Matched and Posted with the document number', async () => {
    await knownPurchaseOrder('PO-A', [['10', '12.50'], ['2', '100.00']], ['10', '2']);
    await sendJson('AP-1', apInvoice('AP-1', 'INV-1001', 'PO-A', [['10', '12.50'], ['2', '100.00']]));

    const [posting] = await eventually('the ERP posting', postings, (entries) => entries.length >= 1);
    expect(posting).toMatchObject({ kind: 'AP_INVOICE', subjectId: 'AP-1', amount: '351.00', currency: 'USD' });
    expect(posting?.idempotencyKey).toBe(`invoice:${SUPPLIER}:INV1001:351:USD`);
    const events = await eventually('three events of AP-1', () => eventsOf('AP-1'), (list) => list.length >= 3);
    expect(events.map((e) => e.type)).toEqual(['InvoiceReceived', 'InvoiceMatched', 'InvoicePosted']);
    expect(events[2]?.value['erpDocumentNumber']).toBe(posting?.documentNumber);
    expect((await store.invoice('AP-1'))?.status).toBe('posted');
    expect((await poReads('PO-A')).alreadyInvoiced.map((q) => [q.poLineNumber, q.quantity.toString()]).sort()).toEqual([
      [1, '10'],
      [2, '2'],
    ]);
  });

  it('when the same invoice arrives again under a new invoice id › raises a DUPLICATE exception and posts nothing more', async () => {
    await eventually('AP-1 posted', () => store.invoice('AP-1'), (record) => record?.status === 'posted');
    await sendJson('AP-2', apInvoice('AP-2', 'inv 1001', 'PO-A', [['10', '12.50'], ['2', '100.00']]));

    const events = await eventually('two events of AP-2', () => eventsOf('AP-2'), (list) => list.length >= 2);
    expect(events.map((e) => [e.type, e.value['reason'] ?? null, e.value['duplicateOfInvoiceId'] ?? null])).toEqual([
      ['InvoiceReceived', null, null],
      ['InvoiceException', 'DUPLICATE', 'AP-1'],
    ]);
    expect(await postings()).toHaveLength(1);
  });

  it('when an invoice exceeds the price tolerance › raises a PRICE_VARIANCE exception and posts nothing', async () => {
    await knownPurchaseOrder('PO-B', [['4', '50.00']], ['4']);
    await sendJson('AP-3', apInvoice('AP-3', 'INV-2001', 'PO-B', [['4', '52.00']])); // 4 % above, tolerance 2 %

    const events = await eventually('two events of AP-3', () => eventsOf('AP-3'), (list) => list.length >= 2);
    expect(events.map((e) => [e.type, e.value['reason'] ?? null])).toEqual([
      ['InvoiceReceived', null],
      ['InvoiceException', 'PRICE_VARIANCE'],
    ]);
    expect((events[1]?.value['varianceAmount'] as { amount: Decimal }).amount.toString()).toBe('8.0000');
    expect((await postings()).map((p) => p.subjectId)).toEqual(['AP-1']);
  });

  it('when an invoice arrives before its receipt › waits, then posts once when the GoodsReceived comes', async () => {
    await knownPurchaseOrder('PO-C', [['5', '20.00']]);
    await sendJson('AP-4', apInvoice('AP-4', 'INV-3001', 'PO-C', [['5', '20.00']]));

    const waiting = await eventually('AP-4 waiting', () => store.waiting('AP-4'), (entry) => entry !== null);
    expect(waiting?.poNumber).toBe('PO-C');
    expect((await eventsOf('AP-4')).map((e) => e.type)).toEqual(['InvoiceReceived']);
    expect((await postings()).map((p) => p.subjectId)).not.toContain('AP-4');

    await sendCanonical('GoodsReceived', goodsReceived('PO-C', 'RCV-PO-C', ['5']));
    await eventually('the posting of AP-4', postings, (entries) => entries.some((p) => p.subjectId === 'AP-4'));
    const events = await eventually('three events of AP-4', () => eventsOf('AP-4'), (list) => list.length >= 3);
    expect(events.map((e) => e.type)).toEqual(['InvoiceReceived', 'InvoiceMatched', 'InvoicePosted']);
    expect(await store.waiting('AP-4')).toBeNull();
    await new Promise((wait) => setTimeout(wait, 1000)); // the sweeper must not post it again
    expect((await postings()).filter((p) => p.subjectId === 'AP-4')).toHaveLength(1);
  });

  it('when a malformed record arrives › dead-letters it with the field path and later invoices still flow; a wait that expires › NO_RECEIPT', async () => {
    await knownPurchaseOrder('PO-D', [['3', '9.00']]);
    await sendJson('AP-BAD', { ...apInvoice('AP-BAD', 'INV-BAD', 'PO-D', [['3', '9.00']]), total: 29.16 });
    // Captured long enough ago that its wait ends within a couple of seconds.
    const capturedAt = new Date(Date.now() - (WAIT_SECONDS - 2) * 1000).toISOString();
    await sendJson('AP-5', apInvoice('AP-5', 'INV-4001', 'PO-D', [['3', '9.00']], { capturedAt }));

    const dead = await eventually('a dead letter', deadLetters, (letters) => letters.length >= 1);
    expect(dead).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', key: 'AP-BAD' })]);
    expect(dead[0]?.message).toContain('total must be a decimal string');

    const events = await eventually('two events of AP-5', () => eventsOf('AP-5'), (list) => list.length >= 2, 15_000);
    expect(events.map((e) => [e.type, e.value['reason'] ?? null])).toEqual([
      ['InvoiceReceived', null],
      ['InvoiceException', 'NO_RECEIPT'],
    ]);
    expect(await store.waiting('AP-5')).toBeNull();
    expect((await postings()).map((p) => p.subjectId).sort()).toEqual(['AP-1', 'AP-4']);
  });

  it('when the state is rebuilt from the canonical topics › the same invoices, PO views, receipts and invoiced quantities', async () => {
    const snapshot = async () => ({
      invoices: await Promise.all(['AP-1', 'AP-2', 'AP-3', 'AP-4', 'AP-5'].map(async (id) => (await store.invoice(id))?.status ?? null)),
      documents: [(await store.invoice('AP-1'))?.erpDocumentNumber, (await store.invoice('AP-4'))?.erpDocumentNumber],
      po: (await store.purchaseOrder('PO-C'))?.status,
      receipts: (await poReads('PO-C')).receipts.map((r) => r.receiptId),
      invoiced: (await poReads('PO-A')).alreadyInvoiced.map((q) => `${q.poLineNumber}:${q.quantity.withScale(4).toString()}`).sort(),
      supplier: await store.supplier(SUPPLIER),
      waiting: (await store.listWaiting(100)).length,
    });
    const before = await snapshot();
    expect(before.invoices).toEqual(['posted', 'exception', 'exception', 'posted', 'exception']);
    const report = await rebuildInvoiceSyncState(config);
    expect(report).toMatchObject({ purchaseOrders: 4, receipts: 3, suppliers: 1, invoices: 5, waiting: 0 });
    expect(report.clearedKeys).toBeGreaterThan(0);
    expect(await snapshot()).toEqual(before);
  });
});
