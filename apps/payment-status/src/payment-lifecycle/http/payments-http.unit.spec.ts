import { Decimal } from '@procurelink/canonical-schemas';
import { buildOpenApiDocument, InvalidRequest } from '@procurelink/system-api';
import type { PaymentStatusView } from '../payment-status-lookup';
import { paymentRecordOrInvalid, toFieldProblem } from './field-problems';
import { isPaymentId, paymentNotFound, toPaymentStatusResponse } from './payment-status-response';
import { ERP_PAYMENT_REQUEST_SCHEMA, PAYMENT_ROUTES } from './payments.routes';

const body = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  paymentId: 'PMT-1',
  status: 'SCHEDULED',
  statusAt: '2026-03-02T09:00:00Z',
  supplierId: 'SUP-1',
  facilityId: 'FAC-NORTH',
  amount: '1250.50',
  currency: 'USD',
  method: 'ACH',
  scheduledDate: '2026-03-05',
  invoices: [{ invoiceId: 'INV-1', amount: '1250.50' }],
  erpReference: 'RUN-7',
  ...extra,
});

const invalid = (value: unknown): InvalidRequest => {
  try {
    paymentRecordOrInvalid(value);
  } catch (error) {
    if (error instanceof InvalidRequest) return error;
    throw error;
  }
  throw new Error('expected an InvalidRequest');
};

describe('a submitted payment body', () => {
  it('when it is a valid ERP payment record › returns the parsed record', () => {
    expect(paymentRecordOrInvalid(body())).toMatchObject({ paymentId: 'PMT-1', status: 'SCHEDULED', amount: '1250.50' });
  });

  it('when fields are wrong › a 400 invalid-request lists each field path with its code', () => {
    const error = invalid(body({ amount: 1250.5, currency: 'usd', invoices: [{ invoiceId: 'INV-1', amount: 'x' }] }));
    expect(error.status).toBe(400);
    expect(error.problems.map((p) => [p.path, p.code])).toEqual([
      ['amount', 'NOT_A_DECIMAL_STRING'],
      ['currency', 'INVALID_CURRENCY'],
      ['invoices[0].amount', 'INVALID_DECIMAL'],
    ]);
  });

  it('when the body is not an object › the problem is at path $', () => {
    expect(invalid([1]).problems).toEqual([{ path: '$', code: 'NOT_AN_OBJECT', message: 'must be a JSON object' }]);
    expect(toFieldProblem({ path: 'amount', code: 'REQUIRED', message: 'is required' })).toEqual({ path: 'amount', code: 'REQUIRED', message: 'is required' });
  });

  it('never echoes a submitted value in the problem', () => {
    const error = invalid(body({ supplierId: 'ACCT 000123456789', bankReference: 12345678 }));
    expect(JSON.stringify(error.toProblem())).not.toMatch(/123456789|12345678/);
  });
});

describe('the payment status response', () => {
  const view: PaymentStatusView = {
    paymentId: 'PMT-1',
    record: {
      paymentId: 'PMT-1',
      supplierId: 'SUP-1',
      status: 'COMPLETED',
      attempt: 1,
      amount: { amount: Decimal.parse('1250.5000'), currency: 'USD' },
      method: 'ACH',
      scheduledDate: '2026-03-05',
      invoices: [{ invoiceId: 'INV-1', poNumber: null }],
      statusSince: new Date('2026-03-05T14:10:00Z'),
      completion: { paidAt: new Date('2026-03-05T14:10:00Z'), amount: { amount: Decimal.parse('1250.5000'), currency: 'USD' }, bankReference: 'TRACE-1' },
      failure: null,
      voiding: null,
      appliedEventIds: ['e1', 'e2'],
    },
    history: [{ eventId: 'e1', eventType: 'PaymentScheduled', supplierId: 'SUP-1', at: '2026-03-02T09:00:00.000Z', outcome: 'APPLIED', from: 'NONE', to: 'SCHEDULED' }],
    supplierHold: { supplierId: 'SUP-1', reason: 'BANK_DETAILS_UNCONFIRMED', since: new Date('2026-03-04T00:00:00Z') },
  };

  it('when the payment has a record › gives its status, money as exact decimal strings and instants in ISO 8601', () => {
    const response = toPaymentStatusResponse(view);
    expect(response).toMatchObject({
      paymentId: 'PMT-1',
      status: 'COMPLETED',
      payment: { amount: { amount: '1250.5000', currency: 'USD' }, statusSince: '2026-03-05T14:10:00.000Z', completion: { paidAt: '2026-03-05T14:10:00.000Z', bankReference: 'TRACE-1' } },
      supplierHold: { reason: 'BANK_DETAILS_UNCONFIRMED', since: '2026-03-04T00:00:00.000Z' },
    });
    expect(response.history).toEqual(view.history);
    expect(JSON.stringify(response)).not.toContain('appliedEventIds');
  });

  it('when no schedule was ever accepted › status NONE with no payment, history kept', () => {
    const response = toPaymentStatusResponse({ ...view, record: null, supplierHold: null });
    expect(response).toMatchObject({ status: 'NONE', payment: null, supplierHold: null, history: view.history });
  });

  it('when the id is unknown or impossible › 404, naming the id only when it is a well-formed identifier', () => {
    expect(paymentNotFound('PMT-9').toProblem()).toMatchObject({ status: 404, detail: 'no payment PMT-9 is known' });
    expect(isPaymentId('<script>')).toBe(false);
    expect(paymentNotFound('<script>').toProblem().detail).not.toContain('script');
  });
});

describe('the payment route docs', () => {
  it('build an OpenAPI document with both routes, their scopes and the request schema', () => {
    const doc = buildOpenApiDocument({ title: 'Payment status', version: '1' }, PAYMENT_ROUTES) as { paths: Record<string, Record<string, Record<string, unknown>>> };
    expect(doc.paths['/v1/payments']?.['post']?.['x-required-scopes']).toEqual(['payments:submit']);
    expect(doc.paths['/v1/payments/{paymentId}']?.['get']?.['x-required-scopes']).toEqual(['payments:read']);
  });

  it('require every field SOURCE.md marks required, and describe every field the parser reads', () => {
    expect(ERP_PAYMENT_REQUEST_SCHEMA['required']).toEqual(['paymentId', 'status', 'statusAt', 'supplierId', 'facilityId', 'amount', 'currency', 'method', 'invoices', 'erpReference']);
    const properties = Object.keys(ERP_PAYMENT_REQUEST_SCHEMA['properties'] as object);
    const parsed = Object.keys(paymentRecordOrInvalid(body()));
    expect(properties.sort()).toEqual(parsed.sort());
  });
});
