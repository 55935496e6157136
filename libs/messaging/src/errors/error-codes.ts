/**
 * The closed list of reasons a record can fail, and whether each is worth retrying.
 * A record's fate is decided by the `retriable` flag alone: retriable → retry topics,
 * not retriable → the dead-letter topic at once.
 */
export const ERROR_CODES = {
  /** The value is not in the wire format (empty, too short, wrong magic byte). */
  BAD_WIRE_FORMAT: false,
  /** The schema id is not in the registry. */
  UNKNOWN_SCHEMA: false,
  /** The Avro payload does not decode with its schema (truncated, trailing bytes, corrupt). */
  UNDECODABLE_PAYLOAD: false,
  /** The record decoded, but this service has no handler for its event type. */
  NO_HANDLER: false,
  /** The input broke a rule the handler checks (missing field, malformed value). */
  INVALID_INPUT: false,
  /** A target system refused the request for good (a 4xx other than invalid input, e.g. an idempotency key reused). */
  TARGET_REJECTED: false,
  /** The schema registry could not be reached. */
  REGISTRY_UNAVAILABLE: true,
  /** The idempotency store could not be reached: nothing runs without a claim. */
  IDEMPOTENCY_UNAVAILABLE: true,
  /** Another worker holds the record's claim. */
  CLAIMED_ELSEWHERE: true,
  /** A target system (ERP, purchasing, AP) failed or timed out. */
  TARGET_UNAVAILABLE: true,
  /** A handler threw something unclassified: retried, then dead-lettered with its message. */
  HANDLER_FAILED: true,
} as const satisfies Record<string, boolean>;

export type ErrorCode = keyof typeof ERROR_CODES;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
}
