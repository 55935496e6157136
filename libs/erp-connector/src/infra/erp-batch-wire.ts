import { targetUnavailable, type ProcessingError } from '@procurelink/messaging';
import type { ErpPosting } from '../ports';
import { describeCall, type ErpCall } from './erp-call';
import { errorFromStatus } from './erp-error-mapping';
import { postingFromSuccess } from './erp-response-mapping';

/** The ERP's batch endpoint (apps/erp-sandbox/CONTRACT.md, "POST /erp/v1/batch"). */
export const BATCH_PATH = '/erp/v1/batch';
/** The most writes the contract admits in one batch. */
export const MAX_BATCH_ITEMS = 500;

/** One write waiting in a batch: the call as an error may describe it, and its body. */
export interface BatchedWrite {
  readonly call: ErpCall;
  readonly body: object;
}

export type BatchItemOutcome = ErpPosting | ProcessingError;

/** One write's answer inside a batch: the status it was given (null: none) and what it means. */
export interface BatchItemAnswer {
  readonly status: number | null;
  readonly outcome: BatchItemOutcome;
}

/** The request body of a batch: each write as it would go alone (method, path, key, body). */
export function batchRequestText(writes: readonly BatchedWrite[]): string {
  const requests = writes.map(({ call, body }) => ({ method: call.method, path: call.path, idempotencyKey: call.idempotencyKey, body }));
  return JSON.stringify({ requests });
}

/** The batch endpoint is not there (an ERP without it): send the writes one by one instead. */
export function batchUnsupported(status: number): boolean {
  return status === 404 || status === 405;
}

/**
 * The answer to a batch read as one outcome per write, in order. A 200 carries `responses`, each
 * `{ status, replayed, body }` judged exactly as the same write's own answer would be; any other
 * status is every write's answer (a 503 makes each retriable, a 400 each invalid). A 200 that is
 * not a list of as many responses is an ERP that misbehaves: every write is retriable.
 */
export function readBatchAnswer(writes: readonly BatchedWrite[], status: number, body: unknown): BatchItemAnswer[] {
  if (status !== 200) return writes.map(({ call }) => ({ status, outcome: errorFromStatus(call, status, body) }));
  const responses = (body as { responses?: unknown } | null)?.responses;
  if (!Array.isArray(responses) || responses.length !== writes.length) {
    const why = Array.isArray(responses) ? `${responses.length} responses for ${writes.length} requests` : 'no responses list';
    return writes.map(({ call }) => ({
      status: null,
      outcome: targetUnavailable(`ERP batch of ${writes.length} writes (${call.capability} among them) answered 200 with ${why}`),
    }));
  }
  return writes.map(({ call }, index) => itemAnswer(call, responses[index]));
}

function itemAnswer(call: ErpCall, response: unknown): BatchItemAnswer {
  const { status, replayed, body } = (response ?? {}) as { status?: unknown; replayed?: unknown; body?: unknown };
  if (typeof status !== 'number' || !Number.isSafeInteger(status)) {
    return { status: null, outcome: targetUnavailable(`${describeCall(call)} in a batch was answered without a status`) };
  }
  const outcome = status === 200 || status === 201 ? postingFromSuccess(call, status, body, replayed === true) : errorFromStatus(call, status, body);
  return { status, outcome };
}
