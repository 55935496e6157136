import { sanitizeMessage } from '../headers/sanitize';
import { ERROR_CODES, isErrorCode, type ErrorCode } from './error-codes';

export interface Classified {
  readonly code: ErrorCode;
  readonly retriable: boolean;
  /** Safe to log and to put in a header: sensitive values masked, length bounded. */
  readonly message: string;
}

/**
 * Reads any thrown value structurally: an error with a known `code` and a boolean `retriable`
 * keeps them (so libraries need not import this one); anything else is HANDLER_FAILED.
 */
export function classify(error: unknown): Classified {
  const candidate = error as { code?: unknown; retriable?: unknown; message?: unknown } | null;
  const message = sanitizeMessage(
    typeof candidate?.message === 'string' ? candidate.message : String(error ?? 'unknown failure'),
  );
  if (candidate && isErrorCode(candidate.code)) {
    const retriable = typeof candidate.retriable === 'boolean' ? candidate.retriable : ERROR_CODES[candidate.code];
    return { code: candidate.code, retriable, message };
  }
  if (candidate && typeof candidate.retriable === 'boolean') {
    return { code: candidate.retriable ? 'HANDLER_FAILED' : 'INVALID_INPUT', retriable: candidate.retriable, message };
  }
  return { code: 'HANDLER_FAILED', retriable: ERROR_CODES.HANDLER_FAILED, message };
}
