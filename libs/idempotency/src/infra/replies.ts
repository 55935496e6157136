import { IdempotencyCorruptRecordError } from '../domain/errors';
import type { ClaimResult, ConfirmResult, JsonValue, ReleaseResult } from '../domain/idempotency-store.port';

/*
 * Turns the scripts' replies (see lua-scripts.ts) into results. Pure: anything unexpected is a
 * corrupt record, never a guess.
 */

function corrupt(key: string, detail: string, cause?: unknown): IdempotencyCorruptRecordError {
  return new IdempotencyCorruptRecordError(key, detail, cause === undefined ? {} : { cause });
}

function parts(key: string, reply: unknown): unknown[] {
  if (!Array.isArray(reply) || reply.length === 0) throw corrupt(key, 'unexpected reply from the store script');
  if (reply[0] === 'corrupt') throw corrupt(key, 'the value was not written by this library');
  return reply;
}

export function decodeClaimReply(key: string, token: string, reply: unknown): ClaimResult {
  const [status, first, second] = parts(key, reply);
  if (status === 'claimed') return { status, token };
  if (status === 'in-progress' && typeof first === 'string' && typeof second === 'number') {
    return { status, owner: first, expiresInMs: Math.max(second, 0) };
  }
  if (status === 'done' && typeof first === 'string') {
    let outcome: JsonValue;
    try {
      outcome = JSON.parse(first) as JsonValue;
    } catch (cause) {
      throw corrupt(key, 'the stored outcome is not JSON', cause);
    }
    return { status, outcome };
  }
  throw corrupt(key, `unexpected claim reply ${JSON.stringify(status)}`);
}

export function decodeConfirmReply(key: string, reply: unknown): ConfirmResult {
  const [status, detail] = parts(key, reply);
  if (status === 'confirmed') return { status, claimExpired: detail === 1 };
  if (status === 'claim-lost' && (detail === 'claimed-by-another' || detail === 'confirmed-by-another')) {
    return { status, reason: detail };
  }
  throw corrupt(key, `unexpected confirm reply ${JSON.stringify(status)}`);
}

export function decodeReleaseReply(key: string, reply: unknown): ReleaseResult {
  const [status, detail] = parts(key, reply);
  if (status === 'released') return { status };
  if (status === 'not-held' && (detail === 'expired' || detail === 'claimed-by-another' || detail === 'confirmed')) {
    return { status, reason: detail };
  }
  throw corrupt(key, `unexpected release reply ${JSON.stringify(status)}`);
}
