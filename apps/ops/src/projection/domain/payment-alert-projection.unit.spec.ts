import { projectPaymentAlert } from './payment-alert-projection';

const meta = { topic: 'ops.payment-alert.v1', partition: 0, offset: '3', traceId: undefined, recordedAt: new Date('2026-03-09T12:00:00Z') };

describe('projecting a payment alert', () => {
  it('a rejection › an exception on the payment, its stage kept, the alert as an event', () => {
    const alert = { alertId: 'a1', kind: 'PAYMENT_REJECTED', code: 'INVALID_TRANSITION', message: 'a payment cannot move from VOIDED to COMPLETED', paymentId: 'PMT-1', supplierId: 'SUP-1', facilityId: 'FAC-N', occurredAt: '2026-03-09T10:00:00.000Z' };
    const projection = projectPaymentAlert(alert, 'PaymentRejected', meta);
    expect(projection?.document).toMatchObject({ docType: 'PAYMENT', docId: 'PMT-1', keepStage: true, stage: 'REJECTED', exception: { reason: 'INVALID_TRANSITION' }, supplierId: 'SUP-1', facilityId: 'FAC-N' });
    expect(projection?.event).toMatchObject({ eventId: 'alert-a1', eventType: 'PaymentRejected', occurredAt: new Date('2026-03-09T10:00:00.000Z') });
  });

  it('an alert without ids, or not an object › nothing', () => {
    expect(projectPaymentAlert({ kind: 'PAYMENT_ALERT' }, 'PaymentAlertRaised', meta)).toBeUndefined();
    expect(projectPaymentAlert('garbage', 'PaymentAlertRaised', meta)).toBeUndefined();
  });
});
