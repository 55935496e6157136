import { Decimal } from '@procurelink/canonical-schemas';
import type { EncumbranceCoding, EncumbranceDirection } from './encumbrance-posting';

/** What stands (or should stand) encumbered for one PO line. */
export interface LineEncumbrance {
  readonly lineNumber: number;
  readonly coding: EncumbranceCoding;
  readonly amount: Decimal;
}

/** A posting before it is keyed: which line, where, how much and which way. */
export interface PostingDraft {
  readonly lineNumber: number;
  readonly coding: EncumbranceCoding;
  readonly amount: Decimal;
  readonly direction: EncumbranceDirection;
}

/**
 * The postings that take the encumbrance from `before` to `after`, per line:
 *   - same coding: ENCUMBER the increase or RELEASE the decrease; nothing when equal;
 *   - a new line: ENCUMBER it; a removed line: RELEASE what it had;
 *   - a line whose account, cost centre, department, facility or currency changed: RELEASE the
 *     old coding in full and ENCUMBER the new one (a ledger cannot move money between accounts
 *     with one signed amount).
 * Ordered by line number, RELEASE before ENCUMBER; zero amounts are never posted.
 */
export function encumbranceDelta(before: readonly LineEncumbrance[], after: readonly LineEncumbrance[]): readonly PostingDraft[] {
  const old = new Map(before.map((line) => [line.lineNumber, line]));
  const now = new Map(after.map((line) => [line.lineNumber, line]));
  const lineNumbers = [...new Set([...old.keys(), ...now.keys()])].sort((a, b) => a - b);
  return lineNumbers.flatMap((lineNumber) => lineDelta(old.get(lineNumber), now.get(lineNumber))).filter((posting) => !posting.amount.isZero());
}

function lineDelta(before: LineEncumbrance | undefined, after: LineEncumbrance | undefined): PostingDraft[] {
  if (before !== undefined && after !== undefined && sameCoding(before.coding, after.coding)) {
    return [draft(after, after.amount.subtract(before.amount))];
  }
  const drafts: PostingDraft[] = [];
  if (before !== undefined) drafts.push(draft(before, before.amount.negate()));
  if (after !== undefined) drafts.push(draft(after, after.amount));
  return drafts;
}

/** A signed change as a posting: positive encumbers, negative releases. */
function draft(line: LineEncumbrance, signed: Decimal): PostingDraft {
  return {
    lineNumber: line.lineNumber,
    coding: line.coding,
    amount: signed.abs(),
    direction: signed.isNegative() ? 'RELEASE' : 'ENCUMBER',
  };
}

export function sameCoding(a: EncumbranceCoding, b: EncumbranceCoding): boolean {
  return (
    a.facilityId === b.facilityId &&
    a.departmentId === b.departmentId &&
    a.costCentre === b.costCentre &&
    a.glAccount === b.glAccount &&
    a.currency === b.currency
  );
}
