import type { IdempotencyRecord, SubmissionReceipt } from './submission';

/** A receipt as kept for GET /v1/submissions/:trackingId. */
export interface StoredSubmission {
  readonly receipt: SubmissionReceipt;
  readonly client: string;
}

/** Where submissions and Idempotency-Key claims live (Redis in production). */
export interface SubmissionStore {
  /** Claims the slot (SET NX with TTL). Undefined when this call claimed it; otherwise what is there. */
  claim(slot: string, record: IdempotencyRecord, ttlSeconds: number): Promise<IdempotencyRecord | undefined>;
  read(slot: string): Promise<IdempotencyRecord | undefined>;
  /** Keeps the receipt and, with a slot, marks the claim done with it (keeping the claim's TTL). */
  complete(slot: string | undefined, record: IdempotencyRecord | undefined, stored: StoredSubmission, receiptTtlSeconds: number): Promise<void>;
  /** Drops the claim when it still belongs to this tracking id (the publish failed; the client may retry). */
  release(slot: string, trackingId: string): Promise<void>;
  find(trackingId: string): Promise<StoredSubmission | undefined>;
}

export const SUBMISSION_STORE = Symbol('SUBMISSION_STORE');
