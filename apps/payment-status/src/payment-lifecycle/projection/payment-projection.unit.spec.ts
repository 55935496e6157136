import { completed, scheduled, voided } from '../domain/payment-events.fixture.spec';
import type { PaymentRecord } from '../domain';
import { projectPayment } from './payment-projection';

describe('projecting canonical payment events into payment records', () => {
  it('when scheduled then completed › the record is COMPLETED with both events applied', () => {
    const s = scheduled();
    const c = completed();
    const record = projectPayment(projectPayment(null, s), c);
    expect(record).toMatchObject({ status: 'COMPLETED', attempt: 1, appliedEventIds: [s.value.envelope.eventId, c.value.envelope.eventId] });
  });

  it('when an event is replayed › the record is unchanged', () => {
    const s = scheduled();
    const once = projectPayment(null, s);
    expect(projectPayment(once, s)).toBe(once);
  });

  it('when the table refuses the event › the record is unchanged', () => {
    const record = projectPayment(projectPayment(null, scheduled()), voided()) as PaymentRecord;
    expect(projectPayment(record, completed())).toBe(record);
  });

  it('when the payment is unknown and the event is not a schedule › nothing is created', () => {
    expect(projectPayment(null, completed())).toBeNull();
  });
});
