import type { HttpRequest, HttpResponse } from './http-types';
import type { Parsed } from '../domain/problem';
import type { Posting } from '../domain/posting';
import { entryView, type EntryView } from '../ledger/entry-view';
import type { PostingService } from '../postings/posting-service';
import { apiError, validationFailed } from './api-error';

export const REPLAYED_HEADER = 'Idempotent-Replayed';

/**
 * Runs a write and shapes the answer: `created` (201 for POST, 200 for PUT) the first time,
 * 200 with `Idempotent-Replayed: true` for a replay, 400 / 409 otherwise.
 */
export async function respondToWrite(
  postings: PostingService,
  request: HttpRequest,
  response: HttpResponse,
  created: 200 | 201,
  parse: () => Parsed<Posting>,
): Promise<EntryView> {
  if (!request.is('application/json')) throw apiError('MALFORMED_JSON', 'send the body as JSON with Content-Type: application/json');
  const outcome = await postings.write({
    idempotencyKey: request.headers['idempotency-key'],
    method: request.method,
    path: request.path,
    body: request.body,
    parse,
  });
  switch (outcome.outcome) {
    case 'ACCEPTED':
      response.status(created);
      return entryView(outcome.entry);
    case 'REPLAYED':
      response.status(200).setHeader(REPLAYED_HEADER, 'true');
      return entryView(outcome.entry);
    case 'MISSING_KEY':
      throw apiError('IDEMPOTENCY_KEY_REQUIRED', 'every write needs an Idempotency-Key header; resend it unchanged on a retry', outcome.problems);
    case 'INVALID':
      throw validationFailed(outcome.problems);
    case 'KEY_REUSED':
      throw apiError(
        'IDEMPOTENCY_KEY_REUSED',
        `the Idempotency-Key was already used for a different request (document ${outcome.original.documentNumber}); use a new key for a new request`,
      );
  }
}
