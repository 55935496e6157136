import type { SubmissionReceipt } from '../domain/submission';

const REPLAYED = Symbol('procurelink.system-api.replayed');

/** A copy of the receipt marked as an Idempotency-Key replay (the mark is not serialised). */
export function markReplayed(receipt: SubmissionReceipt): SubmissionReceipt {
  const copy = { ...receipt };
  Object.defineProperty(copy, REPLAYED, { value: true, enumerable: false });
  return copy;
}

export const isReplayed = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[REPLAYED] === true;

/** True for a SubmissionReceipt returned by a handler. */
export function isReceipt(value: unknown): value is SubmissionReceipt {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<SubmissionReceipt>;
  return v.status === 'ACCEPTED' && typeof v.trackingId === 'string' && typeof v.links?.status === 'string';
}
