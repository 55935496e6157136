import { ERROR_CODES, type ErrorCode } from './error-codes';

/** A classified failure: a code from the closed list, a retriable flag and the cause. */
export class ProcessingError extends Error {
  readonly code: ErrorCode;
  readonly retriable: boolean;

  constructor(code: ErrorCode, message: string, options: { cause?: unknown; retriable?: boolean } = {}) {
    super(message, { cause: options.cause });
    this.name = 'ProcessingError';
    this.code = code;
    this.retriable = options.retriable ?? ERROR_CODES[code];
  }
}

export function invalidInput(message: string, cause?: unknown): ProcessingError {
  return new ProcessingError('INVALID_INPUT', message, { cause });
}

export function targetUnavailable(message: string, cause?: unknown): ProcessingError {
  return new ProcessingError('TARGET_UNAVAILABLE', message, { cause });
}
