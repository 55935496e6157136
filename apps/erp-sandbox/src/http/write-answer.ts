import type { WriteOutcome } from '../postings/posting-service';
import { entryView, type EntryView } from '../ledger/entry-view';
import { API_ERRORS, apiErrorBody, validationFailedBody, type ApiErrorBody } from './api-error';

/** The answer to one write, as a single call sends it (status, body, the replay header) and a batch item carries it. */
export type WriteAnswer =
  | { readonly status: 200 | 201; readonly replayed: boolean; readonly body: EntryView }
  | { readonly status: number; readonly replayed: false; readonly body: ApiErrorBody };

/**
 * The outcome of a write as an answer: `created` (201 for POST, 200 for PUT) the first time,
 * 200 replayed for a replay, 400 / 409 otherwise.
 */
export function answerWrite(outcome: WriteOutcome, created: 200 | 201): WriteAnswer {
  switch (outcome.outcome) {
    case 'ACCEPTED':
      return { status: created, replayed: false, body: entryView(outcome.entry) };
    case 'REPLAYED':
      return { status: 200, replayed: true, body: entryView(outcome.entry) };
    case 'MISSING_KEY':
      return refusal(apiErrorBody('IDEMPOTENCY_KEY_REQUIRED', 'every write needs an Idempotency-Key header; resend it unchanged on a retry', outcome.problems));
    case 'INVALID':
      return refusal(validationFailedBody(outcome.problems));
    case 'KEY_REUSED':
      return refusal(
        apiErrorBody(
          'IDEMPOTENCY_KEY_REUSED',
          `the Idempotency-Key was already used for a different request (document ${outcome.original.documentNumber}); use a new key for a new request`,
        ),
      );
  }
}

export function isRefusal(answer: WriteAnswer): answer is Extract<WriteAnswer, { body: ApiErrorBody }> {
  return answer.status >= 400;
}

function refusal(body: ApiErrorBody): WriteAnswer {
  return { status: API_ERRORS[body.error], replayed: false, body };
}
