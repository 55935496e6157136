import { createHash } from 'node:crypto';
import type { Principal } from './auth-config';

/** A fixed-window counter: how many requests a key made in the current window, and when it ends. */
export interface WindowCount {
  readonly count: number;
  /** Milliseconds until the window (and its count) expires. */
  readonly resetInMs: number;
}

/** Counts requests per key in windows shared by every instance of a service (Redis). */
export interface RateLimiter {
  /** Adds one request to `key`'s window of `windowMs` and returns the count so far. */
  hit(key: string, windowMs: number): Promise<WindowCount>;
}

export const RATE_LIMITER = Symbol('RATE_LIMITER');

export type RateDecision =
  | { readonly allowed: true; readonly remaining: number }
  | { readonly allowed: false; readonly retryAfterSeconds: number };

/** Allowed while the window's count is within the limit; otherwise retry when the window ends (at least 1 s). */
export function decideRate(window: WindowCount, limit: number): RateDecision {
  if (window.count <= limit) return { allowed: true, remaining: limit - window.count };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(window.resetInMs / 1000)) };
}

const digest = (text: string): string => createHash('sha256').update(text).digest('base64url').slice(0, 22);

/**
 * Who a request counts against: the authenticated client (API key client id or JWT subject), or
 * the remote address for anonymous and refused requests. Hashed, so keys hold no raw identifiers.
 */
export function rateLimitKey(principal: Principal | undefined, remoteAddress: string | undefined): string {
  if (principal !== undefined) return `client:${digest(`${principal.via}:${principal.client}`)}`;
  return `ip:${digest(remoteAddress ?? 'unknown')}`;
}
