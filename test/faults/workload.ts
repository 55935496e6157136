import { Decimal } from '@procurelink/canonical-schemas';
import { apInvoiceRecord } from '../../apps/simulator/src/day/invoice-records';
import { BUYERS, ITEMS, SUPPLIERS, type Buyer, type CatalogueItem, type DemoSupplier } from '../../apps/simulator/src/day/network';
import { erpPaymentRecord } from '../../apps/simulator/src/day/payment-records';
import { goodsReceiptRecord, purchasingPoRecord } from '../../apps/simulator/src/day/po-records';
import { poTotal, type PlannedPo } from '../../apps/simulator/src/day/purchase-orders';
import { SOURCE_TOPICS, type SourceTopic } from '../../apps/simulator/src/day/source-topics';
import { erpVendorRecord, purchasingSupplierRecord } from '../../apps/simulator/src/day/supplier-records';

/**
 * The fault suite's workload, built from the simulator's record generators: a supplier master of
 * its own, then a steady stream of procure-to-pay chains (PO approved → goods received → invoice →
 * payment scheduled), with about 1% poison records mixed in. Pure: the clock comes in as `at`.
 *
 * Every valid record has one effect the suite can check afterwards:
 *   PO          → ledger ENCUMBRANCE `<po>/1/1/ENCUMBER`
 *   receipt     → canonical GoodsReceived on p2p.purchase-order.v1
 *   invoice     → ledger AP_INVOICE `<invoiceId>`
 *   payment     → ledger PAYMENT_STATUS `<paymentId>/SCHEDULED`
 *   supplier    → canonical SupplierSynced on p2p.supplier.v1
 * Totals are unique per supplier and invoice dates spread over a year, so no invoice is a near
 * duplicate of another (which would rightly stop it).
 */
export interface SourceRecord {
  readonly topic: SourceTopic;
  readonly key: string;
  /** JSON text, or deliberately broken text for a poison record. */
  readonly value: string;
}

export interface PoisonRecord extends SourceRecord {
  /** The service whose dead-letter topic must hold it. */
  readonly service: 'supplier-sync' | 'po-sync' | 'invoice-sync' | 'payment-status';
  /** What is wrong with it, for the report. */
  readonly flaw: string;
}

export interface Chain {
  readonly index: number;
  readonly po: PlannedPo;
  readonly invoiceId: string;
  readonly paymentId: string;
  readonly receiptId: string;
}

const WORDS = ['Alder', 'Birch', 'Cedar', 'Dogwood', 'Elm', 'Fir', 'Ginkgo', 'Hazel', 'Ironwood', 'Juniper', 'Kapok', 'Larch', 'Maple', 'Nutmeg', 'Oak', 'Pine', 'Quince', 'Rowan', 'Spruce', 'Tamarack', 'Umbrella', 'Viburnum', 'Willow', 'Yew'];

/** `count` suppliers of this run: the demo suppliers' catalogue and banks, every identity their own. */
export function faultSuppliers(count: number, run: number): DemoSupplier[] {
  if (count > WORDS.length) throw new Error(`at most ${WORDS.length} suppliers`);
  return Array.from({ length: count }, (_, j) => {
    const template = SUPPLIERS[j % SUPPLIERS.length] as DemoSupplier;
    const word = WORDS[j] as string;
    return {
      ...template,
      supplierId: `V-F${run}${String(j).padStart(2, '0')}`,
      legalName: `${word} ${template.legalName}`,
      taxId: `${String(30 + j)}-${String(run % 10_000_000).padStart(7, '0')}`,
      duns: `${String(500 + j)}${String(run % 1_000_000).padStart(6, '0')}`,
      address: { ...template.address, line1: `${100 + j} ${word} Avenue` },
      bank: { routingNumber: template.bank.routingNumber, accountNumber: `0007${String(run % 100_000).padStart(5, '0')}${String(j).padStart(3, '0')}` },
    };
  });
}

export function supplierRecords(suppliers: readonly DemoSupplier[], at: Date): SourceRecord[] {
  return suppliers.flatMap((supplier) => [
    { topic: SOURCE_TOPICS.erpVendor, key: supplier.supplierId, value: JSON.stringify(erpVendorRecord(supplier, at)) },
    { topic: SOURCE_TOPICS.purchasingSupplier, key: supplier.supplierId, value: JSON.stringify(purchasingSupplierRecord(supplier, new Date(at.getTime() + 1))) },
  ]);
}

function consumable(supplier: DemoSupplier): CatalogueItem {
  const item = supplier.sells.map((id) => ITEMS.find((candidate) => candidate.itemId === id)).find((candidate) => candidate !== undefined && candidate.maxQuantity > 1);
  if (!item) throw new Error(`${supplier.supplierId} sells no consumable`);
  return item;
}

/** Chain `index` of the run: one supplier in turn, one consumable line whose quantity makes the total unique for that supplier. */
export function chain(index: number, suppliers: readonly DemoSupplier[], run: number): Chain {
  const supplier = suppliers[index % suppliers.length] as DemoSupplier;
  const buyer = BUYERS[index % BUYERS.length] as Buyer;
  const item = consumable(supplier);
  const quantity = 1 + Math.floor(index / suppliers.length);
  const day = new Date(Date.UTC(2025, 0, 1) + (index % 360) * 86_400_000).toISOString().slice(0, 10);
  const poNumber = `PO-F${run}-${index}`;
  const po: PlannedPo = {
    poNumber,
    revision: 1,
    supplier,
    buyer,
    orderDate: day,
    lines: [{ lineNumber: 1, item, quantity: Decimal.parse(String(quantity)), unitPrice: Decimal.parse(item.unitPrice), buyer }],
  };
  return { index, po, invoiceId: `INV-F${run}-${index}`, paymentId: `PAY-F${run}-${index}`, receiptId: `GR-F${run}-${index}` };
}

export const chainRecords = {
  po: (c: Chain, at: Date): SourceRecord => ({ topic: SOURCE_TOPICS.purchaseOrder, key: c.po.poNumber, value: JSON.stringify(purchasingPoRecord(c.po, 'APPROVED', at)) }),
  receipt: (c: Chain, at: Date): SourceRecord => ({ topic: SOURCE_TOPICS.goodsReceipt, key: c.po.poNumber, value: JSON.stringify(goodsReceiptRecord(c.po, c.receiptId, at)) }),
  invoice: (c: Chain, at: Date): SourceRecord => ({
    topic: SOURCE_TOPICS.apInvoice,
    key: c.invoiceId,
    value: JSON.stringify(apInvoiceRecord({ invoiceId: c.invoiceId, supplierInvoiceNumber: `SI${c.index}X${c.po.supplier.supplierId.slice(-2)}`, po: c.po, invoiceDate: c.po.orderDate, priceFactor: '1' }, at)),
  }),
  payment: (c: Chain, at: Date): SourceRecord => {
    const amount = poTotal(c.po).toString();
    const payable = { invoiceId: c.invoiceId, supplierId: c.po.supplier.supplierId, facilityId: c.po.buyer.facilityId, amount, currency: 'USD', poNumber: c.po.poNumber };
    const scheduledDate = new Date(Date.parse(`${c.po.orderDate}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
    return { topic: SOURCE_TOPICS.erpPayment, key: c.paymentId, value: JSON.stringify(erpPaymentRecord(c.paymentId, payable, { status: 'SCHEDULED', scheduledDate }, at)) };
  },
};

/** Poison record `n` of the run: one of six flaws in turn, each refused at once (INVALID_INPUT) by the service that reads its topic. */
export function poison(n: number, run: number): PoisonRecord {
  const key = `POISON-F${run}-${n}`;
  const flaws: Array<Omit<PoisonRecord, 'key'>> = [
    { topic: SOURCE_TOPICS.apInvoice, service: 'invoice-sync', flaw: 'truncated JSON', value: `{"invoiceId": "${key}", "total": 12.5, ` },
    { topic: SOURCE_TOPICS.purchaseOrder, service: 'po-sync', flaw: 'money as a JSON number, no lines', value: JSON.stringify({ action: 'APPROVED', poNumber: key, revision: 1, totalAmount: 99.5 }) },
    { topic: SOURCE_TOPICS.goodsReceipt, service: 'po-sync', flaw: 'receipt id a number, no lines', value: JSON.stringify({ receiptId: 42, poNumber: key }) },
    { topic: SOURCE_TOPICS.erpPayment, service: 'payment-status', flaw: 'unknown payment status', value: JSON.stringify({ paymentId: key, status: 'PAID_MAYBE', amount: '10.00', currency: 'USD' }) },
    { topic: SOURCE_TOPICS.erpVendor, service: 'supplier-sync', flaw: 'a JSON array, not a vendor record', value: '[1, 2, 3]' },
    { topic: SOURCE_TOPICS.purchasingSupplier, service: 'supplier-sync', flaw: 'empty value', value: '' },
  ];
  return { ...(flaws[n % flaws.length] as Omit<PoisonRecord, 'key'>), key };
}

/** What a complete run must leave behind. */
export interface Expected {
  readonly encumbrances: readonly string[];
  readonly apInvoices: readonly string[];
  readonly payments: readonly string[];
  readonly receipts: readonly string[];
  readonly suppliers: readonly string[];
}

export function expectedEffects(chains: readonly Chain[], suppliers: readonly DemoSupplier[]): Expected {
  return {
    encumbrances: chains.map((c) => `${c.po.poNumber}/1/1/ENCUMBER`),
    apInvoices: chains.map((c) => c.invoiceId),
    payments: chains.map((c) => `${c.paymentId}/SCHEDULED`),
    receipts: chains.map((c) => c.receiptId),
    suppliers: suppliers.map((s) => s.supplierId),
  };
}
