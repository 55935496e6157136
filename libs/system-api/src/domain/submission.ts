import { createHash } from 'node:crypto';

/** What a service hands to SubmissionService.submit. */
export interface SubmissionInput {
  readonly documentType: string;
  /** The document's business identity (PO number, invoice number, ...), echoed in the receipt. */
  readonly businessId: string;
  readonly topic: string;
  /** The Kafka record key (ordering per document). */
  readonly key: string;
  /** The source JSON to publish. */
  readonly value: unknown;
  readonly idempotencyKey: string | undefined;
  /** The authenticated client id (Principal.client). */
  readonly client: string;
}

/** The 202 body. */
export interface SubmissionReceipt {
  readonly trackingId: string;
  readonly documentType: string;
  readonly businessId: string;
  readonly status: 'ACCEPTED';
  readonly acceptedAt: string;
  readonly links: { readonly status: string };
}

/** What is kept under an Idempotency-Key: a hash of the request, never the request. */
export interface IdempotencyRecord {
  readonly fingerprint: string;
  readonly trackingId: string;
  readonly state: 'pending' | 'done';
  readonly receipt?: SubmissionReceipt;
}

export type ExistingKeyDecision =
  | { readonly kind: 'replay'; readonly receipt: SubmissionReceipt }
  | { readonly kind: 'conflict' }
  | { readonly kind: 'wait' };

/** A second request with a key already claimed: same body → replay (or wait while the first publishes); other body → conflict. */
export function decideExistingKey(existing: IdempotencyRecord, fingerprint: string): ExistingKeyDecision {
  if (existing.fingerprint !== fingerprint) return { kind: 'conflict' };
  if (existing.state === 'done' && existing.receipt !== undefined) return { kind: 'replay', receipt: existing.receipt };
  return { kind: 'wait' };
}

const IDEMPOTENCY_KEY = /^[\x21-\x7E]{1,255}$/;

/** Idempotency-Key values: 1-255 visible ASCII characters. */
export const isValidIdempotencyKey = (key: string): boolean => IDEMPOTENCY_KEY.test(key);

/** The store key for a client's Idempotency-Key (hashed: bounded length, no client text in Redis key names). */
export function idempotencySlot(client: string, idempotencyKey: string): string {
  return createHash('sha256').update(`${client}\n${idempotencyKey}`, 'utf8').digest('hex');
}

export const statusLink = (trackingId: string): string => `/v1/submissions/${trackingId}`;

export function receiptFor(input: SubmissionInput, trackingId: string, now: Date): SubmissionReceipt {
  return {
    trackingId,
    documentType: input.documentType,
    businessId: input.businessId,
    status: 'ACCEPTED',
    acceptedAt: now.toISOString(),
    links: { status: statusLink(trackingId) },
  };
}
