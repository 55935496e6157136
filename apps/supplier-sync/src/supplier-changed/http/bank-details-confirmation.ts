import { ApiProblem, InvalidRequest, type FieldProblem } from '@procurelink/system-api';
import type { BankDetailsConfirmResult } from '../supplier-bank-details';

/** Change ids are event ids; anything else is refused before it reaches a message or a log line. */
const CHANGE_ID = /^[A-Za-z0-9._:-]{1,128}$/;
/** Supplier ids: `SUP-…` or a source record id (≤ 64, letters, digits `. _ : -`). */
const SUPPLIER_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export const isSupplierId = (id: string): boolean => SUPPLIER_ID.test(id);

/** 404 for a supplier id that is unknown or cannot exist (the id is not echoed). */
export const supplierNotFound = (): ApiProblem => new ApiProblem(404, 'not-found', 'Not found', 'no supplier with this id');

/** The body of POST /v1/suppliers/:supplierId/bank-details-confirmations: `{ changeId }`; unknown fields are ignored. */
export function parseConfirmationRequest(body: unknown): { readonly changeId: string } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new InvalidRequest([{ path: '$', code: 'NOT_AN_OBJECT', message: 'the body must be a JSON object { "changeId": … }' }]);
  }
  const changeId = (body as Record<string, unknown>).changeId;
  const problems: FieldProblem[] = [];
  if (changeId === undefined || changeId === null || changeId === '') problems.push({ path: 'changeId', code: 'MISSING', message: 'is required (hold.changeId of GET /v1/suppliers/{supplierId})' });
  else if (typeof changeId !== 'string') problems.push({ path: 'changeId', code: 'WRONG_TYPE', message: 'must be a string' });
  else if (!CHANGE_ID.test(changeId)) problems.push({ path: 'changeId', code: 'MALFORMED', message: 'must be 1-128 letters, digits or . _ : -' });
  if (problems.length > 0) throw new InvalidRequest(problems);
  return { changeId: changeId as string };
}

/** The 200 body of a confirmation: the release and its audit (who, when, which change); never an account number. */
export interface BankDetailsReleased {
  readonly released: true;
  readonly supplierId: string;
  readonly changeId: string;
  /** The supplier's status after the release (ACTIVE or INACTIVE). */
  readonly status: string;
  readonly confirmedBy: string;
  readonly releasedAt: string;
}

/** Maps the confirmation's outcome: released → 200 body; unknown supplier → 404; any other refusal → 409 with its reason. */
export function confirmationResponse(result: BankDetailsConfirmResult, confirmedBy: string): BankDetailsReleased {
  if (result.kind === 'released') {
    return { released: true, supplierId: result.supplierId, changeId: result.changeId, status: result.status, confirmedBy, releasedAt: result.releasedAt };
  }
  if (result.reason === 'UNKNOWN_SUPPLIER') throw supplierNotFound();
  throw new ApiProblem(409, 'bank-details-confirmation-refused', 'Confirmation refused', result.message, { reason: result.reason });
}

/** The audit line of a confirmation attempt: who, when, which supplier and change, and the outcome. No account number. */
export function confirmationAuditLine(supplierId: string, changeId: string, confirmedBy: string, result: BankDetailsConfirmResult, at: Date): string {
  const outcome = result.kind === 'released' ? `released the payment hold (status ${result.status}) at ${result.releasedAt}` : `was refused: ${result.reason}`;
  return `bank-details confirmation of change ${changeId} for supplier ${supplierId} by ${confirmedBy} (requested ${at.toISOString()}) ${outcome}`;
}
