import type { CanonicalEventMap, Envelope, Money } from '@procurelink/canonical-schemas';
import { maskSensitive } from './masking';
import type { DocType, DocumentChange, DocumentProjection, RecordMeta } from './projection-types';

type Projector<K extends keyof CanonicalEventMap> = (event: CanonicalEventMap[K]) => { change: Omit<DocumentChange, 'chainId' | 'traceId' | 'occurredAt'>; at?: Date; summary: Record<string, unknown> };

const money = (value: Money | null | undefined): { amount: string | null; currency: string | null } =>
  value ? { amount: value.amount.toString(), currency: value.currency } : { amount: null, currency: null };
const NO_MONEY = { amount: null, currency: null };
const base = (docType: DocType, docId: string) => ({ docType, docId, poNumber: null, facilityId: null, supplierId: null, ...NO_MONEY, erpDocument: null });

const PROJECTORS: { readonly [K in keyof CanonicalEventMap]: Projector<K> } = {
  SupplierSynced: (e) => ({
    change: { ...base('SUPPLIER', e.supplierId), supplierId: e.supplierId, stage: e.supplier.status === 'ACTIVE' ? 'SYNCED' : e.supplier.status },
    summary: { legalName: e.supplier.legalName, status: e.supplier.status, taxId: e.supplier.taxId.maskedValue, bankAccount: e.supplier.bankAccount?.maskedNumber ?? null },
  }),
  SupplierBankDetailsChanged: (e) => ({
    change: {
      ...base('SUPPLIER', e.supplierId),
      supplierId: e.supplierId,
      stage: e.paymentsHeld ? 'ON_HOLD' : 'SYNCED',
      exception: e.paymentsHeld ? { reason: 'BANK_DETAILS_CHANGED', detail: 'bank details changed: payments held until confirmed' } : undefined,
    },
    summary: { previousBankAccount: e.previousBankAccount?.maskedNumber ?? null, newBankAccount: e.newBankAccount.maskedNumber, paymentsHeld: e.paymentsHeld },
  }),
  PurchaseOrderApproved: (e) => ({
    change: { ...base('PURCHASE_ORDER', e.poNumber), poNumber: e.poNumber, stage: 'APPROVED', facilityId: e.shipTo.facilityId, supplierId: e.supplierId, ...money(e.totalAmount) },
    at: e.approvedAt,
    summary: { revision: e.revision, supplierId: e.supplierId, shipTo: e.shipTo.facilityId, lines: e.lines.length, totalAmount: money(e.totalAmount) },
  }),
  PurchaseOrderChanged: (e) => ({
    change: { ...base('PURCHASE_ORDER', e.poNumber), poNumber: e.poNumber, stage: 'CHANGED', facilityId: e.shipTo.facilityId, supplierId: e.supplierId, ...money(e.totalAmount) },
    summary: { revision: e.revision, changeReason: e.changeReason, lines: e.lines.length, totalAmount: money(e.totalAmount) },
  }),
  PurchaseOrderCancelled: (e) => ({
    change: { ...base('PURCHASE_ORDER', e.poNumber), poNumber: e.poNumber, stage: 'CANCELLED' },
    at: e.cancelledAt,
    summary: { revision: e.revision, reason: e.reason },
  }),
  GoodsReceived: (e) => ({
    change: { ...base('RECEIPT', e.receiptId), poNumber: e.poNumber, stage: 'RECEIVED' },
    at: e.receivedAt,
    summary: { poNumber: e.poNumber, lines: e.lines.map((l) => ({ poLineNumber: l.poLineNumber, quantity: l.quantity.toString(), lotNumber: l.lotNumber })) },
  }),
  InvoiceReceived: (e) => ({
    change: { ...base('INVOICE', e.invoiceId), poNumber: e.poNumber, stage: 'RECEIVED', supplierId: e.supplierId, ...money(e.totalAmount), exception: null },
    summary: { supplierInvoiceNumber: e.supplierInvoiceNumber, poNumber: e.poNumber, invoiceDate: e.invoiceDate, totalAmount: money(e.totalAmount), lines: e.lines.length },
  }),
  InvoiceMatched: (e) => ({
    change: { ...base('INVOICE', e.invoiceId), poNumber: e.poNumber, stage: 'MATCHED', supplierId: e.supplierId, ...money(e.matchedAmount), exception: null },
    at: e.matchedAt,
    summary: { poNumber: e.poNumber, receiptIds: [...e.receiptIds], matchedAmount: money(e.matchedAmount) },
  }),
  InvoiceException: (e) => ({
    change: { ...base('INVOICE', e.invoiceId), poNumber: e.poNumber, stage: 'EXCEPTION', supplierId: e.supplierId, exception: { reason: e.reason, detail: e.detail } },
    summary: { reason: e.reason, detail: e.detail, duplicateOfInvoiceId: e.duplicateOfInvoiceId, varianceAmount: money(e.varianceAmount), variancePercent: e.variancePercent?.toString() ?? null },
  }),
  InvoicePosted: (e) => ({
    change: { ...base('INVOICE', e.invoiceId), stage: 'POSTED', supplierId: e.supplierId, ...money(e.totalAmount), erpDocument: e.erpDocumentNumber, exception: null },
    at: e.postedAt,
    summary: { erpDocumentNumber: e.erpDocumentNumber, postingDate: e.postingDate, totalAmount: money(e.totalAmount) },
  }),
  PaymentScheduled: (e) => ({
    change: { ...base('PAYMENT', e.paymentId), stage: 'SCHEDULED', supplierId: e.supplierId, ...money(e.amount), exception: null },
    summary: { invoiceIds: [...e.invoiceIds], amount: money(e.amount), method: e.method, scheduledDate: e.scheduledDate, bankAccount: e.bankAccount?.maskedNumber ?? null },
  }),
  PaymentCompleted: (e) => ({
    change: { ...base('PAYMENT', e.paymentId), stage: 'COMPLETED', supplierId: e.supplierId, ...money(e.amount), exception: null },
    at: e.paidAt,
    summary: { amount: money(e.amount), bankReference: e.bankReference },
  }),
  PaymentFailed: (e) => ({
    change: { ...base('PAYMENT', e.paymentId), stage: 'FAILED', supplierId: e.supplierId, exception: { reason: e.failureCode, detail: e.failureReason } },
    at: e.failedAt,
    summary: { failureCode: e.failureCode, failureReason: e.failureReason },
  }),
  PaymentVoided: (e) => ({
    change: { ...base('PAYMENT', e.paymentId), stage: 'VOIDED', supplierId: e.supplierId },
    at: e.voidedAt,
    summary: { reason: e.reason },
  }),
};

export const isCanonicalEventType = (eventType: string): eventType is keyof CanonicalEventMap => Object.hasOwn(PROJECTORS, eventType);

/**
 * A canonical event → the change to its document and its document_event row. The chain is the
 * envelope's correlation id; the facility the envelope's unless the event names one. Undefined
 * for an event type ops does not know (a newer schema): the caller skips it.
 */
export function projectCanonicalEvent(eventType: string, value: unknown, meta: RecordMeta): DocumentProjection | undefined {
  if (!isCanonicalEventType(eventType)) return undefined;
  const envelope = (value as { envelope: Envelope }).envelope;
  const projected = (PROJECTORS[eventType] as Projector<typeof eventType>)(value as never);
  const occurredAt = envelope.occurredAt;
  const traceId = meta.traceId ?? null;
  const document: DocumentChange = {
    ...projected.change,
    facilityId: projected.change.facilityId ?? (envelope.facilityId || null),
    chainId: envelope.correlationId || null,
    traceId,
    occurredAt,
  };
  return {
    document,
    event: {
      eventId: envelope.eventId,
      docType: document.docType,
      docId: document.docId,
      eventType,
      occurredAt,
      recordedAt: meta.recordedAt,
      sourceSystem: envelope.sourceSystem || null,
      traceId,
      topic: meta.topic,
      partition: meta.partition,
      offset: meta.offset,
      summary: maskSensitive({ ...projected.summary, ...(projected.at ? { businessTime: projected.at.toISOString() } : {}), sourceRecordId: envelope.sourceRecordId, causationId: envelope.causationId }) as Record<string, unknown>,
    },
  };
}
