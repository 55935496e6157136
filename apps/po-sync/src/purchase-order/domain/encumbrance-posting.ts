import type { Decimal } from '@procurelink/canonical-schemas';

/** Where an encumbrance is booked in the ledger. */
export interface EncumbranceCoding {
  /** The facility that owns the budget: the line's department's facility. */
  readonly facilityId: string;
  readonly departmentId: string;
  readonly costCentre: string;
  readonly glAccount: string;
  readonly currency: string;
}

/** ENCUMBER reserves budget; RELEASE gives it back. */
export type EncumbranceDirection = 'ENCUMBER' | 'RELEASE';

/** The purchase order event a posting comes from. */
export type EncumbranceCause = 'APPROVED' | 'CHANGED' | 'CANCELLED';

/** One posting for the ERP's encumbrance port. `amount` is always above zero; `direction` gives the sign. */
export interface EncumbrancePosting extends EncumbranceCoding {
  /** PO number + revision + line (+ step): the ERP books a key at most once. */
  readonly idempotencyKey: string;
  readonly poNumber: string;
  readonly revision: number;
  readonly lineNumber: number;
  readonly amount: Decimal;
  readonly direction: EncumbranceDirection;
  readonly cause: EncumbranceCause;
}

/**
 * The business identity of one posting: PO number + revision + line, then the step. A line whose
 * coding changes in a revision gets a RELEASE and an ENCUMBER in that revision; a cancel may
 * share the revision of the last change, so its release is a step of its own.
 */
export function encumbranceKey(poNumber: string, revision: number, lineNumber: number, step: EncumbranceDirection | 'CANCEL_RELEASE'): string {
  return `encumbrance:${poNumber}:${revision}:${lineNumber}:${step}`;
}
