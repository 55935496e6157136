import type { Classified } from '../errors/classify';
import { HEADERS } from './header-names';
import type { Headers } from './headers';

export interface FailedRecordOrigin {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly timestamp: string;
}

/**
 * Headers for a record leaving for a retry or dead-letter topic. The original headers stay;
 * the origin is recorded once (on the first failure) so a record retried three times still
 * says where it came from. Nothing of the payload goes into a header.
 */
export function failureHeaders(input: {
  readonly headers: Headers;
  readonly origin: FailedRecordOrigin;
  readonly group: string;
  readonly failure: Classified;
  readonly attempts: number;
  readonly now: number;
  readonly traceId?: string | undefined;
  readonly dueAt?: number;
}): Headers {
  const { headers, origin, failure, now } = input;
  const firstFailure = headers[HEADERS.firstFailureAt] === undefined;
  const out: Headers = {
    ...headers,
    [HEADERS.originalTopic]: firstFailure ? origin.topic : (headers[HEADERS.originalTopic] ?? origin.topic),
    [HEADERS.originalPartition]: firstFailure ? String(origin.partition) : (headers[HEADERS.originalPartition] ?? ''),
    [HEADERS.originalOffset]: firstFailure ? origin.offset : (headers[HEADERS.originalOffset] ?? ''),
    [HEADERS.originalTimestamp]: firstFailure ? origin.timestamp : (headers[HEADERS.originalTimestamp] ?? ''),
    [HEADERS.consumerGroup]: input.group,
    [HEADERS.errorCode]: failure.code,
    [HEADERS.errorMessage]: failure.message,
    [HEADERS.attempts]: String(input.attempts),
    [HEADERS.firstFailureAt]: headers[HEADERS.firstFailureAt] ?? new Date(now).toISOString(),
    [HEADERS.lastFailureAt]: new Date(now).toISOString(),
  };
  if (input.traceId) out[HEADERS.traceId] = input.traceId;
  if (input.dueAt !== undefined) {
    out[HEADERS.dueAt] = String(input.dueAt);
    out[HEADERS.attempt] = String(input.attempts + 1);
  } else {
    delete out[HEADERS.dueAt];
  }
  return out;
}
