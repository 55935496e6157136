import { HttpException } from '@nestjs/common';
import type { Problem } from '../domain/problem';

/** The closed list of error codes an answer from the sandbox can carry, with their HTTP status. */
export const API_ERRORS = {
  /** The body or a parameter broke the contract; `problems` lists each field path. */
  VALIDATION_FAILED: 400,
  /** A write came without a usable Idempotency-Key header. */
  IDEMPOTENCY_KEY_REQUIRED: 400,
  /** The body is not JSON, or not sent as application/json. */
  MALFORMED_JSON: 400,
  /** The request is too large. */
  PAYLOAD_TOO_LARGE: 413,
  /** The document asked for is not in the ledger. */
  NOT_FOUND: 404,
  /** The Idempotency-Key was already used for a different request. */
  IDEMPOTENCY_KEY_REUSED: 409,
  /** A sandbox-only operation (reset, tamper) is switched off: ERP_SANDBOX_ALLOW_RESET is not true. */
  SANDBOX_GUARDED: 403,
  /** An injected fault: the ERP is "down" (status 500, 502, 503 or 504). */
  FAULT_INJECTED: 503,
  /** Anything unexpected. */
  INTERNAL: 500,
} as const;

export type ApiErrorCode = keyof typeof API_ERRORS;

export interface ApiErrorBody {
  readonly error: ApiErrorCode;
  readonly message: string;
  readonly problems?: readonly Problem[];
}

/** The error body alone, for answers that are not thrown (the items of a batch). */
export function apiErrorBody(code: ApiErrorCode, message: string, problems?: readonly Problem[]): ApiErrorBody {
  return problems === undefined ? { error: code, message } : { error: code, message, problems };
}

export function validationFailedBody(problems: readonly Problem[]): ApiErrorBody {
  return apiErrorBody('VALIDATION_FAILED', `${problems.length} problem(s): ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, problems);
}

export function apiError(code: ApiErrorCode, message: string, problems?: readonly Problem[], status: number = API_ERRORS[code]): HttpException {
  return new HttpException(apiErrorBody(code, message, problems), status);
}

export function validationFailed(problems: readonly Problem[]): HttpException {
  return new HttpException(validationFailedBody(problems), API_ERRORS.VALIDATION_FAILED);
}

export function notFound(what: string): HttpException {
  return apiError('NOT_FOUND', `${what} is not in the ledger`);
}
