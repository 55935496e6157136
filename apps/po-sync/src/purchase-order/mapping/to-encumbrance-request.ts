import type { EncumbranceRequest } from '@procurelink/erp-connector';
import type { EncumbrancePosting } from '../domain';

/**
 * A decided posting as the ERP's encumbrance request. The ERP names three directions: ENCUMBER,
 * RELIEVE (a change's decrease) and RELEASE (what a cancel frees); the domain's RELEASE is one or
 * the other by its cause. The request is a pure function of the posting, so a retry sends the same
 * body under the same idempotency key and the ERP replays the original.
 */
export function toEncumbranceRequest(posting: EncumbrancePosting, supplierId: string | null): EncumbranceRequest {
  const direction = posting.direction === 'ENCUMBER' ? 'ENCUMBER' : posting.cause === 'CANCELLED' ? 'RELEASE' : 'RELIEVE';
  return {
    poNumber: posting.poNumber,
    revision: posting.revision,
    lineNumber: posting.lineNumber,
    glAccount: posting.glAccount,
    costCentre: posting.costCentre,
    facilityId: posting.facilityId,
    departmentId: posting.departmentId,
    ...(supplierId !== null ? { supplierId } : {}),
    reason: `PO ${posting.cause.toLowerCase()}`,
    amount: posting.amount.toString(),
    currency: posting.currency,
    direction,
  };
}
