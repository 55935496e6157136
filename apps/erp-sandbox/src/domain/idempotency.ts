import { createHash } from 'node:crypto';
import { problem, type Problem } from './problem';

/** Printable ASCII without spaces, 1 to 255 characters (UUIDs, business keys such as PO-1/2/3). */
const KEY = /^[\x21-\x7E]{1,255}$/;

export type KeyOutcome = { readonly ok: true; readonly key: string } | { readonly ok: false; readonly problem: Problem };

/** Every write must carry an Idempotency-Key header; this reads it. */
export function parseIdempotencyKey(header: string | readonly string[] | undefined): KeyOutcome {
  const path = 'headers.Idempotency-Key';
  if (header === undefined || header === '') return { ok: false, problem: problem(path, 'MISSING', 'is required on every write') };
  if (typeof header !== 'string') return { ok: false, problem: problem(path, 'DUPLICATE', 'must be sent once') };
  if (!KEY.test(header)) {
    return { ok: false, problem: problem(path, 'MALFORMED', 'must be 1 to 255 printable ASCII characters without spaces') };
  }
  return { ok: true, key: header };
}

/**
 * Identifies a request: the method, the path and the body with object keys sorted, hashed.
 * Two requests that differ only in key order or whitespace have the same fingerprint.
 */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  return createHash('sha256').update(`${method.toUpperCase()} ${path}\n${canonicalJson(body)}`).digest('hex');
}

/** JSON with object keys in code-point order at every depth; `undefined` members are dropped as JSON does. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const members = Object.keys(value)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export type IdempotentWrite<T> =
  | { readonly decision: 'EXECUTE' }
  | { readonly decision: 'REPLAY'; readonly original: T }
  | { readonly decision: 'CONFLICT'; readonly original: T };

/**
 * What to do with a write, given what already holds its idempotency key: nothing → execute it;
 * the same request → answer with the original result again; a different request → conflict.
 */
export function decideIdempotentWrite<T extends { readonly fingerprint: string }>(existing: T | undefined, fingerprint: string): IdempotentWrite<T> {
  if (existing === undefined) return { decision: 'EXECUTE' };
  return existing.fingerprint === fingerprint ? { decision: 'REPLAY', original: existing } : { decision: 'CONFLICT', original: existing };
}
