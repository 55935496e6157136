import type { EncumbrancePosting } from './encumbrance-posting';
import type { PurchaseOrderState } from './purchase-order-state';
import type { PurchaseOrderProblem } from './validate-purchase-order';

/** Why a PO event changes nothing. A closed list. */
export type PurchaseOrderIgnoredReason =
  /** The same revision again (a redelivery). */
  | 'DUPLICATE_REVISION'
  /** A revision older than the one posted (it arrived late). */
  | 'STALE_REVISION'
  /** An approval or change for a cancelled PO. */
  | 'PO_CANCELLED'
  /** The cancellation again. */
  | 'ALREADY_CANCELLED';

/** What a purchase order event does to the encumbrance. Returned, never thrown. */
export type PurchaseOrderDecision =
  | {
      /** Post these (possibly none, e.g. a change that moves no money) and store `next`. */
      readonly kind: 'posted';
      readonly postings: readonly EncumbrancePosting[];
      readonly next: PurchaseOrderState;
    }
  | {
      readonly kind: 'ignored';
      readonly reason: PurchaseOrderIgnoredReason;
      readonly revision: number;
      readonly lastRevision: number;
    }
  | {
      /** The revision breaks reference data or arithmetic rules; nothing is posted. */
      readonly kind: 'invalid';
      readonly problems: readonly PurchaseOrderProblem[];
    };
