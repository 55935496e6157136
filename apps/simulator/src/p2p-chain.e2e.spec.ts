import { Decimal } from '@procurelink/canonical-schemas';
import { createKafka } from '@procurelink/messaging';
import { buildAppsIfNeeded, eventually, readCanonicalEvents, readDeadLetters, serviceEnv, stackEndpoints, startErpSandbox, startService, type ErpLedgerEntry, type ErpSandboxHandle, type ServiceProcess } from '@procurelink/test-support';
import { BUYERS, ITEMS, SUPPLIERS, type Buyer, type DemoSupplier } from './day/network';
import { apInvoiceRecord, type PlannedInvoice } from './day/invoice-records';
import { erpPaymentRecord, type PayableInvoice } from './day/payment-records';
import { goodsReceiptRecord, purchasingPoRecord } from './day/po-records';
import type { PlannedPo } from './day/purchase-orders';
import { SOURCE_TOPICS } from './day/source-topics';
import { erpVendorRecord, purchasingSupplierRecord } from './day/supplier-records';
import { KafkaSourceWriter } from './infra/kafka-source-writer';

/**
 * The whole procure-to-pay chain on the real stack: the four services as processes, the ERP
 * sandbox, Kafka, the registry and Redis. Supplier → PO → receipt → invoice → payment, plus a
 * duplicate invoice, a price variance, an invoice before its receipt, a minute-long ERP outage
 * and poison records — then the ERP ledger must hold every expected posting exactly once and
 * nothing else.
 */
const SERVICES = ['supplier-sync', 'po-sync', 'invoice-sync', 'payment-status'] as const;
const run = Date.now().toString(36);
const prefix = `e2e-${run}.`;
const n = 200_000 + (Date.now() % 700_000);
const endpoints = stackEndpoints();
const kafka = createKafka({ clientId: 'p2p-chain-e2e', brokers: endpoints.kafkaBrokers });

let erp: ErpSandboxHandle;
let services: ServiceProcess[] = [];
let writer: KafkaSourceWriter;

const supplierA = SUPPLIERS[0] as DemoSupplier;
const supplierB = SUPPLIERS[1] as DemoSupplier;
const buyer = (facilityId: string): Buyer => BUYERS.find((b) => b.facilityId === facilityId) as Buyer;
function po(suffix: string, supplier: DemoSupplier, facilityId: string, lines: ReadonlyArray<readonly [string, number]>): PlannedPo {
  const b = buyer(facilityId);
  return {
    poNumber: `PO-${n}${suffix}`,
    revision: 1,
    supplier,
    buyer: b,
    orderDate: '2026-11-24',
    lines: lines.map(([itemId, quantity], i) => {
      const item = ITEMS.find((candidate) => candidate.itemId === itemId);
      if (!item) throw new Error(itemId);
      return { lineNumber: i + 1, item, quantity: Decimal.parse(String(quantity)), unitPrice: Decimal.parse(item.unitPrice), buyer: b };
    }),
  };
}
const invoice = (order: PlannedPo, id: string, priceFactor = '1'): PlannedInvoice => ({
  invoiceId: `INV-${n}-${id}`,
  supplierInvoiceNumber: `SI-${n}-${id}`,
  po: order,
  invoiceDate: '2026-11-24',
  priceFactor,
});

const poA = po('1', supplierA, 'FAC-NORTH', [['ITM-GLOVE-NITRILE-M', 40], ['ITM-SYRINGE-10ML', 500]]);
const poB = po('2', supplierA, 'FAC-SOUTH', [['ITM-GLOVE-NITRILE-M', 10]]);
const poC = po('3', supplierB, 'FAC-NORTH', [['ITM-HIP-IMPLANT-52', 1]]);
const poD = po('4', supplierA, 'FAC-CLINIC-EAST', [['ITM-SYRINGE-10ML', 200]]);
const invA = invoice(poA, 'A');
const invAgain = { ...invA, invoiceId: `INV-${n}-A-RESCAN` };
const invB = invoice(poB, 'B', '1.12');
const invC = invoice(poC, 'C');
const invD = invoice(poD, 'D');

const started = Date.now();
// Source timestamps near the real clock, in order: an invoice's receipt wait runs from its capture time.
const at = (minute: number): Date => new Date(started + minute * 100);
async function send(topic: string, key: string, value: object | string): Promise<void> {
  await writer.write({ topic: `${prefix}${topic}`, key, value: typeof value === 'string' ? value : JSON.stringify(value) });
}

/** The last lines of every service, for the message of a wait that fails. */
const serviceOutput = () => services.map((s) => `--- ${s.name}\n${s.output().slice(-1500)}`).join('\n');
const posted = (kind: ErpLedgerEntry['kind'], subjectId: string, count = 1) =>
  eventually(`${count} ${kind} posting(s) for ${subjectId}`, () => erp.ledger({ kind, subjectId }), (entries) => entries.length >= count, {
    timeoutMs: 60_000,
    intervalMs: 500,
    context: serviceOutput,
  });

async function canonical(topic: string): Promise<Array<{ eventType: string; value: Record<string, unknown> }>> {
  return (await readCanonicalEvents(kafka, `${prefix}${topic}`)) as Array<{ eventType: string; value: Record<string, unknown> }>;
}
const deadLetters = (service: string) => readDeadLetters(kafka, `${prefix}procurelink.${service}.dlt`);

beforeAll(async () => {
  buildAppsIfNeeded([...SERVICES]);
  erp = await startErpSandbox();
  const env = {
    ...serviceEnv(prefix, erp.baseUrl, endpoints),
    ERP_TIMEOUT_MS: '3000',
    // An ERP outage of a minute is ridden out by the retry topics: 1+2+5+10+20+40+60 s.
    RETRY_DELAYS_MS: '1000,2000,5000,10000,20000,40000,60000',
    INVOICE_RECEIPT_WAIT_SECONDS: '600',
    INVOICE_RECEIPT_WAIT_SWEEP_MS: '1000',
    LOG_LEVEL: 'info',
  };
  services = SERVICES.map((name) => startService(name, env));
  await Promise.all(services.map((service) => service.port(60_000)));
  writer = await KafkaSourceWriter.connect(endpoints.kafkaBrokers, Object.values(SOURCE_TOPICS).map((t) => `${prefix}${t}`));
}, 240_000);

afterAll(async () => {
  await writer?.close();
  const codes = await Promise.all(services.map((service) => service.stop()));
  await erp?.stop();
  expect(codes).toEqual(SERVICES.map(() => 0));
}, 60_000);

describe('the procure-to-pay chain on the real stack', () => {
  it('posts every expected document to the ERP exactly once, through a duplicate, a variance, an early invoice, an outage and poison records', async () => {
    // Suppliers from the ERP vendor master and the purchasing platform.
    await send(SOURCE_TOPICS.erpVendor, supplierA.supplierId, erpVendorRecord(supplierA, at(0)));
    await send(SOURCE_TOPICS.erpVendor, supplierB.supplierId, erpVendorRecord(supplierB, at(0)));
    await send(SOURCE_TOPICS.purchasingSupplier, supplierA.supplierId, purchasingSupplierRecord(supplierA, at(1)));

    // Purchase orders, encumbered in the ERP; receipts for A and B (not C: its invoice comes first).
    for (const order of [poA, poB, poC]) await send(SOURCE_TOPICS.purchaseOrder, order.poNumber, purchasingPoRecord(order, 'APPROVED', at(5)));
    for (const order of [poA, poB, poC]) await posted('ENCUMBRANCE', order.poNumber, order.lines.length);
    for (const order of [poA, poB]) await send(SOURCE_TOPICS.goodsReceipt, order.poNumber, goodsReceiptRecord(order, `GR-${order.poNumber}`, at(30)));

    // Poison: a truncated invoice and a PO with money as a JSON number.
    await send(SOURCE_TOPICS.apInvoice, `INV-${n}-BROKEN`, '{"invoiceId": "INV-BROKEN", "total": 12.5, ');
    await send(SOURCE_TOPICS.purchaseOrder, `PO-${n}9`, { action: 'APPROVED', poNumber: `PO-${n}9`, revision: 1, totalAmount: 99.5 });

    // Give invoice-sync time to see the receipts, then the invoices: a match, its re-scan, a variance, an early one.
    await new Promise((r) => setTimeout(r, 3000));
    await send(SOURCE_TOPICS.apInvoice, invA.invoiceId, apInvoiceRecord(invA, at(60)));
    await send(SOURCE_TOPICS.apInvoice, invB.invoiceId, apInvoiceRecord(invB, at(61)));
    await send(SOURCE_TOPICS.apInvoice, invC.invoiceId, apInvoiceRecord(invC, at(62)));
    const [apA] = await posted('AP_INVOICE', invA.invoiceId);
    await send(SOURCE_TOPICS.apInvoice, invAgain.invoiceId, apInvoiceRecord(invAgain, at(90)));

    // C's goods arrive: the waiting invoice is matched and posted.
    await send(SOURCE_TOPICS.goodsReceipt, poC.poNumber, goodsReceiptRecord(poC, `GR-${poC.poNumber}`, at(95)));
    await posted('AP_INVOICE', invC.invoiceId);

    // The ERP pays A: scheduled, then completed.
    const payable: PayableInvoice = { invoiceId: invA.invoiceId, supplierId: supplierA.supplierId, facilityId: 'FAC-NORTH', amount: apA?.amount ?? '', currency: 'USD', poNumber: poA.poNumber };
    await send(SOURCE_TOPICS.erpPayment, `PAY-${n}-A`, erpPaymentRecord(`PAY-${n}-A`, payable, { status: 'SCHEDULED', scheduledDate: '2026-11-25' }, at(120)));
    await posted('PAYMENT_STATUS', `PAY-${n}-A`, 1);
    await send(SOURCE_TOPICS.erpPayment, `PAY-${n}-A`, erpPaymentRecord(`PAY-${n}-A`, payable, { status: 'COMPLETED', bankReference: 'ACH-1' }, at(180)));
    await posted('PAYMENT_STATUS', `PAY-${n}-A`, 2);

    // A minute-long ERP outage while D goes through the whole chain: posted once after recovery.
    await erp.setFault({ mode: 'fail', status: 503, durationMs: 60_000 });
    const outageEnds = Date.now() + 60_000;
    await send(SOURCE_TOPICS.purchaseOrder, poD.poNumber, purchasingPoRecord(poD, 'APPROVED', at(200)));
    await new Promise((r) => setTimeout(r, 5000));
    await send(SOURCE_TOPICS.goodsReceipt, poD.poNumber, goodsReceiptRecord(poD, `GR-${poD.poNumber}`, at(210)));
    await new Promise((r) => setTimeout(r, 5000));
    await send(SOURCE_TOPICS.apInvoice, invD.invoiceId, apInvoiceRecord(invD, at(220)));
    expect(await erp.ledger({ subjectId: poD.poNumber })).toEqual([]);
    await new Promise((r) => setTimeout(r, Math.max(0, outageEnds - Date.now())));
    await eventually(
      'D encumbered and invoiced after the outage',
      () => Promise.all([erp.ledger({ kind: 'ENCUMBRANCE', subjectId: poD.poNumber }), erp.ledger({ kind: 'AP_INVOICE', subjectId: invD.invoiceId })]),
      ([enc, ap]) => enc.length === 1 && ap.length === 1,
      { timeoutMs: 150_000, intervalMs: 500, context: serviceOutput },
    );

    // Let late duplicates (if any) arrive before judging the ledger.
    await new Promise((r) => setTimeout(r, 5000));
    const ledger = await erp.ledger();
    const keysOf = (kind: ErpLedgerEntry['kind']) => ledger.filter((e) => e.kind === kind).map((e) => e.businessKey).sort();
    const encumbered = (order: PlannedPo) => order.lines.map((line) => `${order.poNumber}/1/${line.lineNumber}/ENCUMBER`);
    expect(keysOf('ENCUMBRANCE')).toEqual([poA, poB, poC, poD].flatMap(encumbered).sort());
    expect(keysOf('AP_INVOICE')).toEqual([invA.invoiceId, invC.invoiceId, invD.invoiceId].sort());
    expect(keysOf('PAYMENT_STATUS')).toEqual([`PAY-${n}-A/COMPLETED`, `PAY-${n}-A/SCHEDULED`]);
    const vendorKeys = ledger.filter((e) => e.kind === 'VENDOR_UPSERT').map((e) => e.idempotencyKey);
    expect(new Set(vendorKeys).size).toBe(vendorKeys.length);
    expect(ledger.filter((e) => e.kind === 'VENDOR_UPSERT').every((e) => [supplierA.supplierId, supplierB.supplierId].includes(e.subjectId))).toBe(true);

    // The business outcomes are canonical events.
    const invoiceEvents = await canonical('p2p.invoice.v1');
    const exceptions = invoiceEvents.filter((e) => e.eventType === 'InvoiceException').map((e) => [e.value['invoiceId'], e.value['reason']]);
    expect(exceptions).toEqual(expect.arrayContaining([[invB.invoiceId, 'PRICE_VARIANCE'], [invAgain.invoiceId, 'DUPLICATE']]));
    const postedEvents = invoiceEvents.filter((e) => e.eventType === 'InvoicePosted').map((e) => e.value['invoiceId']);
    expect(new Set(postedEvents)).toEqual(new Set([invA.invoiceId, invC.invoiceId, invD.invoiceId]));

    // Poison records are on the dead-letter topics with their reasons, not lost.
    const invoiceDlt = await deadLetters('invoice-sync');
    expect(invoiceDlt.map((r) => [r.key, r.code])).toContainEqual([`INV-${n}-BROKEN`, 'INVALID_INPUT']);
    const poDlt = await deadLetters('po-sync');
    expect(poDlt.map((r) => [r.key, r.code])).toContainEqual([`PO-${n}9`, 'INVALID_INPUT']);
  }, 420_000);
});
