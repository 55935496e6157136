// Property-based fuzzing (fast-check) of the ERP sandbox's request parsers: thousands of broken
// postings, fault rules, ledger queries and idempotency keys. Each is parsed or refused with
// problems whose codes come from the closed list — never a throw — and what parses is a posting
// with a business key (the ledger's exactly-once identity).
import fc from 'fast-check';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the shared fuzz helpers live in test/faults (spec files only)
import { badInputsLike, fuzz, junk } from '../../../../test/faults/fuzz';
import { parseApInvoice } from './ap-invoice';
import { parseEncumbrance } from './encumbrance';
import { parseFaultSpec } from './faults';
import { parseIdempotencyKey } from './idempotency';
import { parseLedgerQuery } from './ledger-query';
import { parsePaymentStatus } from './payment-status';
import { PROBLEM_CODES, type Parsed } from './problem';
import { parseVendorUpsert } from './vendor-upsert';

const INVOICE = { invoiceId: 'INV-7', supplierId: 'SUP-42', poNumber: 'PO-1001', amount: '110.10', taxAmount: '10.00', currency: 'USD', lines: [{ lineNumber: 1, description: 'Gloves', quantity: '10', amount: '50.05' }, { lineNumber: 2, description: 'Masks', amount: '50.05' }] };
const ENCUMBRANCE = { poNumber: 'PO-1001', revision: 2, lineNumber: 3, glAccount: '5100-SUPPLIES', costCentre: 'CC-ICU', facilityId: 'FAC-NORTH', amount: '1250.5000', currency: 'USD', direction: 'ENCUMBER' };
const VENDOR = { legalName: 'Acme Medical Supply LLC', status: 'ACTIVE', remitTo: { line1: '1 Main St', city: 'Springfield', postalCode: '62701', country: 'US' }, bankAccount: { token: 'tok_bank_7f3a9c21', maskedNumber: '****6789', bankCountry: 'US' } };
const PAYMENT = { supplierId: 'SUP-42', status: 'COMPLETED', statusAt: '2026-03-01T12:00:00+02:00', amount: '99.99', currency: 'EUR' };
const FAULT = { mode: 'fail', capability: 'ap-invoices', status: 503, durationMs: 60000, count: 5 };
const QUERY = { kind: 'AP_INVOICE', subjectId: 'INV-7', since: '2026-03-01T00:00:00Z', afterSequence: '10', limit: '100' };

function expectParsedOrCoded<T>(outcome: Parsed<T>): T | undefined {
  if (outcome.ok) return outcome.value;
  expect(outcome.problems.length).toBeGreaterThan(0);
  for (const p of outcome.problems) expect([PROBLEM_CODES.includes(p.code), typeof p.path, /\S/.test(p.message)]).toEqual([true, 'string', true]);
  return undefined;
}

const postings: Array<[string, unknown, (body: unknown) => Parsed<{ businessKey: string }>]> = [
  ['AP invoice', INVOICE, parseApInvoice],
  ['encumbrance', ENCUMBRANCE, parseEncumbrance],
  ['vendor upsert', VENDOR, (body) => parseVendorUpsert('SUP-42', body)],
  ['payment status', PAYMENT, (body) => parsePaymentStatus('PAY-9', body)],
];

describe('the ERP sandbox request parsers under fuzzing', () => {
  it.each(postings)('when %s bodies are broken in thousands of ways › each is a posting with a business key or refused with coded problems', (label, valid, parse) => {
    expect(parse(valid).ok).toBe(true);
    const cases = fuzz(`erp-sandbox: ${label} body → parse`, badInputsLike(valid), (body) => {
      const posting = expectParsedOrCoded(parse(body));
      if (posting) expect(posting.businessKey.length).toBeGreaterThan(0);
    });
    expect(cases).toBeGreaterThanOrEqual(1000);
  });

  it('when fault rules, ledger queries and idempotency keys are broken › each is parsed or refused with coded problems', () => {
    fuzz('erp-sandbox: fault rule → parse', badInputsLike(FAULT), (body) => void expectParsedOrCoded(parseFaultSpec(body, 0)));
    fuzz('erp-sandbox: ledger query → parse', badInputsLike(QUERY), (query) => {
      if (typeof query === 'object' && query !== null) expectParsedOrCoded(parseLedgerQuery(query as Record<string, unknown>));
    });
    fuzz('erp-sandbox: Idempotency-Key header → parse', fc.oneof(fc.string({ maxLength: 300 }), fc.array(fc.string(), { maxLength: 3 }), junk()), (header) => {
      const outcome = parseIdempotencyKey(header as string | string[] | undefined);
      if (!outcome.ok) expect(PROBLEM_CODES).toContain(outcome.problem.code);
    });
  });
});
