// Builders for payment events and records, shared by this folder's unit tests.
import { Decimal, type Envelope, type Money } from '@procurelink/canonical-schemas';
import { decidePaymentEvent } from './decide-payment-event';
import type { PaymentDecisionContext } from './payment-decision';
import type { PaymentEvent, PaymentEventType } from './payment-event';
import type { PaymentRecord } from './payment-record';
import type { PaymentStatus, RecordedPaymentStatus } from './payment-status';
import { PAYMENT_TRANSITIONS } from './payment-transitions';
import type { SupplierPaymentHold } from './supplier-payment-hold';

export const PAYMENT_ID = 'PAY-7001';
export const SUPPLIER_ID = 'SUP-ACME';

export const money = (amount: string, currency = 'USD'): Money => ({ amount: Decimal.parse(amount), currency });

let sequence = 0;
/** A fresh event id for every event built, as the ERP would send. */
export const nextEventId = (): string => `evt-${++sequence}`;

const envelope = (eventType: PaymentEventType, eventId = nextEventId()): Envelope => ({
  eventId,
  eventType,
  occurredAt: new Date('2025-06-02T09:00:00.000Z'),
  sourceSystem: 'erp',
  sourceRecordId: PAYMENT_ID,
  correlationId: 'chain-1',
  causationId: null,
  facilityId: 'FAC-01',
  tenant: 'northwind-health',
});

type Overrides<T> = Partial<Omit<T, 'envelope'>> & { readonly eventId?: string };

export function scheduled(overrides: Overrides<Extract<PaymentEvent, { eventType: 'PaymentScheduled' }>['value']> = {}): PaymentEvent {
  const { eventId, ...fields } = overrides;
  return {
    eventType: 'PaymentScheduled',
    value: {
      envelope: envelope('PaymentScheduled', eventId),
      paymentId: PAYMENT_ID,
      supplierId: SUPPLIER_ID,
      invoiceIds: ['INV-1', 'INV-2', 'INV-3'],
      amount: money('1250.00'),
      method: 'ACH',
      scheduledDate: '2025-06-05',
      bankAccount: { token: 'tok_bank_secret', maskedNumber: '****4321', bankCountry: 'US' },
      ...fields,
    },
  };
}

export function completed(overrides: Overrides<Extract<PaymentEvent, { eventType: 'PaymentCompleted' }>['value']> = {}): PaymentEvent {
  const { eventId, ...fields } = overrides;
  return {
    eventType: 'PaymentCompleted',
    value: {
      envelope: envelope('PaymentCompleted', eventId),
      paymentId: PAYMENT_ID,
      supplierId: SUPPLIER_ID,
      amount: money('1250.00'),
      paidAt: new Date('2025-06-05T14:00:00.000Z'),
      bankReference: 'ACH-TRACE-991',
      ...fields,
    },
  };
}

export function failed(overrides: Overrides<Extract<PaymentEvent, { eventType: 'PaymentFailed' }>['value']> = {}): PaymentEvent {
  const { eventId, ...fields } = overrides;
  return {
    eventType: 'PaymentFailed',
    value: {
      envelope: envelope('PaymentFailed', eventId),
      paymentId: PAYMENT_ID,
      supplierId: SUPPLIER_ID,
      failureCode: 'R03',
      failureReason: 'No account / unable to locate account',
      failedAt: new Date('2025-06-06T08:00:00.000Z'),
      ...fields,
    },
  };
}

export function voided(overrides: Overrides<Extract<PaymentEvent, { eventType: 'PaymentVoided' }>['value']> = {}): PaymentEvent {
  const { eventId, ...fields } = overrides;
  return {
    eventType: 'PaymentVoided',
    value: {
      envelope: envelope('PaymentVoided', eventId),
      paymentId: PAYMENT_ID,
      supplierId: SUPPLIER_ID,
      reason: 'Duplicate payment run',
      voidedAt: new Date('2025-06-07T10:00:00.000Z'),
      ...fields,
    },
  };
}

/** A fresh event asking for `status`, with defaults that pass every rule. */
export function eventRequesting(status: RecordedPaymentStatus): PaymentEvent {
  switch (status) {
    case 'SCHEDULED':
      return scheduled();
    case 'COMPLETED':
      return completed();
    case 'FAILED':
      return failed();
    case 'VOIDED':
      return voided();
  }
}

export const HOLD: SupplierPaymentHold = {
  supplierId: SUPPLIER_ID,
  reason: 'BANK_DETAILS_UNCONFIRMED',
  since: new Date('2025-06-01T12:00:00.000Z'),
};

const PO_OF_INVOICE: Readonly<Record<string, string>> = { 'INV-1': 'PO-100', 'INV-2': 'PO-200', 'INV-3': 'PO-100' };

export function contextWith(hold: SupplierPaymentHold | null = null): PaymentDecisionContext {
  return {
    paymentHoldOf: (supplierId) => (hold !== null && hold.supplierId === supplierId ? hold : null),
    poNumberOfInvoice: (invoiceId) => PO_OF_INVOICE[invoiceId] ?? null,
  };
}

/** Applies events one after another, failing loudly if any is not a transition. */
export function replay(events: readonly PaymentEvent[], context = contextWith()): PaymentRecord | null {
  let record: PaymentRecord | null = null;
  for (const event of events) {
    const decision = decidePaymentEvent(record, event, context);
    if (decision.kind !== 'transition') throw new Error(`${event.eventType} was ${decision.kind}: ${JSON.stringify(decision)}`);
    record = decision.next;
  }
  return record;
}

/** The shortest path of statuses from NONE to `status` through PAYMENT_TRANSITIONS (breadth first). */
export function pathTo(status: PaymentStatus): readonly RecordedPaymentStatus[] {
  const paths = new Map<PaymentStatus, readonly RecordedPaymentStatus[]>([['NONE', []]]);
  const queue: PaymentStatus[] = ['NONE'];
  for (let from = queue.shift(); from !== undefined; from = queue.shift()) {
    for (const to of PAYMENT_TRANSITIONS[from]) {
      if (paths.has(to)) continue;
      paths.set(to, [...(paths.get(from) ?? []), to]);
      queue.push(to);
    }
  }
  const path = paths.get(status);
  if (path === undefined) throw new Error(`${status} cannot be reached from NONE`);
  return path;
}

/** A payment record in `status`, reached by replaying real events along the table (null for NONE). */
export function paymentIn(status: PaymentStatus): PaymentRecord | null {
  return replay(pathTo(status).map(eventRequesting));
}
