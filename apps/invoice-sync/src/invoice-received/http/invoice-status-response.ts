import type { InvoiceExceptionReason, Money } from '@procurelink/canonical-schemas';
import { ApiProblem } from '@procurelink/system-api';
import type { InvoiceStatusView } from '../invoice-status-lookup';

const INVOICE_ID = /^[A-Za-z0-9._:/-]{1,80}$/;

/** True for a path parameter that can be an invoice id (the source record's identifier rule). */
export const isInvoiceId = (value: string): boolean => INVOICE_ID.test(value);

/** 404 problem for an unknown (or impossible) invoice id; the id is named only when it is a well-formed identifier. */
export function invoiceNotFound(invoiceId: string): ApiProblem {
  return new ApiProblem(404, 'not-found', 'Not found', isInvoiceId(invoiceId) ? `no invoice ${invoiceId} is known (yet: a submission is processed asynchronously)` : 'no such invoice');
}

export type InvoiceLifecycleStatus = 'RECEIVED' | 'WAITING' | 'MATCHED' | 'POSTED' | 'EXCEPTION';
type MoneyJson = { readonly amount: string; readonly currency: string };

/** GET /v1/invoices/:invoiceId: where the invoice is in its lifecycle (money as decimal strings, instants ISO 8601). */
export interface InvoiceStatusResponse {
  readonly invoiceId: string;
  readonly status: InvoiceLifecycleStatus;
  readonly supplierId: string;
  readonly supplierInvoiceNumber: string;
  readonly poNumber: string | null;
  readonly facilityId: string;
  readonly invoiceDate: string;
  readonly dueDate: string | null;
  readonly amounts: { readonly currency: string; readonly subtotal: string; readonly taxAmount: string; readonly total: string };
  /** When AP automation captured it (the receipt wait runs from here). */
  readonly receivedAt: string;
  readonly waiting: {
    /** RECEIPT: goods not (fully) received yet; PURCHASE_ORDER: the PO is not known yet. */
    readonly waitingFor: 'RECEIPT' | 'PURCHASE_ORDER';
    readonly until: string;
    readonly lastDecidedAt: string;
    readonly shortfalls: ReadonlyArray<{ readonly poLineNumber: number; readonly invoiced: string; readonly received: string; readonly ordered: string }>;
  } | null;
  readonly matchedAt: string | null;
  readonly posting: { readonly erpDocumentNumber: string; readonly postedAt: string | null } | null;
  readonly exception: {
    readonly reasonCode: InvoiceExceptionReason;
    readonly detail: string;
    readonly duplicateOfInvoiceId: string | null;
    readonly variance: { readonly amount: MoneyJson; readonly percent: string | null } | null;
    readonly raisedAt: string;
  } | null;
}

const money = (m: Money): MoneyJson => ({ amount: m.amount.toString(), currency: m.currency });
const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());

function statusOf(view: InvoiceStatusView): InvoiceLifecycleStatus {
  const { status } = view.record;
  if (status === 'received') return view.waiting === null ? 'RECEIVED' : 'WAITING';
  return status === 'matched' ? 'MATCHED' : status === 'posted' ? 'POSTED' : 'EXCEPTION';
}

/** Pure: the lookup's view as the API answers it. */
export function toInvoiceStatusResponse(view: InvoiceStatusView): InvoiceStatusResponse {
  const { record, waiting } = view;
  const { invoice, exception } = record;
  const status = statusOf(view);
  return {
    invoiceId: invoice.invoiceId,
    status,
    supplierId: invoice.supplierId,
    supplierInvoiceNumber: invoice.supplierInvoiceNumber,
    poNumber: invoice.poNumber,
    facilityId: invoice.envelope.facilityId,
    invoiceDate: invoice.invoiceDate,
    dueDate: invoice.dueDate,
    amounts: {
      currency: invoice.totalAmount.currency,
      subtotal: invoice.subtotal.amount.toString(),
      taxAmount: invoice.taxAmount.amount.toString(),
      total: invoice.totalAmount.amount.toString(),
    },
    receivedAt: invoice.envelope.occurredAt.toISOString(),
    waiting:
      status !== 'WAITING' || waiting === null
        ? null
        : {
            waitingFor: waiting.shortfalls.length === 0 ? 'PURCHASE_ORDER' : 'RECEIPT',
            until: waiting.until.toISOString(),
            lastDecidedAt: waiting.decidedAt.toISOString(),
            shortfalls: waiting.shortfalls.map((s) => ({ poLineNumber: s.poLineNumber, invoiced: s.invoiced.toString(), received: s.received.toString(), ordered: s.ordered.toString() })),
          },
    matchedAt: iso(record.matchedAt),
    posting: record.erpDocumentNumber === null ? null : { erpDocumentNumber: record.erpDocumentNumber, postedAt: iso(record.postedAt) },
    exception:
      status !== 'EXCEPTION'
        ? null
        : {
            reasonCode: exception?.reason ?? (record.exceptionReason as InvoiceExceptionReason),
            detail: exception?.detail ?? '',
            duplicateOfInvoiceId: exception?.duplicateOfInvoiceId ?? null,
            variance:
              exception?.varianceAmount === null || exception?.varianceAmount === undefined
                ? null
                : { amount: money(exception.varianceAmount), percent: exception.variancePercent === null ? null : exception.variancePercent.toString() },
            raisedAt: iso(exception?.raisedAt ?? null) ?? invoice.envelope.occurredAt.toISOString(),
          },
  };
}
