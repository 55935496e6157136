import type { ConsoleRole } from './roles';

/** A console API call resolved to the /v1 route it stands for. */
export interface ResolvedRoute {
  readonly method: 'GET' | 'POST';
  /** e.g. /v1/dead-letters/42, segments percent-encoded */
  readonly v1Path: string;
  /** the least role allowed to call it */
  readonly role: ConsoleRole;
}

interface RouteRule {
  readonly method: 'GET' | 'POST';
  readonly pattern: readonly string[];
  readonly role: ConsoleRole;
}

const rule = (method: 'GET' | 'POST', path: string, role: ConsoleRole): RouteRule => ({ method, pattern: path.split('/'), role });

/** Everything the console's page may ask of the ops API; any other path is refused (404). */
export const CONSOLE_API_ROUTES: readonly RouteRule[] = [
  rule('GET', 'overview', 'viewer'),
  rule('GET', 'documents/:docType/:docId', 'viewer'),
  rule('GET', 'trace/:businessKey', 'viewer'),
  rule('GET', 'dead-letters', 'viewer'),
  rule('POST', 'dead-letters/replay', 'operator'),
  rule('GET', 'dead-letters/:id', 'viewer'),
  rule('GET', 'replays', 'viewer'),
  rule('GET', 'reconciliations', 'viewer'),
  rule('POST', 'reconciliations', 'operator'),
  rule('GET', 'reconciliations/:id', 'viewer'),
  rule('GET', 'sla/breaches', 'viewer'),
];

const hasControlCharacter = (text: string): boolean => [...text].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
const isSafeSegment = (text: string): boolean => text.length >= 1 && text.length <= 200 && !/[/\\]/.test(text) && !hasControlCharacter(text);

function decodeSegment(segment: string): string | undefined {
  try {
    const decoded = decodeURIComponent(segment);
    return isSafeSegment(decoded) && decoded !== '.' && decoded !== '..' ? decoded : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The /v1 route of a console API call (`path` is what follows /console/api/, still
 * percent-encoded), or undefined when the console does not offer it. Parameters are decoded,
 * checked (no slashes, dot segments or control characters) and encoded again.
 */
export function resolveConsoleRoute(method: string, path: string): ResolvedRoute | undefined {
  const segments = path.split('/').filter((s) => s !== '');
  for (const candidate of CONSOLE_API_ROUTES) {
    if (candidate.method !== method.toUpperCase() || candidate.pattern.length !== segments.length) continue;
    const parts: string[] = [];
    const matches = candidate.pattern.every((expected, index) => {
      const decoded = decodeSegment(segments[index] ?? '');
      if (decoded === undefined) return false;
      if (!expected.startsWith(':') && expected !== decoded) return false;
      parts.push(encodeURIComponent(decoded));
      return true;
    });
    if (matches) return { method: candidate.method, v1Path: `/v1/${parts.join('/')}`, role: candidate.role };
  }
  return undefined;
}

/** Whether `role` may call a route needing `needed`. */
export const roleAllows = (role: ConsoleRole, needed: ConsoleRole): boolean => role === 'operator' || needed === 'viewer';
