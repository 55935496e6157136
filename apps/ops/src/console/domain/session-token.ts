import { createHmac, timingSafeEqual } from 'node:crypto';
import { isConsoleRole, type ConsoleUser } from './roles';

/** The cookie carrying the console session: `<base64url(json)>.<base64url(hmac-sha256)>`. */
export const SESSION_COOKIE = 'procurelink_console';

interface SessionClaims {
  readonly u: string;
  readonly r: string;
  /** expiry, seconds since the epoch */
  readonly exp: number;
}

const mac = (secret: Buffer, payload: string): Buffer => createHmac('sha256', secret).update(payload, 'ascii').digest();

/** Signs a session for `user`, valid `ttlSeconds` from `nowSeconds`. */
export function signSession(user: ConsoleUser, secret: Buffer, nowSeconds: number, ttlSeconds: number): string {
  const claims: SessionClaims = { u: user.username, r: user.role, exp: nowSeconds + ttlSeconds };
  const payload = Buffer.from(JSON.stringify(claims), 'utf8').toString('base64url');
  return `${payload}.${mac(secret, payload).toString('base64url')}`;
}

/** The user of a session token, or undefined when it is malformed, forged or expired. */
export function verifySession(token: string | undefined, secret: Buffer, nowSeconds: number): ConsoleUser | undefined {
  if (token === undefined) return undefined;
  const [payload, signature, ...rest] = token.split('.');
  if (payload === undefined || signature === undefined || rest.length > 0 || payload === '') return undefined;
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(secret, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  let claims: Partial<SessionClaims>;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<SessionClaims>;
  } catch {
    return undefined;
  }
  if (typeof claims.u !== 'string' || typeof claims.r !== 'string' || !isConsoleRole(claims.r)) return undefined;
  if (typeof claims.exp !== 'number' || nowSeconds >= claims.exp) return undefined;
  return { username: claims.u, role: claims.r };
}

/** The value of one cookie in a Cookie header. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}
