import type { GoodsReceived, SupplierBankDetailsChanged, SupplierSynced } from '@procurelink/canonical-schemas';
import { invoiceBusinessKey, invoiceForDecision, receiptWaitDeadline, type ReceiptView, type SupplierStanding } from '../domain';
import type { InvoiceWrite } from '../ports/invoice-sync-store';
import type { InvoiceRecord, StoredPurchaseOrder } from './invoice-state';
import {
  billedQuantities,
  projectInvoice,
  projectPurchaseOrder,
  receiptOf,
  projectSupplierStanding,
  type InvoiceTopicEvent,
  type PurchaseOrderTopicEvent,
} from './project-canonical';

/** invoice-sync's state folded from the canonical topics, before it is written to Redis. */
export interface RebuiltState {
  readonly purchaseOrders: Map<string, StoredPurchaseOrder>;
  /** By `<poNumber>|<receiptId>`. */
  readonly receipts: Map<string, ReceiptView>;
  readonly suppliers: Map<string, SupplierStanding>;
  readonly invoices: Map<string, InvoiceRecord>;
  /** Events of types invoice-sync does not keep (e.g. SupplierBankDetailsChanged). */
  ignored: number;
}

export function emptyRebuiltState(): RebuiltState {
  return { purchaseOrders: new Map(), receipts: new Map(), suppliers: new Map(), invoices: new Map(), ignored: 0 };
}

/** Folds one canonical event into the state, with the same projections the live handlers use. */
export function applyCanonicalEvent(state: RebuiltState, eventType: string, value: unknown): RebuiltState {
  switch (eventType) {
    case 'PurchaseOrderApproved':
    case 'PurchaseOrderChanged':
    case 'PurchaseOrderCancelled': {
      const event = { eventType, value } as PurchaseOrderTopicEvent;
      state.purchaseOrders.set(event.value.poNumber, projectPurchaseOrder(state.purchaseOrders.get(event.value.poNumber) ?? null, event));
      break;
    }
    case 'GoodsReceived': {
      const receipt = receiptOf(value as GoodsReceived);
      state.receipts.set(`${receipt.poNumber}|${receipt.receiptId}`, receipt);
      break;
    }
    case 'SupplierSynced': {
      const event = value as SupplierSynced;
      state.suppliers.set(event.supplierId, projectSupplierStanding(state.suppliers.get(event.supplierId) ?? null, { eventType, value: event }));
      break;
    }
    case 'SupplierBankDetailsChanged': {
      const event = value as SupplierBankDetailsChanged;
      state.suppliers.set(event.supplierId, projectSupplierStanding(state.suppliers.get(event.supplierId) ?? null, { eventType, value: event }));
      break;
    }
    case 'InvoiceReceived':
    case 'InvoiceMatched':
    case 'InvoicePosted':
    case 'InvoiceException': {
      const event = { eventType, value } as InvoiceTopicEvent;
      const next = projectInvoice(state.invoices.get(event.value.invoiceId) ?? null, event);
      if (next !== null) state.invoices.set(event.value.invoiceId, next);
      break;
    }
    default:
      state.ignored += 1;
  }
  return state;
}

/**
 * The invoice writes of a rebuilt state: matched and posted invoices first (they hold their
 * exact-duplicate key), billed quantities for them, and every invoice still only received and
 * naming a PO waiting again until received-at + the configured wait (the sweeper reviews it).
 */
export function invoiceWrites(state: RebuiltState, receiptWaitHours: number): InvoiceWrite[] {
  const rank = (record: InvoiceRecord): number => (record.status === 'posted' || record.status === 'matched' ? 0 : 1);
  return [...state.invoices.values()]
    .sort((a, b) => rank(a) - rank(b))
    .map((record) => {
      const view = invoiceForDecision(record.invoice);
      const billing = record.status === 'posted' || record.status === 'matched';
      const waits = record.status === 'received' && view.poNumber !== null;
      return {
        record,
        businessKey: invoiceBusinessKey(view),
        billed: billing ? billedQuantities(record.invoice) : [],
        waiting: waits
          ? { invoiceId: view.invoiceId, poNumber: view.poNumber as string, until: receiptWaitDeadline(view.receivedAt, receiptWaitHours), shortfalls: [], decidedAt: new Date(0) }
          : null,
      };
    });
}
