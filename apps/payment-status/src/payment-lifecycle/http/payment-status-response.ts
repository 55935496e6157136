import { ApiProblem } from '@procurelink/system-api';
import type { PaymentStatus } from '../domain';
import type { PaymentStatusView } from '../payment-status-lookup';
import type { PaymentHistoryEntry } from '../ports';

const PAYMENT_ID = /^[A-Za-z0-9._:-]{1,80}$/;

/** True for a path parameter that can be a payment id (the source record's identifier rule). */
export const isPaymentId = (value: string): boolean => PAYMENT_ID.test(value);

/** 404 problem for an unknown (or impossible) payment id; the id is named only when it is a well-formed identifier. */
export function paymentNotFound(paymentId: string): ApiProblem {
  return new ApiProblem(404, 'not-found', 'Not found', isPaymentId(paymentId) ? `no payment ${paymentId} is known` : 'no such payment');
}

/** GET /v1/payments/:paymentId: the lifecycle as JSON (money as decimal strings, instants ISO 8601, no internal claim ids). */
export interface PaymentStatusResponse {
  readonly paymentId: string;
  /** NONE while no schedule was ever accepted (e.g. blocked by a supplier hold: see history). */
  readonly status: PaymentStatus;
  readonly payment: {
    readonly supplierId: string;
    readonly attempt: number;
    readonly amount: { readonly amount: string; readonly currency: string };
    readonly method: string;
    readonly scheduledDate: string;
    readonly invoices: ReadonlyArray<{ readonly invoiceId: string; readonly poNumber: string | null }>;
    readonly statusSince: string;
    readonly completion: { readonly paidAt: string; readonly amount: { readonly amount: string; readonly currency: string }; readonly bankReference: string | null } | null;
    readonly failure: { readonly code: string; readonly reason: string; readonly failedAt: string } | null;
    readonly voiding: { readonly reason: string; readonly voidedAt: string; readonly reversal: boolean } | null;
  } | null;
  readonly history: readonly PaymentHistoryEntry[];
  readonly supplierHold: { readonly supplierId: string; readonly reason: string; readonly since: string } | null;
}

/** Pure: the lookup's view as the API answers it. */
export function toPaymentStatusResponse(view: PaymentStatusView): PaymentStatusResponse {
  const r = view.record;
  return {
    paymentId: view.paymentId,
    status: r?.status ?? 'NONE',
    payment:
      r === null
        ? null
        : {
            supplierId: r.supplierId,
            attempt: r.attempt,
            amount: { amount: r.amount.amount.toString(), currency: r.amount.currency },
            method: r.method,
            scheduledDate: r.scheduledDate,
            invoices: r.invoices.map((i) => ({ invoiceId: i.invoiceId, poNumber: i.poNumber })),
            statusSince: r.statusSince.toISOString(),
            completion:
              r.completion === null
                ? null
                : {
                    paidAt: r.completion.paidAt.toISOString(),
                    amount: { amount: r.completion.amount.amount.toString(), currency: r.completion.amount.currency },
                    bankReference: r.completion.bankReference,
                  },
            failure: r.failure === null ? null : { code: r.failure.code, reason: r.failure.reason, failedAt: r.failure.failedAt.toISOString() },
            voiding: r.voiding === null ? null : { reason: r.voiding.reason, voidedAt: r.voiding.voidedAt.toISOString(), reversal: r.voiding.reversal },
          },
    history: view.history.map((e) => ({ ...e })),
    supplierHold: view.supplierHold === null ? null : { supplierId: view.supplierHold.supplierId, reason: view.supplierHold.reason, since: view.supplierHold.since.toISOString() },
  };
}
