import { parsePaymentStatus } from './payment-status';

describe('a payment status acknowledgement', () => {
  it('when it is valid › becomes a posting keyed by payment and status, the instant in UTC', () => {
    const outcome = parsePaymentStatus('PAY-9', { supplierId: 'SUP-42', status: 'COMPLETED', statusAt: '2026-03-01T12:00:00+02:00', amount: '99.99', currency: 'EUR' });
    expect(outcome).toMatchObject({
      ok: true,
      value: { kind: 'PAYMENT_STATUS', businessKey: 'PAY-9/COMPLETED', subjectId: 'PAY-9', amount: '99.99', currency: 'EUR' },
    });
    expect(outcome.ok && outcome.value.record.statusAt).toBe('2026-03-01T10:00:00.000Z');
  });

  it('when an amount comes without a currency › refuses it as INCONSISTENT', () => {
    const outcome = parsePaymentStatus('PAY-9', { supplierId: 'SUP-42', status: 'COMPLETED', statusAt: '2026-03-01T10:00:00Z', amount: '1.00' });
    expect(!outcome.ok && outcome.problems.map((p) => `${p.path}:${p.code}`)).toEqual(['currency:INCONSISTENT']);
  });

  it('when the instant has no zone or the status is unknown › reports both', () => {
    const outcome = parsePaymentStatus('PAY-9', { supplierId: 'SUP-42', status: 'PAID', statusAt: '2026-03-01T10:00:00' });
    expect(!outcome.ok && outcome.problems.map((p) => `${p.path}:${p.code}`)).toEqual(['status:UNKNOWN_CODE', 'statusAt:MALFORMED']);
  });
});
