import { HttpException } from '@nestjs/common';
import type { HttpRequest, HttpResponse } from './http-types';
import type { Parsed } from '../domain/problem';
import type { Posting } from '../domain/posting';
import type { EntryView } from '../ledger/entry-view';
import type { PostingService } from '../postings/posting-service';
import { apiError } from './api-error';
import { answerWrite, isRefusal } from './write-answer';

export const REPLAYED_HEADER = 'Idempotent-Replayed';

/**
 * Runs a write and shapes the answer (see answerWrite): `created` (201 for POST, 200 for PUT) the
 * first time, 200 with `Idempotent-Replayed: true` for a replay, 400 / 409 otherwise.
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
  const answer = answerWrite(outcome, created);
  if (isRefusal(answer)) throw new HttpException(answer.body, answer.status);
  response.status(answer.status);
  if (answer.replayed) response.setHeader(REPLAYED_HEADER, 'true');
  return answer.body;
}
