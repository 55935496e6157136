import { Decimal } from '@procurelink/canonical-schemas';
import { decidePurchaseOrderRevision } from './decide-purchase-order-revision';
import type { EncumbrancePosting } from './encumbrance-posting';
import type { PurchaseOrderDecision } from './purchase-order-decision';
import type { PurchaseOrderState } from './purchase-order-state';
import { approved, changed, dec, line, PO_NUMBER, REFERENCE } from './purchase-order.fixture.spec';
import { referenceDataFrom } from './reference-data';

function posted(decision: PurchaseOrderDecision): Extract<PurchaseOrderDecision, { kind: 'posted' }> {
  if (decision.kind !== 'posted') throw new Error(`expected postings, got ${JSON.stringify(decision)}`);
  return decision;
}

/** Postings as short strings: "line direction amount account/costCentre". */
const brief = (postings: readonly EncumbrancePosting[]) =>
  postings.map((p) => `${p.lineNumber} ${p.direction} ${p.amount.toString()} ${p.glAccount}/${p.costCentre}`);

// Revision 0: line 1 = 10 × 25.00 = 250.00, line 2 = 4 × 50.00 = 200.00, line 3 = 2 × 12.50 = 25.00.
const L1 = line(1);
const L2 = line(2, { quantity: '4', unitPrice: '50.00' });
const L3 = line(3, { quantity: '2', unitPrice: '12.50' });
const revision0 = [L1, L2, L3];
const approvedState = (): PurchaseOrderState => posted(decidePurchaseOrderRevision(null, approved(0, revision0), REFERENCE)).next;

describe('decidePurchaseOrderRevision', () => {
  describe('when a purchase order is first approved', () => {
    const decision = posted(decidePurchaseOrderRevision(null, approved(0, revision0), REFERENCE));

    it('› encumbers each line in full on its GL account and cost centre', () => {
      expect(brief(decision.postings)).toEqual(['1 ENCUMBER 250.00 6000/CC-410', '2 ENCUMBER 200.00 6000/CC-410', '3 ENCUMBER 25.00 6000/CC-410']);
    });

    it('› gives each posting its coding, currency, cause and a key of PO number + revision + line', () => {
      expect(decision.postings[0]).toEqual({
        idempotencyKey: `encumbrance:${PO_NUMBER}:0:1:ENCUMBER`,
        poNumber: PO_NUMBER,
        revision: 0,
        lineNumber: 1,
        facilityId: 'FAC-01',
        departmentId: 'D-ICU',
        costCentre: 'CC-410',
        glAccount: '6000',
        currency: 'USD',
        amount: dec('250.00'),
        direction: 'ENCUMBER',
        cause: 'APPROVED',
      });
      expect(new Set(decision.postings.map((posting) => posting.idempotencyKey)).size).toBe(3);
    });

    it('› remembers the revision, the ordered quantities and what stands encumbered', () => {
      expect(decision.next).toMatchObject({ poNumber: PO_NUMBER, supplierId: 'SUP-ACME', revision: 0, status: 'OPEN', lastRevisionEvent: 'APPROVED', receiptIds: [] });
      expect(decision.next.lines.map((each) => [each.lineNumber, each.orderedQuantity.toString(), each.receivedQuantity.toString(), each.encumbered.toString()])).toEqual([
        [1, '10', '0', '250.00'],
        [2, '4', '0', '200.00'],
        [3, '2', '0', '25.00'],
      ]);
    });
  });

  describe('when the revision breaks the reference data', () => {
    it('› posts nothing and returns the problems', () => {
      const decision = decidePurchaseOrderRevision(null, approved(0, [line(1, { glAccount: '6100' })]), REFERENCE);
      expect(decision).toEqual({
        kind: 'invalid',
        problems: [{ path: 'lines[0].glAccount', code: 'INACTIVE_GL_ACCOUNT', message: 'GL 6100 is inactive' }],
      });
    });
  });

  describe('when a new revision changes the order', () => {
    it('› a quantity increase › encumbers only the increase', () => {
      const change = changed(1, [line(1, { quantity: '12' }), L2, L3]);
      const decision = posted(decidePurchaseOrderRevision(approvedState(), change, REFERENCE));
      expect(brief(decision.postings)).toEqual(['1 ENCUMBER 50.00 6000/CC-410']);
      expect(decision.postings[0]).toMatchObject({ idempotencyKey: `encumbrance:${PO_NUMBER}:1:1:ENCUMBER`, revision: 1, cause: 'CHANGED' });
    });

    it('› a price decrease › releases only the decrease', () => {
      const change = changed(1, [L1, line(2, { quantity: '4', unitPrice: '45.00' }), L3]);
      expect(brief(posted(decidePurchaseOrderRevision(approvedState(), change, REFERENCE)).postings)).toEqual(['2 RELEASE 20.00 6000/CC-410']);
    });

    it('› a new line › encumbers it in full', () => {
      const change = changed(1, [...revision0, line(4, { quantity: '1', unitPrice: '99.95' })]);
      expect(brief(posted(decidePurchaseOrderRevision(approvedState(), change, REFERENCE)).postings)).toEqual(['4 ENCUMBER 99.95 6000/CC-410']);
    });

    it('› a removed line › releases all it had', () => {
      const change = changed(1, [L1, L3]);
      const decision = posted(decidePurchaseOrderRevision(approvedState(), change, REFERENCE));
      expect(brief(decision.postings)).toEqual(['2 RELEASE 200.00 6000/CC-410']);
      expect(decision.next.lines.map((each) => each.lineNumber)).toEqual([1, 3]);
    });

    it('› a line moved to another GL account › releases the old account and encumbers the new one', () => {
      const change = changed(1, [L1, line(2, { quantity: '4', unitPrice: '50.00', glAccount: '6200', costCentre: 'CC-420' }), L3]);
      const decision = posted(decidePurchaseOrderRevision(approvedState(), change, REFERENCE));
      expect(brief(decision.postings)).toEqual(['2 RELEASE 200.00 6000/CC-410', '2 ENCUMBER 200.00 6200/CC-420']);
      expect(decision.postings.map((posting) => posting.idempotencyKey)).toEqual([
        `encumbrance:${PO_NUMBER}:1:2:RELEASE`,
        `encumbrance:${PO_NUMBER}:1:2:ENCUMBER`,
      ]);
    });

    it('› a line moved to another currency › releases it in the old currency and encumbers it in the new', () => {
      const change = changed(1, [line(1, { currency: 'CAD' })]);
      const decision = posted(decidePurchaseOrderRevision(posted(decidePurchaseOrderRevision(null, approved(0, [line(1)]), REFERENCE)).next, change, REFERENCE));
      expect(decision.postings.map((posting) => `${posting.direction} ${posting.amount.toString()} ${posting.currency}`)).toEqual([
        'RELEASE 250.00 USD',
        'ENCUMBER 250.00 CAD',
      ]);
    });

    it('› increases, decreases, new and removed lines at once › posts each, in line order', () => {
      const change = changed(1, [line(1, { quantity: '8' }), line(3, { quantity: '4', unitPrice: '12.50' }), line(5, { quantity: '3', unitPrice: '10.00' })]);
      expect(brief(posted(decidePurchaseOrderRevision(approvedState(), change, REFERENCE)).postings)).toEqual([
        '1 RELEASE 50.00 6000/CC-410',
        '2 RELEASE 200.00 6000/CC-410',
        '3 ENCUMBER 25.00 6000/CC-410',
        '5 ENCUMBER 30.00 6000/CC-410',
      ]);
    });

    it('› nothing that moves money (the same amounts, written at another scale) › posts nothing but records the revision', () => {
      const change = changed(1, [line(1, { lineAmount: '250.0' }), L2, L3]);
      const decision = posted(decidePurchaseOrderRevision(approvedState(), change, REFERENCE));
      expect(decision.postings).toEqual([]);
      expect(decision.next.revision).toBe(1);
      expect(decision.next.lastRevisionEvent).toBe('CHANGED');
    });

    it('› keeps what was already received on the lines that stay', () => {
      const received: PurchaseOrderState = {
        ...approvedState(),
        lines: approvedState().lines.map((each) => ({ ...each, receivedQuantity: dec('3') })),
        receiptIds: ['GR-1'],
      };
      const decision = posted(decidePurchaseOrderRevision(received, changed(1, [line(1, { quantity: '12' }), line(9)]), REFERENCE));
      expect(decision.next.lines.map((each) => [each.lineNumber, each.receivedQuantity.toString()])).toEqual([
        [1, '3'],
        [9, '0'],
      ]);
      expect(decision.next.receiptIds).toEqual(['GR-1']);
    });

    it('› over any series of revisions › the net of all postings equals the latest order total', () => {
      const revisions = [
        approved(0, revision0),
        changed(1, [line(1, { quantity: '12' }), line(4, { quantity: '7', unitPrice: '3.10' })]),
        changed(2, [line(1, { quantity: '5', glAccount: '6200' }), line(4, { quantity: '7', unitPrice: '3.10' }), line(6, { quantity: '1', unitPrice: '0.99' })]),
        changed(3, [line(6, { quantity: '2', unitPrice: '0.99' })]),
      ];
      let state: PurchaseOrderState | null = null;
      let net = Decimal.zero();
      for (const revision of revisions) {
        const decision = posted(decidePurchaseOrderRevision(state, revision, REFERENCE));
        net = decision.postings.reduce((sum, p) => (p.direction === 'ENCUMBER' ? sum.add(p.amount) : sum.subtract(p.amount)), net);
        state = decision.next;
      }
      expect(net.toString()).toBe('1.98');
    });
  });

  describe('when the revision is not greater than the last one posted', () => {
    it('› the same revision again › is ignored as DUPLICATE_REVISION', () => {
      expect(decidePurchaseOrderRevision(approvedState(), approved(0, revision0), REFERENCE)).toEqual({
        kind: 'ignored',
        reason: 'DUPLICATE_REVISION',
        revision: 0,
        lastRevision: 0,
      });
    });

    it('› an older revision › is ignored as STALE_REVISION, without validating it against today\'s reference data', () => {
      const current = posted(decidePurchaseOrderRevision(approvedState(), changed(2, revision0), REFERENCE)).next;
      const everythingInactive = referenceDataFrom({ facilities: [], departments: [], costCentres: [], glAccounts: [] });
      expect(decidePurchaseOrderRevision(current, changed(1, revision0), everythingInactive)).toEqual({
        kind: 'ignored',
        reason: 'STALE_REVISION',
        revision: 1,
        lastRevision: 2,
      });
    });
  });

  describe('when the PO was cancelled', () => {
    it('› ignores a later revision as PO_CANCELLED', () => {
      const cancelledState: PurchaseOrderState = { ...approvedState(), status: 'CANCELLED' };
      expect(decidePurchaseOrderRevision(cancelledState, changed(5, revision0), REFERENCE)).toMatchObject({ kind: 'ignored', reason: 'PO_CANCELLED' });
    });
  });

  describe('when a change arrives for a PO never approved here', () => {
    it('› encumbers its lines in full, as they carry the complete order', () => {
      const decision = posted(decidePurchaseOrderRevision(null, changed(3, revision0), REFERENCE));
      expect(brief(decision.postings)).toEqual(['1 ENCUMBER 250.00 6000/CC-410', '2 ENCUMBER 200.00 6000/CC-410', '3 ENCUMBER 25.00 6000/CC-410']);
      expect(decision.postings.every((posting) => posting.cause === 'CHANGED' && posting.revision === 3)).toBe(true);
    });
  });
});
