import type { Decimal } from '@procurelink/canonical-schemas';
import { decidePurchaseOrderCancellation } from './decide-purchase-order-cancellation';
import { decidePurchaseOrderRevision } from './decide-purchase-order-revision';
import type { PurchaseOrderDecision } from './purchase-order-decision';
import type { PurchaseOrderState } from './purchase-order-state';
import { approved, cancelled, changed, dec, line, PO_NUMBER, REFERENCE } from './purchase-order.fixture.spec';

function posted(decision: PurchaseOrderDecision): Extract<PurchaseOrderDecision, { kind: 'posted' }> {
  if (decision.kind !== 'posted') throw new Error(`expected postings, got ${JSON.stringify(decision)}`);
  return decision;
}

// Line 1 = 250.00 on 6000/CC-410, line 2 = 200.00 on 6200/CC-420.
const lines = [line(1), line(2, { quantity: '4', unitPrice: '50.00', glAccount: '6200', costCentre: 'CC-420', departmentId: 'D-OR' })];
const open = (): PurchaseOrderState => posted(decidePurchaseOrderRevision(null, approved(0, lines), REFERENCE)).next;
const relieved = (entries: readonly [number, string][]): ReadonlyMap<number, Decimal> => new Map(entries.map(([n, amount]) => [n, dec(amount)]));
const releases = (decision: PurchaseOrderDecision) =>
  posted(decision).postings.map((p) => `${p.lineNumber} ${p.direction} ${p.amount.toString()} ${p.glAccount}/${p.costCentre}`);

describe('decidePurchaseOrderCancellation', () => {
  describe('when no invoice has relieved anything', () => {
    const decision = posted(decidePurchaseOrderCancellation(open(), cancelled(0), new Map()));

    it('› releases every line in full on its own account', () => {
      expect(releases(decision)).toEqual(['1 RELEASE 250.00 6000/CC-410', '2 RELEASE 200.00 6200/CC-420']);
    });

    it('› marks each posting CANCELLED with a cancel-release key of PO + revision + line', () => {
      expect(decision.postings[0]).toMatchObject({
        idempotencyKey: `encumbrance:${PO_NUMBER}:0:1:CANCEL_RELEASE`,
        cause: 'CANCELLED',
        direction: 'RELEASE',
        revision: 0,
        facilityId: 'FAC-01',
        departmentId: 'D-ICU',
        currency: 'USD',
      });
    });

    it('› leaves the PO cancelled with nothing encumbered', () => {
      expect(decision.next.status).toBe('CANCELLED');
      expect(decision.next.lines.map((each) => each.encumbered.toString())).toEqual(['0.00', '0.00']);
    });
  });

  describe('when matched invoices relieved part of the encumbrance', () => {
    it('› releases only what is left per line', () => {
      const decision = decidePurchaseOrderCancellation(open(), cancelled(0), relieved([[1, '100.00'], [2, '0.01']]));
      expect(releases(decision)).toEqual(['1 RELEASE 150.00 6000/CC-410', '2 RELEASE 199.99 6200/CC-420']);
      expect(posted(decision).next.lines.map((each) => each.encumbered.toString())).toEqual(['100.00', '0.01']);
    });

    it('› a line fully relieved › releases nothing for it', () => {
      expect(releases(decidePurchaseOrderCancellation(open(), cancelled(0), relieved([[1, '250.00']])))).toEqual(['2 RELEASE 200.00 6200/CC-420']);
    });

    it('› a line relieved beyond its encumbrance (over-invoiced) › releases nothing for it, never a negative amount', () => {
      expect(releases(decidePurchaseOrderCancellation(open(), cancelled(0), relieved([[1, '300.00']])))).toEqual(['2 RELEASE 200.00 6200/CC-420']);
    });

    it('› a relieved amount below zero › counts as nothing relieved', () => {
      expect(releases(decidePurchaseOrderCancellation(open(), cancelled(0), relieved([[1, '-5.00']])))).toEqual([
        '1 RELEASE 250.00 6000/CC-410',
        '2 RELEASE 200.00 6200/CC-420',
      ]);
    });

    it('› every line fully relieved › posts nothing and still cancels', () => {
      const decision = posted(decidePurchaseOrderCancellation(open(), cancelled(0), relieved([[1, '250.00'], [2, '200.00']])));
      expect(decision.postings).toEqual([]);
      expect(decision.next.status).toBe('CANCELLED');
    });
  });

  describe('when the PO was changed before it was cancelled', () => {
    it('› releases what the latest revision encumbered, under a key distinct from the change\'s own release', () => {
      const afterChange = posted(decidePurchaseOrderRevision(open(), changed(1, [line(1, { quantity: '6' })]), REFERENCE));
      const decision = posted(decidePurchaseOrderCancellation(afterChange.next, cancelled(1), new Map()));
      expect(releases(decision)).toEqual(['1 RELEASE 150.00 6000/CC-410']);
      const keys = [...afterChange.postings, ...decision.postings].map((p) => p.idempotencyKey);
      expect(keys).toEqual([`encumbrance:${PO_NUMBER}:1:1:RELEASE`, `encumbrance:${PO_NUMBER}:1:2:RELEASE`, `encumbrance:${PO_NUMBER}:1:1:CANCEL_RELEASE`]);
    });
  });

  describe('when the cancellation is older than the last revision posted', () => {
    it('› is ignored as STALE_REVISION', () => {
      const current = posted(decidePurchaseOrderRevision(open(), changed(2, lines), REFERENCE)).next;
      expect(decidePurchaseOrderCancellation(current, cancelled(1), new Map())).toEqual({
        kind: 'ignored',
        reason: 'STALE_REVISION',
        revision: 1,
        lastRevision: 2,
      });
    });
  });

  describe('when the PO is cancelled again', () => {
    it('› is ignored as ALREADY_CANCELLED: nothing is released twice', () => {
      const once = posted(decidePurchaseOrderCancellation(open(), cancelled(0), new Map())).next;
      expect(decidePurchaseOrderCancellation(once, cancelled(0), new Map())).toMatchObject({ kind: 'ignored', reason: 'ALREADY_CANCELLED' });
    });
  });

  describe('when a PO never seen is cancelled', () => {
    const decision = posted(decidePurchaseOrderCancellation(null, cancelled(0), new Map()));

    it('› posts nothing: nothing was encumbered', () => {
      expect(decision.postings).toEqual([]);
    });

    it('› remembers the cancellation, so a late approval is ignored instead of encumbered', () => {
      expect(decidePurchaseOrderRevision(decision.next, approved(0, lines), REFERENCE)).toEqual({
        kind: 'ignored',
        reason: 'PO_CANCELLED',
        revision: 0,
        lastRevision: 0,
      });
    });
  });
});
