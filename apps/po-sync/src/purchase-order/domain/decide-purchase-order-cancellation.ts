import { Decimal, type PurchaseOrderCancelled } from '@procurelink/canonical-schemas';
import { encumbranceKey, type EncumbrancePosting } from './encumbrance-posting';
import type { PurchaseOrderDecision } from './purchase-order-decision';
import type { PurchaseOrderLineState, PurchaseOrderState } from './purchase-order-state';

/**
 * Decides what a cancellation releases: per line, what stands encumbered minus what matched
 * invoices already relieved (`relievedByLine`, by PO line number, in the line's currency; the
 * caller reads it from the invoice side). A relieved amount below zero counts as zero; one at or
 * above the encumbrance leaves nothing to release on that line.
 *
 * Revisions: a cancel usually carries the PO's current revision, so one equal to the last posted
 * revision is applied; only a lower one is a STALE_REVISION. A second cancel is ALREADY_CANCELLED.
 * A cancel for a PO never seen posts nothing but is remembered, so a late approval of it is
 * ignored (PO_CANCELLED) instead of encumbering a cancelled order.
 */
export function decidePurchaseOrderCancellation(
  state: PurchaseOrderState | null,
  cancel: PurchaseOrderCancelled,
  relievedByLine: ReadonlyMap<number, Decimal>,
): PurchaseOrderDecision {
  if (state === null) {
    return {
      kind: 'posted',
      postings: [],
      next: { poNumber: cancel.poNumber, supplierId: null, revision: cancel.revision, status: 'CANCELLED', lines: [], receiptIds: [] },
    };
  }
  const ignored = { revision: cancel.revision, lastRevision: state.revision } as const;
  if (state.status === 'CANCELLED') return { kind: 'ignored', reason: 'ALREADY_CANCELLED', ...ignored };
  if (cancel.revision < state.revision) return { kind: 'ignored', reason: 'STALE_REVISION', ...ignored };

  const postings: EncumbrancePosting[] = [];
  const lines = state.lines.map((line): PurchaseOrderLineState => {
    const release = remaining(line, relievedByLine.get(line.lineNumber));
    if (release.isZero()) return line;
    postings.push({
      ...line.coding,
      idempotencyKey: encumbranceKey(state.poNumber, cancel.revision, line.lineNumber, 'CANCEL_RELEASE'),
      poNumber: state.poNumber,
      revision: cancel.revision,
      lineNumber: line.lineNumber,
      amount: release,
      direction: 'RELEASE',
      cause: 'CANCELLED',
    });
    return { ...line, encumbered: line.encumbered.subtract(release) };
  });
  return { kind: 'posted', postings, next: { ...state, revision: cancel.revision, status: 'CANCELLED', lines } };
}

/** encumbered − relieved, never below zero nor above what is encumbered. */
function remaining(line: PurchaseOrderLineState, relieved: Decimal | undefined): Decimal {
  const zero = Decimal.zero();
  const relief = relieved === undefined || relieved.isNegative() ? zero : relieved;
  const left = line.encumbered.subtract(relief);
  return left.greaterThan(zero) ? left : zero;
}
