import type { DeadLetterRow } from './dead-letter';
import { jsonObjectOf, originalTopicOf, sourceTopicOf } from './event-identity';

/** The document a record acts on, and the stages of ops' `document` table that show its effect already happened. */
export interface DocumentEffect {
  readonly docType: 'PURCHASE_ORDER' | 'RECEIPT' | 'INVOICE' | 'PAYMENT';
  readonly docId: string;
  /** The record's effect is there when the document's latest stage is one of these. */
  readonly reachedAt: readonly string[];
  /** e.g. "invoice INV-1 is POSTED" (filled with the stage found). */
  readonly describe: (stage: string) => string;
}

const PAYMENT_OUTCOMES = ['COMPLETED', 'FAILED', 'VOIDED'];

const field = (value: Record<string, unknown>, name: string): string | undefined => {
  const found = value[name];
  return typeof found === 'string' && found.trim() !== '' ? found.trim() : undefined;
};

/**
 * What a source record would do to a document, when ops can tell it from the record alone. Only
 * effects that a later stage proves are listed (an invoice POSTED, a receipt RECEIVED, a PO
 * CANCELLED, a payment in the record's status or past it); anything else answers undefined and
 * the idempotency claim alone decides.
 */
export function documentEffectOf(row: DeadLetterRow): DocumentEffect | undefined {
  const json = jsonObjectOf(row.value);
  if (json === undefined) return undefined;
  switch (sourceTopicOf(originalTopicOf(row))) {
    case 'source.ap.invoice.v1': {
      const invoiceId = field(json, 'invoiceId');
      return invoiceId === undefined ? undefined : { docType: 'INVOICE', docId: invoiceId, reachedAt: ['POSTED'], describe: (stage) => `invoice ${invoiceId} is ${stage}` };
    }
    case 'source.inventory.goods-receipt.v1': {
      const receiptId = field(json, 'receiptId');
      return receiptId === undefined ? undefined : { docType: 'RECEIPT', docId: receiptId, reachedAt: ['RECEIVED'], describe: (stage) => `receipt ${receiptId} is ${stage}` };
    }
    case 'source.purchasing.purchase-order.v1': {
      const poNumber = field(json, 'poNumber');
      if (poNumber === undefined || field(json, 'action')?.toUpperCase() !== 'CANCELLED') return undefined;
      return { docType: 'PURCHASE_ORDER', docId: poNumber, reachedAt: ['CANCELLED'], describe: (stage) => `purchase order ${poNumber} is ${stage}` };
    }
    case 'source.erp.payment.v1': {
      const paymentId = field(json, 'paymentId');
      const status = field(json, 'status')?.toUpperCase();
      if (paymentId === undefined || status === undefined) return undefined;
      // a schedule is overtaken by any outcome; an outcome only by itself
      const reachedAt = status === 'SCHEDULED' ? ['SCHEDULED', ...PAYMENT_OUTCOMES] : [status];
      return { docType: 'PAYMENT', docId: paymentId, reachedAt, describe: (stage) => `payment ${paymentId} is ${stage}` };
    }
    default:
      return undefined;
  }
}
