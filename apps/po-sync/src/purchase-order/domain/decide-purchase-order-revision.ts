import { Decimal, type PurchaseOrderLine } from '@procurelink/canonical-schemas';
import { encumbranceDelta, type LineEncumbrance } from './encumbrance-delta';
import { encumbranceKey, type EncumbranceCause, type EncumbranceCoding, type EncumbrancePosting } from './encumbrance-posting';
import type { PurchaseOrderDecision } from './purchase-order-decision';
import type { PurchaseOrderRevisionEvent } from './purchase-order-event';
import type { PurchaseOrderLineState, PurchaseOrderState } from './purchase-order-state';
import type { ReferenceData } from './reference-data';
import { validatePurchaseOrder } from './validate-purchase-order';

const CAUSE: { readonly [T in PurchaseOrderRevisionEvent['eventType']]: EncumbranceCause } = {
  PurchaseOrderApproved: 'APPROVED',
  PurchaseOrderChanged: 'CHANGED',
};

/**
 * Decides what an approved or changed PO revision posts. In order:
 *   1. a cancelled PO ignores it (PO_CANCELLED); a revision equal to the last posted one is a
 *      DUPLICATE_REVISION, a lower one a STALE_REVISION: no-ops, not validated;
 *   2. validation against the reference data: any problem → `invalid`, nothing posted;
 *   3. the postings that take the PO from what stands encumbered to the revision's lines
 *      (the full amounts on a first approval, only the delta per line after that).
 * A Changed for a PO never seen is encumbered in full, as its lines carry the complete state;
 * an Approved for a known PO with a higher revision posts the delta like a change.
 */
export function decidePurchaseOrderRevision(
  state: PurchaseOrderState | null,
  event: PurchaseOrderRevisionEvent,
  reference: ReferenceData,
): PurchaseOrderDecision {
  const order = event.value;
  if (state !== null) {
    const ignored = { revision: order.revision, lastRevision: state.revision } as const;
    if (state.status === 'CANCELLED') return { kind: 'ignored', reason: 'PO_CANCELLED', ...ignored };
    if (order.revision === state.revision) return { kind: 'ignored', reason: 'DUPLICATE_REVISION', ...ignored };
    if (order.revision < state.revision) return { kind: 'ignored', reason: 'STALE_REVISION', ...ignored };
  }
  const problems = validatePurchaseOrder(order, reference);
  if (problems.length > 0) return { kind: 'invalid', problems };

  const before: readonly LineEncumbrance[] = (state?.lines ?? []).map((line) => ({
    lineNumber: line.lineNumber,
    coding: line.coding,
    amount: line.encumbered,
  }));
  const after: readonly LineEncumbrance[] = order.lines.map((line) => ({
    lineNumber: line.lineNumber,
    coding: codingOf(line),
    amount: line.lineAmount.amount,
  }));
  const postings = encumbranceDelta(before, after).map(
    (draft): EncumbrancePosting => ({
      ...draft.coding,
      idempotencyKey: encumbranceKey(order.poNumber, order.revision, draft.lineNumber, draft.direction),
      poNumber: order.poNumber,
      revision: order.revision,
      lineNumber: draft.lineNumber,
      amount: draft.amount,
      direction: draft.direction,
      cause: CAUSE[event.eventType],
    }),
  );
  const received = new Map((state?.lines ?? []).map((line) => [line.lineNumber, line.receivedQuantity]));
  const next: PurchaseOrderState = {
    poNumber: order.poNumber,
    supplierId: order.supplierId,
    revision: order.revision,
    status: 'OPEN',
    lastRevisionEvent: event.eventType === 'PurchaseOrderApproved' ? 'APPROVED' : 'CHANGED',
    lines: order.lines.map(
      (line): PurchaseOrderLineState => ({
        lineNumber: line.lineNumber,
        item: line.item,
        orderedQuantity: line.quantity,
        receivedQuantity: received.get(line.lineNumber) ?? Decimal.zero(),
        coding: codingOf(line),
        encumbered: line.lineAmount.amount,
      }),
    ),
    receiptIds: state?.receiptIds ?? [],
  };
  return { kind: 'posted', postings, next };
}

/** A line is charged to its department's facility, department, cost centre and GL account. */
export function codingOf(line: PurchaseOrderLine): EncumbranceCoding {
  return {
    facilityId: line.department.facilityId,
    departmentId: line.department.departmentId,
    costCentre: line.costCentre.code,
    glAccount: line.glAccount.accountNumber,
    currency: line.lineAmount.currency,
  };
}
