import type { ErpPaymentRecord } from '../source';
import { toPaymentEvent } from './to-payment-event';

const record = (overrides: Partial<ErpPaymentRecord> = {}): ErpPaymentRecord => ({
  paymentId: 'PMT-1',
  status: 'SCHEDULED',
  statusAt: '2026-03-02T09:00:00Z',
  supplierId: 'SUP-1',
  facilityId: 'FAC-NORTH',
  amount: '1250.5',
  currency: 'USD',
  method: 'WIRE',
  scheduledDate: '2026-03-05',
  invoices: [{ invoiceId: 'INV-1', amount: '1250.5' }],
  failureCode: null,
  failureReason: null,
  voidReason: null,
  bankReference: null,
  erpReference: 'RUN-7',
  correlationId: null,
  ...overrides,
});

const context = { tenant: 'demo-health' };

describe('mapping an ERP payment record to a canonical payment event', () => {
  it('when SCHEDULED › PaymentScheduled with the invoices, exact amount at the canonical scale and no bank account', () => {
    const event = toPaymentEvent(record(), context);
    expect(event.eventType).toBe('PaymentScheduled');
    if (event.eventType !== 'PaymentScheduled') return;
    expect(event.value.amount.amount.toString()).toBe('1250.5000');
    expect(event.value).toMatchObject({ paymentId: 'PMT-1', supplierId: 'SUP-1', invoiceIds: ['INV-1'], method: 'WIRE', scheduledDate: '2026-03-05', bankAccount: null });
    expect(event.value.envelope).toMatchObject({
      eventType: 'PaymentScheduled',
      occurredAt: new Date('2026-03-02T09:00:00Z'),
      sourceSystem: 'erp',
      sourceRecordId: 'PMT-1',
      correlationId: 'PMT-1',
      facilityId: 'FAC-NORTH',
      tenant: 'demo-health',
    });
  });

  it('when COMPLETED › PaymentCompleted paid at the status time with the bank reference', () => {
    const event = toPaymentEvent(record({ status: 'COMPLETED', bankReference: 'TRACE-1' }), context);
    expect(event).toMatchObject({ eventType: 'PaymentCompleted', value: { paidAt: new Date('2026-03-02T09:00:00Z'), bankReference: 'TRACE-1' } });
  });

  it('when FAILED › PaymentFailed with the code, or UNSPECIFIED when the ERP gives none', () => {
    expect(toPaymentEvent(record({ status: 'FAILED', failureCode: 'R01', failureReason: 'insufficient funds' }), context)).toMatchObject({
      eventType: 'PaymentFailed',
      value: { failureCode: 'R01', failureReason: 'insufficient funds' },
    });
    expect(toPaymentEvent(record({ status: 'FAILED', failureReason: 'bank said no' }), context).value).toMatchObject({ failureCode: 'UNSPECIFIED' });
  });

  it('when VOIDED › PaymentVoided with the reason', () => {
    expect(toPaymentEvent(record({ status: 'VOIDED', voidReason: 'wrong supplier' }), context)).toMatchObject({
      eventType: 'PaymentVoided',
      value: { reason: 'wrong supplier', voidedAt: new Date('2026-03-02T09:00:00Z') },
    });
  });

  it('gives the same event id for the same record and another one for another status time', () => {
    const id = (r: ErpPaymentRecord) => toPaymentEvent(r, context).value.envelope.eventId;
    expect(id(record())).toBe(id(record({ erpReference: 'RUN-8' })));
    expect(id(record())).not.toBe(id(record({ statusAt: '2026-03-02T09:30:00Z' })));
  });

  it('uses the ERP correlation id when it carries one', () => {
    expect(toPaymentEvent(record({ correlationId: 'CHAIN-9' }), context).value.envelope.correlationId).toBe('CHAIN-9');
  });
});
