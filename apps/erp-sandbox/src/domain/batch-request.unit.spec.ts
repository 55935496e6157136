import { parseApInvoice } from './ap-invoice';
import { decodeBatch, MAX_BATCH_ITEMS, routeWrite, type BatchItem, type BatchRoute } from './batch-request';
import { parseEncumbrance } from './encumbrance';
import { capabilityOf } from '../faults/fault-middleware';

const VENDOR = { legalName: 'Acme', status: 'ACTIVE', remitTo: { line1: '1 Main St', city: 'Springfield', postalCode: '62701', country: 'US' } };
const PAYMENT = { supplierId: 'SUP-1', status: 'COMPLETED', statusAt: '2026-03-01T10:00:00Z' };
const item = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  method: 'PUT',
  path: '/erp/v1/vendors/SUP-1',
  idempotencyKey: 'k-1',
  body: VENDOR,
  ...overrides,
});

function decoded(items: unknown[]): readonly BatchItem[] {
  const outcome = decodeBatch({ requests: items });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return outcome.value;
}

function route(method: string, path: string): BatchRoute {
  const found = routeWrite(method, path);
  if (found === null || found === 'MALFORMED') throw new Error(`no route for ${method} ${path}`);
  return found;
}

describe('a batch envelope', () => {
  it.each([
    ['a list', [], '$', 'NOT_AN_OBJECT'],
    ['without requests', {}, 'requests', 'MISSING'],
    ['with requests not a list', { requests: { method: 'PUT' } }, 'requests', 'WRONG_TYPE'],
    ['with no requests', { requests: [] }, 'requests', 'MISSING'],
    [`with ${MAX_BATCH_ITEMS + 1} requests`, { requests: Array.from({ length: MAX_BATCH_ITEMS + 1 }, () => item()) }, 'requests', 'TOO_LONG'],
    ['with an unknown top-level field', { requests: [item()], atomic: true }, 'atomic', 'UNKNOWN_FIELD'],
  ])('%s › is refused as a whole at its path', (_, body, path, code) => {
    const outcome = decodeBatch(body);
    expect(!outcome.ok && outcome.problems.map((p) => `${p.path}:${p.code}`)).toEqual([`${path}:${code}`]);
  });

  it(`with 1 and with ${MAX_BATCH_ITEMS} requests › is decoded item by item, in order`, () => {
    expect(decoded([item()])).toHaveLength(1);
    const many = decoded(Array.from({ length: MAX_BATCH_ITEMS }, (_, i) => item({ idempotencyKey: `k-${i}` })));
    expect(many.map((one) => one.kind === 'WRITE' && one.idempotencyKey)).toEqual(Array.from({ length: MAX_BATCH_ITEMS }, (_, i) => `k-${i}`));
  });
});

describe('a batch item', () => {
  it('that is a write › keeps its method, path (as sent), key and body for the single-call fingerprint', () => {
    const [write] = decoded([item({ path: '/erp/v1/vendors/SUP%3A1' })]);
    expect(write).toMatchObject({ kind: 'WRITE', method: 'PUT', path: '/erp/v1/vendors/SUP%3A1', idempotencyKey: 'k-1', body: VENDOR, route: { capability: 'vendors', created: 200 } });
  });

  it('without a key, or with null › is a write with no key (answered IDEMPOTENCY_KEY_REQUIRED as a missing header)', () => {
    const [absent, nulled] = decoded([item({ idempotencyKey: undefined }), item({ idempotencyKey: null })]);
    expect([absent, nulled].map((one) => one?.kind === 'WRITE' && one.idempotencyKey)).toEqual([undefined, undefined]);
  });

  it.each([
    ['not an object', 'PUT', 'requests[0]:NOT_AN_OBJECT'],
    ['without a method', item({ method: undefined }), 'requests[0].method:MISSING'],
    ['with a numeric path', item({ path: 7 }), 'requests[0].path:WRONG_TYPE'],
    ['without a body', item({ body: undefined }), 'requests[0].body:MISSING'],
    ['with a text body', item({ body: 'x' }), 'requests[0].body:WRONG_TYPE'],
    ['with a numeric key', item({ idempotencyKey: 42 }), 'requests[0].idempotencyKey:WRONG_TYPE'],
    ['with an unknown field', item({ headers: {} }), 'requests[0].headers:UNKNOWN_FIELD'],
    ['with a broken percent-encoding', item({ path: '/erp/v1/vendors/SUP%zz' }), 'requests[0].path:MALFORMED'],
  ])('%s › is INVALID alone, at requests[i]', (_, broken, problem) => {
    const [bad, good] = decoded([broken, item()]);
    expect(bad?.kind === 'INVALID' && bad.problems.map((p) => `${p.path}:${p.code}`)).toEqual([problem]);
    expect(good?.kind).toBe('WRITE');
  });

  it.each([
    ['GET', '/erp/v1/encumbrances/ENC-00000001'],
    ['PUT', '/erp/v1/encumbrances'],
    ['POST', '/erp/v1/vendors/SUP-1'],
    ['POST', '/erp/v1/ledger'],
    ['POST', '/erp/v1/batch'],
    ['POST', '/erp/v1/encumbrances?x=1'],
    ['PUT', '/erp/v1/vendors/SUP-1/extra'],
    ['post', '/erp/v1/encumbrances'],
  ])('%s %s › is NOT_FOUND with its index', (method, path) => {
    const [, other] = decoded([item(), item({ method, path })]);
    expect(other).toEqual({ kind: 'NOT_FOUND', index: 1 });
  });
});

describe('routing a batch item to its single call', () => {
  it('POST encumbrances and ap-invoices › the single-call parsers, 201', () => {
    expect(route('POST', '/erp/v1/encumbrances')).toEqual({ capability: 'encumbrances', created: 201, parse: parseEncumbrance });
    expect(route('POST', '/erp/v1/ap-invoices')).toEqual({ capability: 'ap-invoices', created: 201, parse: parseApInvoice });
  });

  it('PUT a vendor › parses with the decoded supplier id, 200', () => {
    const vendors = route('PUT', '/erp/v1/vendors/SUP%3A1');
    expect(vendors).toMatchObject({ capability: 'vendors', created: 200 });
    expect(vendors.parse(VENDOR)).toMatchObject({ ok: true, value: { kind: 'VENDOR_UPSERT', subjectId: 'SUP:1' } });
  });

  it('PUT a payment status › parses with the decoded payment id, 200; an id the single call refuses is refused at params.paymentId', () => {
    const payments = route('PUT', '/erp/v1/payments/PAY-7/status');
    expect(payments).toMatchObject({ capability: 'payments', created: 200 });
    expect(payments.parse(PAYMENT)).toMatchObject({ ok: true, value: { kind: 'PAYMENT_STATUS', subjectId: 'PAY-7' } });
    const slashed = route('PUT', '/erp/v1/payments/PAY%2F7/status').parse(PAYMENT);
    expect(!slashed.ok && slashed.problems.map((p) => p.path)).toEqual(['params.paymentId']);
  });

  it('the batch URL itself has no capability, so the fault middleware leaves it alone', () => {
    expect(capabilityOf('/erp/v1/batch')).toBeNull();
    expect(capabilityOf('/erp/v1/encumbrances')).toBe('encumbrances');
  });
});
