import { completed, failed, paymentIn, scheduled } from './payment-events.fixture.spec';
import type { PaymentRecord } from './payment-record';
import { staleReason } from './stale-event';

describe('a stale payment event', () => {
  const completedAt = (iso: string): PaymentRecord => ({ ...(paymentIn('COMPLETED') as PaymentRecord), statusSince: new Date(iso) });

  it('when the event happened before the payment entered its current status › names both times', () => {
    const reason = staleReason(completedAt('2025-06-03T12:00:00.000Z'), failed({ failedAt: new Date('2025-06-03T11:00:00.000Z') }));
    expect(reason).toBe(
      "PaymentFailed of 2025-06-03T11:00:00.000Z is older than payment PAY-7001's COMPLETED since 2025-06-03T12:00:00.000Z",
    );
  });

  it('when the event happened at or after the current status › it is not stale', () => {
    expect(staleReason(completedAt('2025-06-03T12:00:00.000Z'), failed({ failedAt: new Date('2025-06-03T12:00:00.000Z') }))).toBeNull();
    expect(staleReason(completedAt('2025-06-03T12:00:00.000Z'), completed({ paidAt: new Date('2025-06-04T00:00:00.000Z') }))).toBeNull();
  });

  it('when the payment is unknown › nothing is stale', () => {
    expect(staleReason(null, scheduled())).toBeNull();
  });
});
