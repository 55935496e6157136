import { SUPPLIERS, type DemoSupplier } from './network';
import { goodsReceiptRecord, purchasingPoCancelRecord, purchasingPoRecord } from './po-records';
import { planPurchaseOrders, raiseFirstLine, type PlannedPo } from './purchase-orders';
import { apInvoiceRecord, type PlannedInvoice } from './invoice-records';
import { Random } from './random';
import { SOURCE_TOPICS, type SourceTopic } from './source-topics';
import { erpVendorRecord, purchasingSupplierRecord } from './supplier-records';

/** One thing a source system does at a moment of the simulated day. */
export interface SourceAct {
  /** Milliseconds from the start of the play, before the speed factor. */
  readonly at: number;
  readonly topic: SourceTopic;
  readonly key: string;
  /** A JSON document, or raw text for a deliberately broken record. */
  readonly value: object | string;
  /** What a person watching should know about it. */
  readonly note: string;
}

export interface DayPlan {
  readonly acts: readonly SourceAct[];
  /** The story of the day, one line per episode, printed before playing. */
  readonly story: readonly string[];
  /** When the ERP starts paying the invoices it has posted (ms from the start, before the speed factor). */
  readonly paymentsAt: number;
  /** The supplier whose bank details change during the day (their payments are held). */
  readonly bankChangeSupplier: DemoSupplier;
  /** Every invoice id of this run starts with it. */
  readonly invoiceIdPrefix: string;
  /** How many well-formed invoices the day sends (each ends posted or as an exception). */
  readonly invoiceCount: number;
  /** An invoice kept for the end of the day, when the ERP hiccups on it (the operations episode). */
  readonly lateInvoice: { readonly invoiceId: string; readonly value: object };
}

export interface DayOptions {
  readonly seed: number;
  /** YYYY-MM-DD, the business day played. */
  readonly day: string;
  /** Makes every document number unique to this run (so a second run is a new day, not a replay). */
  readonly runId: string;
  /** When the play starts: source timestamps follow it (receipt waits run on real time). */
  readonly startAt: Date;
  /** The play's speed factor (2 = twice as fast), so source timestamps never run ahead of their sending. */
  readonly speed?: number;
}

const PO_COUNT = 12;

/**
 * A day of a small hospital network, in order: supplier master data from the ERP and purchasing,
 * purchase orders approved at three facilities, one changed and one cancelled, goods received,
 * invoices (most matching; one with a price variance, one early, one duplicate, one whose receipt
 * never comes), a broken record from each of two systems, a supplier's bank details changed, a
 * late receipt, then the ERP pays what it posted.
 */
export function planDay(options: DayOptions): DayPlan {
  const random = new Random(options.seed);
  // Source timestamps step 0.1 s per "minute" of the plan from the start of the play: in order,
  // near the real clock (an invoice's receipt wait runs from its capture time), and never later
  // than the moment the record is sent (minute m is stamped before the act that carries it).
  const clock = (minutes: number): Date => new Date(options.startAt.getTime() + (minutes * 100) / (options.speed ?? 1));
  const acts: SourceAct[] = [];
  const act = (at: number, topic: SourceTopic, key: string, value: object | string, note: string): void => {
    acts.push({ at: at * 1000, topic, key, value, note });
  };

  SUPPLIERS.forEach((supplier, i) => {
    act(i * 0.3, SOURCE_TOPICS.erpVendor, supplier.supplierId, erpVendorRecord(supplier, clock(i)), `ERP vendor master: ${supplier.legalName}`);
    act(1 + i * 0.3, SOURCE_TOPICS.purchasingSupplier, supplier.supplierId, purchasingSupplierRecord(supplier, clock(2 + i)), `purchasing supplier record: ${supplier.legalName}`);
  });

  const number = 100_000 + (Number.parseInt(options.runId, 36) % 800_000);
  const planned = planPurchaseOrders(random, PO_COUNT + 1, options.day, number * 100);
  const pos = planned.slice(0, PO_COUNT);
  const lastOrder = planned[PO_COUNT] as PlannedPo;
  pos.forEach((po, i) => act(4 + i * 0.4, SOURCE_TOPICS.purchaseOrder, po.poNumber, purchasingPoRecord(po, 'APPROVED', clock(10 + i)), `PO ${po.poNumber} approved at ${po.buyer.facilityId}`));

  act(8.8, SOURCE_TOPICS.purchaseOrder, lastOrder.poNumber, purchasingPoRecord(lastOrder, 'APPROVED', clock(20)), `PO ${lastOrder.poNumber} approved at ${lastOrder.buyer.facilityId} (its invoice comes at the end of the day)`);
  act(17, SOURCE_TOPICS.goodsReceipt, lastOrder.poNumber, goodsReceiptRecord(lastOrder, `GR-${lastOrder.poNumber}`, clock(140)), `goods received for ${lastOrder.poNumber}`);

  const changeIndex = pos.findIndex((po) => (po.lines[0]?.item.maxQuantity ?? 1) > 1);
  const changed = raiseFirstLine(pos[changeIndex] as PlannedPo, 10);
  act(10, SOURCE_TOPICS.purchaseOrder, changed.poNumber, purchasingPoRecord(changed, 'CHANGED', clock(40), 'ward asked for 10 more'), `PO ${changed.poNumber} changed (revision 2): encumbrance delta`);
  pos[changeIndex] = changed;
  const cancelled = pos[PO_COUNT - 1] as PlannedPo;
  act(10.5, SOURCE_TOPICS.purchaseOrder, cancelled.poNumber, purchasingPoCancelRecord(cancelled, clock(41), 'duplicate requisition'), `PO ${cancelled.poNumber} cancelled: encumbrance released`);

  const early = 3;
  const noReceipt = PO_COUNT - 2;
  const priceVariance = 4;
  const receiptFor = (po: PlannedPo, at: number, minutes: number, note: string): void =>
    act(at, SOURCE_TOPICS.goodsReceipt, po.poNumber, goodsReceiptRecord(po, `GR-${po.poNumber}`, clock(minutes)), note);
  pos.slice(0, PO_COUNT - 2).forEach((po, i) => {
    if (i !== early) receiptFor(po, 13 + i * 0.4, 120 + i, `goods received for ${po.poNumber} (lot, expiry, serial, UDI where tracked)`);
  });

  const invoiceFor = (po: PlannedPo, i: number, priceFactor = '1'): PlannedInvoice => ({
    invoiceId: `INV-${po.poNumber}-${i}`,
    supplierInvoiceNumber: `${po.supplier.supplierId.slice(2)}-${number}${String(i).padStart(2, '0')}`,
    po,
    invoiceDate: options.day,
    priceFactor,
  });
  const invoices = pos.slice(0, PO_COUNT - 1).map((po, i) => invoiceFor(po, i, i === priceVariance ? '1.12' : '1'));
  invoices.forEach((invoice, i) => {
    const note =
      i === priceVariance
        ? `invoice ${invoice.invoiceId} bills 12% over the PO price: PRICE_VARIANCE, not posted`
        : i === early
          ? `invoice ${invoice.invoiceId} arrives before its goods: waits for the receipt`
          : i === noReceipt
            ? `invoice ${invoice.invoiceId}: its goods never arrive: NO_RECEIPT when the wait runs out`
            : `invoice ${invoice.invoiceId} for ${invoice.po.poNumber}: three-way match, posted to AP`;
    if (i < PO_COUNT - 1 && pos[i] !== cancelled) act(20 + i * 0.5, SOURCE_TOPICS.apInvoice, invoice.invoiceId, apInvoiceRecord(invoice, clock(200 + i)), note);
  });

  const original = invoices[1] as PlannedInvoice;
  const duplicate = { ...original, invoiceId: `${original.invoiceId}-RESCAN` };
  act(27, SOURCE_TOPICS.apInvoice, duplicate.invoiceId, apInvoiceRecord(duplicate, clock(230)), `invoice ${original.supplierInvoiceNumber} captured again (re-scan): DUPLICATE, posted once`);

  act(28, SOURCE_TOPICS.apInvoice, `INV-BROKEN-${number}`, '{"invoiceId": "INV-BROKEN", "total": 12.5, ', 'a truncated record from AP automation: dead-lettered, the rest flows');
  act(28.5, SOURCE_TOPICS.purchaseOrder, `PO-BROKEN-${number}`, { action: 'APPROVED', poNumber: `PO-BROKEN-${number}`, revision: 1, totalAmount: 99.5 }, 'a PO record with money as a JSON number and no lines: dead-lettered');

  const bankChange = SUPPLIERS[2] as DemoSupplier;
  act(30, SOURCE_TOPICS.erpVendor, bankChange.supplierId, erpVendorRecord(bankChange, clock(300), { routingNumber: '121000358', accountNumber: '000444333222' }), `${bankChange.legalName} bank details changed: payments held until confirmed`);

  receiptFor(pos[early] as PlannedPo, 34, 320, `late goods receipt for ${pos[early]?.poNumber}: the waiting invoice is matched and posted`);

  return {
    acts: acts.sort((a, b) => a.at - b.at),
    story: [
      `${SUPPLIERS.length} suppliers from the ERP vendor master and the purchasing platform (matched and merged)`,
      `${PO_COUNT} purchase orders at ${new Set(pos.map((po) => po.buyer.facilityId)).size} facilities; ${changed.poNumber} changed, ${cancelled.poNumber} cancelled`,
      `goods receipts with lot, expiry, serial and UDI; ${pos[early]?.poNumber}'s arrives late`,
      `${invoices.length + 1} invoices: a price variance, an early invoice, a duplicate, one whose goods never come`,
      'two broken source records (dead-lettered with their reasons)',
      `${bankChange.legalName} changes bank details: its payments are held`,
      'then the ERP schedules and pays what it posted (one payment fails)',
      'at the end of the day the ERP refuses one invoice on every try (it waits on a dead-letter topic for an operator) and someone edits an ERP posting by hand (for reconciliation to find)',
    ],
    paymentsAt: 40_000,
    bankChangeSupplier: bankChange,
    invoiceIdPrefix: `INV-PO-${number}`,
    invoiceCount: acts.filter((a) => a.topic === SOURCE_TOPICS.apInvoice && typeof a.value === 'object').length,
    lateInvoice: { invoiceId: `INV-${lastOrder.poNumber}-LATE`, value: apInvoiceRecord({ ...invoiceFor(lastOrder, 99), invoiceId: `INV-${lastOrder.poNumber}-LATE` }, clock(380)) },
  };
}
