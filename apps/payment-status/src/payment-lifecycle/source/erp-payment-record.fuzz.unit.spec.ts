// Property-based fuzzing (fast-check) of payment-status's source path: thousands of broken ERP
// payment records through parse → canonical event → state machine. Every input ends as a parsed
// record or problems with a code from the closed list (dead-lettered as INVALID_INPUT), never a
// throw; what parses maps and is decided (a transition, a duplicate or a coded rejection) from
// NONE and from SCHEDULED. Case counts go to FUZZ_REPORT (npm run test:faults prints them).
import { classify, invalidInput } from '@procurelink/messaging';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the shared fuzz helpers live in test/faults (spec files only)
import { badInputsLike, fuzz } from '../../../../../test/faults/fuzz';
import { decidePaymentEvent, type PaymentRecord } from '../domain';
import { toPaymentEvent } from '../mapping/to-payment-event';
import { describeProblems, parseErpPaymentRecord, SOURCE_PROBLEM_CODES } from '.';

const scheduled = {
  paymentId: 'PAY-9001',
  status: 'SCHEDULED',
  scheduledDate: '2026-04-04',
  statusAt: '2026-03-20T10:00:00Z',
  supplierId: 'V-10001',
  facilityId: 'FAC-NORTH',
  amount: '209.00',
  currency: 'USD',
  method: 'ACH',
  invoices: [{ invoiceId: 'INV-9001', amount: '209.00' }],
  erpReference: 'ERP-PAY-9001',
  correlationId: 'PO-9001',
};
const completed = { ...scheduled, status: 'COMPLETED', bankReference: 'ACH-771', statusAt: '2026-04-04T09:00:00Z' };
const context = { paymentHoldOf: () => null, poNumberOfInvoice: () => 'PO-9001' };
const KINDS = ['transition', 'duplicate', 'rejected'];

function scheduledRecord(): PaymentRecord {
  const parsed = parseErpPaymentRecord(scheduled);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const decision = decidePaymentEvent(null, toPaymentEvent(parsed.record, { tenant: 'demo-health' }), context);
  if (decision.kind !== 'transition') throw new Error(JSON.stringify(decision));
  return decision.next;
}

describe.each([
  ['a SCHEDULED', scheduled],
  ['a COMPLETED', completed],
])('ERP payment records (%s status) under fuzzing', (label, valid) => {
  it(`when ${label} record is broken in thousands of ways › it parses or is refused with coded problems (INVALID_INPUT); what parses is decided from NONE and SCHEDULED without a throw`, () => {
    const current = scheduledRecord();
    const cases = fuzz(`payment-status: ERP payment record (${label}) → parse, map, state machine`, badInputsLike(valid), (raw) => {
      const parsed = parseErpPaymentRecord(raw);
      if (!parsed.ok) {
        expect(parsed.problems.length).toBeGreaterThan(0);
        for (const p of parsed.problems) expect([SOURCE_PROBLEM_CODES.includes(p.code), typeof p.path]).toEqual([true, 'string']);
        expect(classify(invalidInput(describeProblems(parsed.problems))).code).toBe('INVALID_INPUT');
        return;
      }
      const event = toPaymentEvent(parsed.record, { tenant: 'demo-health' });
      for (const from of [null, current]) expect(KINDS).toContain(decidePaymentEvent(from, event, context).kind);
    });
    expect(cases).toBeGreaterThanOrEqual(1000);
  });
});
