import { CanonicalCodec, Decimal, envelopeFor, type CanonicalEventMap, type CanonicalEventType } from '@procurelink/canonical-schemas';
import { HEADERS } from '@procurelink/messaging';
import type { Message } from 'kafkajs';
import { createTopics } from '../infra.ts';
import type { LegDefinition } from '../search-leg.ts';
import type { Subject } from '../trial.ts';
import { removeInstance, startApp, type ServiceContext } from './service-legs.ts';

/**
 * Leg (d) for invoice-sync: AP invoices against a network of seeded POs, receipts and suppliers
 * (canonical events invoice-sync projects before the load starts). Each invoice bills one line of
 * one of `POS` open, fully received POs at the PO price, with a total of its own (so it is neither
 * an exact nor a near duplicate): parse → duplicate checks → three-way match → ERP AP invoice →
 * InvoiceReceived, InvoiceMatched, InvoicePosted on p2p.invoice.v1 (the first one out counts).
 */
const POS = 2000; // one supplier per PO
const FACILITY = 'FAC-NORTH';
const BASE_DAY = Date.UTC(2026, 2, 5);

const d = Decimal.parse;
const address = { line1: '1 Main St', line2: null, city: 'Springfield', region: null, postalCode: '12345', country: 'US' };
const item = { itemId: 'ITM-GLOVE-NITRILE-M', description: 'Nitrile exam gloves, M', gtin: null, unspsc: null, manufacturerName: null, manufacturerPartNumber: null, supplierPartNumber: null, unitOfMeasure: 'BX' };

function envelope(eventType: CanonicalEventType, id: string) {
  return envelopeFor({ eventType, idParts: ['bench', id], occurredAt: new Date(), sourceSystem: 'bench', sourceRecordId: id, correlationId: `corr-${id}`, facilityId: FACILITY, tenant: 'demo-health' });
}

const supplierOf = (instance: string, k: number) => `SUP-${instance}-${k}`;
const poOf = (instance: string, k: number) => `PO-${instance}-${k}`;

function seedEvents(instance: string, k: number): Array<{ type: CanonicalEventType; event: CanonicalEventMap[CanonicalEventType] }> {
  const supplierId = supplierOf(instance, k);
  const poNumber = poOf(instance, k);
  const supplier: CanonicalEventMap['SupplierSynced'] = {
    envelope: envelope('SupplierSynced', supplierId),
    supplierId,
    supplier: {
      legalName: `Supplier ${k}`,
      tradingName: null,
      taxId: { token: `tok_tax_${k}`, maskedValue: '*****6789', issuingCountry: 'US' },
      dunsNumber: null,
      status: 'ACTIVE',
      addresses: [address],
      remitTo: address,
      paymentTerms: { code: 'NET30', netDays: 30, discountPercent: null, discountDays: null },
      bankAccount: null,
    },
  };
  const quantity = d('10000000');
  const po: CanonicalEventMap['PurchaseOrderApproved'] = {
    envelope: envelope('PurchaseOrderApproved', poNumber),
    poNumber,
    revision: 0,
    supplierId,
    orderDate: '2026-03-01',
    approvedAt: new Date(),
    shipTo: { facilityId: FACILITY, name: 'North', legalEntity: 'Health North', address },
    lines: [
      {
        lineNumber: 1,
        item,
        quantity,
        unitPrice: { amount: d('1.00'), currency: 'USD' },
        lineAmount: { amount: quantity, currency: 'USD' },
        department: { departmentId: 'DEP-NORTH-ICU', name: 'ICU', facilityId: FACILITY },
        costCentre: { code: 'CC-4100', name: 'Critical care supplies' },
        glAccount: { accountNumber: '6100', name: 'Medical and surgical supplies' },
        requestedDeliveryDate: null,
      },
    ],
    totalAmount: { amount: quantity, currency: 'USD' },
  };
  const receipt: CanonicalEventMap['GoodsReceived'] = {
    envelope: envelope('GoodsReceived', `RCV-${poNumber}`),
    poNumber,
    receiptId: `RCV-${poNumber}`,
    receivedAt: new Date(),
    receivingLocation: null,
    lines: [{ receiptLineNumber: 1, poLineNumber: 1, item, quantity, lotNumber: null, expiryDate: null, serialNumber: null, udi: null }],
  };
  return [
    { type: 'SupplierSynced', event: supplier },
    { type: 'PurchaseOrderApproved', event: po },
    { type: 'GoodsReceived', event: receipt },
  ];
}

/** The AP invoice `seq`: PO `seq mod POS`, quantity 1.0000–1.9999 at the PO price 1.00, one day later per POS invoices. */
function invoiceJson(instance: string, invoiceId: string, seq: number): Buffer {
  const k = seq % POS;
  const quantity = `1.${String(seq % 10_000).padStart(4, '0')}`;
  const day = new Date(BASE_DAY + Math.floor(seq / POS) * 86_400_000).toISOString().slice(0, 10);
  return Buffer.from(
    JSON.stringify({
      invoiceId,
      supplierId: supplierOf(instance, k),
      supplierInvoiceNumber: `SI-${seq}`,
      invoiceDate: day,
      facilityId: FACILITY,
      poNumber: poOf(instance, k),
      currency: 'USD',
      capturedAt: new Date().toISOString(),
      lines: [{ lineNumber: 1, poLineNumber: 1, description: 'Nitrile exam gloves, M', quantity, unitPrice: '1.00', lineAmount: quantity }],
      subtotal: quantity,
      taxAmount: '0.00',
      total: quantity,
    }),
  );
}

/** Waits until the group has consumed the seeded canonical topics to their end. */
async function waitUntilSeeded(context: ServiceContext, groupId: string, topics: readonly string[], timeoutMs: number): Promise<void> {
  const admin = context.kafka.admin();
  await admin.connect();
  try {
    const ends = new Map<string, number>();
    for (const topic of topics) ends.set(topic, (await admin.fetchTopicOffsets(topic)).reduce((sum, p) => sum + Number(p.high), 0));
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const committed = await admin.fetchOffsets({ groupId, topics: [...topics] });
      const done = committed.every((t) => t.partitions.reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0) >= (ends.get(t.topic) ?? 0));
      if (done) return;
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error(`invoice-sync did not consume the seeded POs and suppliers within ${timeoutMs} ms`);
  } finally {
    await admin.disconnect();
  }
}

export function invoiceSyncLeg(context: ServiceContext, resetErp: (baseUrl: string) => Promise<void>): LegDefinition {
  return {
    id: '(d) invoice-sync',
    label: 'parse, duplicate checks, three-way match, ERP AP invoice, produce',
    note: `${POS} seeded POs`,
    async start(instance): Promise<Subject> {
      const prefix = `bench-${instance}.`;
      const topics = {
        apInvoices: `${prefix}source.ap.invoice.v1`,
        purchaseOrders: `${prefix}p2p.purchase-order.v1`,
        suppliers: `${prefix}p2p.supplier.v1`,
        invoices: `${prefix}p2p.invoice.v1`,
      };
      await createTopics(context.kafka, Object.values(topics));
      const codec = await CanonicalCodec.register(context.stack.registryUrl, { topicPrefix: prefix });
      const producer = context.kafka.producer({ allowAutoTopicCreation: false });
      await producer.connect();
      try {
        for (let from = 0; from < POS; from += 250) {
          const byTopic = new Map<string, Message[]>();
          for (let k = from; k < Math.min(POS, from + 250); k++) {
            for (const { type, event } of seedEvents(instance, k)) {
              const encoded = codec.encode(type, event);
              const list = byTopic.get(encoded.topic) ?? [];
              list.push({ key: encoded.key, value: encoded.value, headers: { [HEADERS.eventType]: encoded.eventType, [HEADERS.eventId]: encoded.eventId } });
              byTopic.set(encoded.topic, list);
            }
          }
          await producer.sendBatch({ acks: -1, topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })) });
        }
      } finally {
        await producer.disconnect();
      }
      const app = await startApp(context, 'invoice-sync', prefix);
      await waitUntilSeeded(context, `${prefix}procurelink.invoice-sync`, [topics.purchaseOrders, topics.suppliers], 300_000);
      const keyOf = (tag: string, seq: number) => `INV-${tag}-${seq}`;
      return {
        inputTopic: topics.apInvoices,
        outputTopic: topics.invoices,
        workerPids: [app.pid],
        helperPids: [context.erpPid],
        keyOf,
        diagnostics: () => app.output(),
        record: (tag: string, seq: number): Message => {
          const invoiceId = keyOf(tag, seq);
          return { key: invoiceId, value: invoiceJson(instance, invoiceId, seq) };
        },
        stop: () => removeInstance(context, app, prefix),
      };
    },
    betweenTrials: () => resetErp(context.erpBaseUrl),
  };
}
