import { targetUnavailable, type ProcessingError } from '@procurelink/messaging';
import type { ErpPosting } from '../ports';
import { describeCall, POSTING_KIND, type ErpCall } from './erp-call';

/**
 * A 200/201 answer read as the posting it must be. Anything else (not JSON, a missing field,
 * another kind of posting, another idempotency key) is an ERP that misbehaves: retriable.
 * Only the contract's fields are kept: the posting's `record` (which may hold a bank token) is not.
 */
export function postingFromSuccess(call: ErpCall, status: number, body: unknown, replayed: boolean): ErpPosting | ProcessingError {
  const unexpected = (why: string): ProcessingError =>
    targetUnavailable(`${describeCall(call)} answered ${status} with a body that is not a posting: ${why}`);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return unexpected('not a JSON object');
  const entry = body as Record<string, unknown>;
  const missing = ['documentNumber', 'businessKey', 'idempotencyKey', 'acceptedAt'].filter(
    (field) => typeof entry[field] !== 'string' || entry[field] === '',
  );
  if (!Number.isSafeInteger(entry['sequence'])) missing.unshift('sequence');
  if (missing.length > 0) return unexpected(`missing or malformed ${missing.join(', ')}`);
  if (entry['kind'] !== POSTING_KIND[call.capability]) return unexpected(`kind is not ${POSTING_KIND[call.capability]}`);
  if (entry['idempotencyKey'] !== call.idempotencyKey) return unexpected('it answers another idempotency key');
  return {
    sequence: entry['sequence'] as number,
    documentNumber: entry['documentNumber'] as string,
    kind: POSTING_KIND[call.capability],
    businessKey: entry['businessKey'] as string,
    idempotencyKey: entry['idempotencyKey'] as string,
    acceptedAt: entry['acceptedAt'] as string,
    replayed,
  };
}

/** `Idempotent-Replayed: true` (any case) marks the original posting answered again. */
export function isReplayed(header: string | null): boolean {
  return header?.trim().toLowerCase() === 'true';
}
