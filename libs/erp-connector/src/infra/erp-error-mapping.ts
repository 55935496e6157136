import { ProcessingError, targetUnavailable } from '@procurelink/messaging';
import { describeCall, type ErpCall } from './erp-call';

const MAX_PROBLEMS = 20;

/**
 * A non-success status as a classified error. 400 is the request's fault (INVALID_INPUT, listing
 * problem codes and field paths, never values); 408, 429, 5xx and anything unexpected are
 * retriable (TARGET_UNAVAILABLE); 409 and the other 4xx are refused for good (TARGET_REJECTED).
 */
export function errorFromStatus(call: ErpCall, status: number, body: unknown): ProcessingError {
  const what = describeCall(call);
  const code = errorCodeOf(body);
  const answered = `${status}${code ? ` ${code}` : ''}`;
  if (status === 400) {
    const problems = problemsOf(body);
    return new ProcessingError('INVALID_INPUT', `${what} refused the request (${answered})${problems ? `: ${problems}` : ''}`);
  }
  if (status === 408 || status === 429 || status >= 500 || status < 400) {
    return targetUnavailable(`${what} is unavailable (${answered})`);
  }
  return new ProcessingError('TARGET_REJECTED', `${what} rejected the request (${answered})`);
}

/** fetch failed before an answer: a timeout, a refused or reset connection, a DNS failure. */
export function errorFromNetwork(call: ErpCall, error: unknown, timeoutMs: number): ProcessingError {
  return networkErrorOf(describeCall(call), error, timeoutMs);
}

/** The same for any ERP request, described by `what` (`ERP ledger GET /erp/v1/ledger`). */
export function networkErrorOf(what: string, error: unknown, timeoutMs: number): ProcessingError {
  if (isTimeout(error)) return targetUnavailable(`${what} did not answer within ${timeoutMs} ms`, error);
  return targetUnavailable(`${what} could not be reached (${networkCodeOf(error) ?? 'network error'})`, error);
}

/** Read structurally: fetch's errors may come from another realm (a test VM), where instanceof fails. */
function isTimeout(error: unknown): boolean {
  const { name, cause } = (error ?? {}) as { name?: unknown; cause?: { name?: unknown } };
  return name === 'TimeoutError' || cause?.name === 'TimeoutError';
}

/** The first `code` (ECONNREFUSED, ECONNRESET, ENOTFOUND, UND_ERR_SOCKET…) down the cause chain. */
function networkCodeOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== '') return safeToken(code);
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function errorCodeOf(body: unknown): string | undefined {
  const code = (body as { error?: unknown } | null)?.error;
  return typeof code === 'string' ? safeToken(code) : undefined;
}

/** `amount WRONG_TYPE, lines[1].amount MISSING`: paths and codes only, bounded. */
function problemsOf(body: unknown): string | undefined {
  const problems = (body as { problems?: unknown } | null)?.problems;
  if (!Array.isArray(problems) || problems.length === 0) return undefined;
  const listed = problems.slice(0, MAX_PROBLEMS).map((problem: unknown) => {
    const { path, code } = (problem ?? {}) as { path?: unknown; code?: unknown };
    return `${typeof path === 'string' ? safeToken(path) : '?'} ${typeof code === 'string' ? safeToken(code) : '?'}`;
  });
  const more = problems.length > MAX_PROBLEMS ? ` (+${problems.length - MAX_PROBLEMS} more)` : '';
  return listed.join(', ') + more;
}

/** Server-supplied names, kept to a short run of safe characters. */
function safeToken(text: string): string {
  const cleaned = text.replace(/[^\w.[\]:-]/g, '_');
  return cleaned.length > 80 ? `${cleaned.slice(0, 79)}…` : cleaned;
}

/** A body read as JSON, or undefined when it is not JSON (the status then speaks for itself). */
export function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
