import { IdempotencyInvalidArgumentError } from './errors';
import type { JsonValue } from './idempotency-store.port';

/** Longest key the store accepts; business keys stay far below it. */
export const MAX_KEY_LENGTH = 512;
/** Largest outcome kept by default: an outcome is a small answer, not a document store. */
export const DEFAULT_MAX_OUTCOME_BYTES = 16 * 1024;

export function checkKey(key: unknown): string {
  if (typeof key !== 'string' || key.length === 0) {
    throw new IdempotencyInvalidArgumentError('an idempotency key must be a non-empty string');
  }
  if (key.length > MAX_KEY_LENGTH) {
    throw new IdempotencyInvalidArgumentError(
      `an idempotency key may have at most ${MAX_KEY_LENGTH} characters (got ${key.length}); hash long parts`,
    );
  }
  return key;
}

export function checkToken(token: unknown): string {
  if (typeof token !== 'string' || token.length === 0 || token.length > 128) {
    throw new IdempotencyInvalidArgumentError('a claim token must be the non-empty string that claim returned');
  }
  return token;
}

export function checkTtl(name: string, ttlMs: unknown): number {
  if (typeof ttlMs !== 'number' || !Number.isSafeInteger(ttlMs) || ttlMs < 1) {
    throw new IdempotencyInvalidArgumentError(`${name} must be a whole number of milliseconds above 0 (got ${String(ttlMs)})`);
  }
  return ttlMs;
}

export function checkOwner(owner: unknown): string {
  if (owner === undefined) return '';
  if (typeof owner !== 'string' || owner.length > 200) {
    throw new IdempotencyInvalidArgumentError('a claim owner must be a string of at most 200 characters');
  }
  return owner;
}

/** The outcome as stored: JSON, at most `maxBytes` UTF-8 bytes. */
export function serialiseOutcome(outcome: JsonValue, maxBytes: number): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(outcome);
  } catch (cause) {
    throw new IdempotencyInvalidArgumentError('an outcome must be JSON-serialisable', { cause });
  }
  if (json === undefined) {
    throw new IdempotencyInvalidArgumentError('an outcome must be JSON-serialisable (use null for "no outcome")');
  }
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes > maxBytes) {
    throw new IdempotencyInvalidArgumentError(`an outcome may take at most ${maxBytes} bytes as JSON (got ${bytes})`);
  }
  return json;
}
