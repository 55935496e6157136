import { erpPaymentEventId, parseErpPaymentRecord } from './erp-payment-record';

const valid = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  paymentId: 'PMT-1',
  status: 'SCHEDULED',
  statusAt: '2026-03-02T09:00:00Z',
  supplierId: 'SUP-1',
  facilityId: 'FAC-NORTH',
  amount: '1250.50',
  currency: 'USD',
  method: 'ACH',
  scheduledDate: '2026-03-05',
  invoices: [
    { invoiceId: 'INV-1', amount: '1000' },
    { invoiceId: 'INV-2', amount: '250.50' },
  ],
  erpReference: 'RUN-7',
  ...extra,
});

const problemsOf = (value: unknown) => {
  const result = parseErpPaymentRecord(value);
  return result.ok ? [] : result.problems.map((p) => p.path);
};

describe('parsing an ERP payment record', () => {
  it('when every field is well formed › returns the record with optional fields as null', () => {
    const result = parseErpPaymentRecord(valid());
    expect(result).toMatchObject({ ok: true, record: { paymentId: 'PMT-1', amount: '1250.50', failureReason: null, correlationId: null } });
  });

  it('when the amount is a JSON number › refuses it at path amount', () => {
    const result = parseErpPaymentRecord(valid({ amount: 1250.5 }));
    expect(result).toEqual({ ok: false, problems: [expect.objectContaining({ path: 'amount', message: expect.stringContaining('not a JSON number') })] });
  });

  it('when the invoice amounts do not add up to the payment › reports invoices', () => {
    expect(problemsOf(valid({ invoices: [{ invoiceId: 'INV-1', amount: '1000.00' }] }))).toEqual(['invoices']);
  });

  it('when several fields are wrong › reports every one with its path at once', () => {
    expect(
      problemsOf(valid({ paymentId: 'has space', status: 'PAID', statusAt: '2026-03-02', currency: 'usd', invoices: [{ invoiceId: 'X', amount: 'ten' }] })),
    ).toEqual(['paymentId', 'status', 'statusAt', 'currency', 'invoices[0].amount']);
  });

  it('when the amount has more than 4 decimal places › refuses it', () => {
    expect(problemsOf(valid({ amount: '1250.50001' }))).toContain('amount');
  });

  it('when a status needs its reason › FAILED needs failureReason and VOIDED needs voidReason', () => {
    expect(problemsOf(valid({ status: 'FAILED' }))).toEqual(['failureReason']);
    expect(problemsOf(valid({ status: 'VOIDED' }))).toEqual(['voidReason']);
  });

  it('when a schedule has no scheduledDate › reports it; other statuses do not need one', () => {
    expect(problemsOf(valid({ scheduledDate: undefined }))).toEqual(['scheduledDate']);
    expect(problemsOf(valid({ status: 'COMPLETED', scheduledDate: undefined }))).toEqual([]);
  });

  it('when the value is not an object › one problem at the top level', () => {
    expect(problemsOf([1, 2])).toEqual(['']);
  });

  it('when fields are missing or wrong › each problem carries its code from the closed list', () => {
    const result = parseErpPaymentRecord(valid({ paymentId: undefined, amount: 12.5, status: 'PAID', invoices: [] }));
    expect(result.ok ? [] : result.problems.map((p) => [p.path, p.code])).toEqual([
      ['paymentId', 'REQUIRED'],
      ['status', 'NOT_ALLOWED'],
      ['amount', 'NOT_A_DECIMAL_STRING'],
      ['invoices', 'INVALID_LIST'],
    ]);
  });

  it('when invoice ids repeat or amounts do not add up › DUPLICATE and AMOUNTS_DO_NOT_ADD_UP', () => {
    const result = parseErpPaymentRecord(valid({ invoices: [{ invoiceId: 'INV-1', amount: '1000' }, { invoiceId: 'INV-1', amount: '1' }] }));
    expect(result.ok ? [] : result.problems.map((p) => [p.path, p.code])).toEqual([
      ['invoices[1].invoiceId', 'DUPLICATE'],
      ['invoices', 'AMOUNTS_DO_NOT_ADD_UP'],
    ]);
  });

  it('never echoes a field value in a problem message', () => {
    const result = parseErpPaymentRecord(valid({ supplierId: 'SECRET 123456789' }));
    expect(JSON.stringify(result)).not.toContain('123456789');
  });
});

describe('the event id of an ERP payment record', () => {
  it('is the same for the same payment, status and instant however the instant is written', () => {
    expect(erpPaymentEventId(valid())).toBe(erpPaymentEventId(valid({ statusAt: '2026-03-02T10:00:00.000+01:00' })));
  });

  it('differs for another status or another instant', () => {
    const ids = new Set([valid(), valid({ status: 'COMPLETED' }), valid({ statusAt: '2026-03-02T09:00:01Z' })].map(erpPaymentEventId));
    expect(ids.size).toBe(3);
  });

  it('is undefined when the record cannot be identified', () => {
    expect(erpPaymentEventId({ paymentId: 'PMT-1' })).toBeUndefined();
    expect(erpPaymentEventId('text')).toBeUndefined();
  });
});
