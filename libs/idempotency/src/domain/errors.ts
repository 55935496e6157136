/**
 * The closed list of this library's error codes. Every error it throws carries one, a
 * `retriable` flag that alone decides retry vs dead-letter, and the original `cause`.
 */
export const IDEMPOTENCY_ERROR_CODES = [
  /** Redis refused, dropped or did not answer in time. Retriable: nothing was processed. */
  'IDEMPOTENCY_UNAVAILABLE',
  /** A caller passed a value the store or a key builder cannot accept. Not retriable. */
  'IDEMPOTENCY_INVALID_ARGUMENT',
  /** A key holds a value this library did not write. Not retriable: an operator must look. */
  'IDEMPOTENCY_CORRUPT_RECORD',
] as const;

export type IdempotencyErrorCode = (typeof IDEMPOTENCY_ERROR_CODES)[number];

export abstract class IdempotencyError extends Error {
  abstract readonly code: IdempotencyErrorCode;
  abstract readonly retriable: boolean;
}

/**
 * The store could not be reached: connection refused, connection lost, command timed out, the
 * server busy or read-only. The store fails closed, so the caller must not process the work;
 * retrying later is safe.
 */
export class IdempotencyUnavailableError extends IdempotencyError {
  readonly code = 'IDEMPOTENCY_UNAVAILABLE';
  readonly retriable = true;

  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, options);
    this.name = 'IdempotencyUnavailableError';
  }
}

/** A key, TTL, outcome or business identity that cannot be used; the message says which and why. */
export class IdempotencyInvalidArgumentError extends IdempotencyError {
  readonly code = 'IDEMPOTENCY_INVALID_ARGUMENT';
  readonly retriable = false;

  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, options);
    this.name = 'IdempotencyInvalidArgumentError';
  }
}

/** The key exists but does not hold a record in this library's format (or of the wrong Redis type). */
export class IdempotencyCorruptRecordError extends IdempotencyError {
  readonly code = 'IDEMPOTENCY_CORRUPT_RECORD';
  readonly retriable = false;
  readonly key: string;

  constructor(key: string, detail: string, options: { cause?: unknown } = {}) {
    super(`idempotency key ${key} holds a record this library cannot read: ${detail}`, options);
    this.name = 'IdempotencyCorruptRecordError';
    this.key = key;
  }
}

export function isIdempotencyError(error: unknown): error is IdempotencyError {
  return error instanceof IdempotencyError;
}
