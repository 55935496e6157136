import { createHmac, timingSafeEqual } from 'node:crypto';
import type { JwtConfig, Principal } from './auth-config';

export type JwtResult = { readonly ok: true; readonly principal: Principal } | { readonly ok: false; readonly reason: string };

const fail = (reason: string): JwtResult => ({ ok: false, reason });
const SEGMENT = /^[A-Za-z0-9_-]*$/;

/** True when a bearer credential has the shape of a JWS compact token (three base64url parts). */
export function looksLikeJwt(token: string): boolean {
  const parts = token.split('.');
  return parts.length === 3 && parts.every((part) => SEGMENT.test(part)) && (parts[0] ?? '').length > 0;
}

function decodeJson(segment: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Verifies an HS256 JWT: only alg HS256 (never none or another algorithm), a valid signature
 * (compared in constant time), `sub`, `exp` in the future, `nbf` if present, `iss` / `aud` when
 * configured, and `scope` as a space-separated string. Reasons never contain the token.
 */
export function verifyJwt(token: string, config: JwtConfig, nowSeconds: number): JwtResult {
  if (!looksLikeJwt(token)) return fail('not a JWS compact token');
  const [headerPart, payloadPart, signaturePart] = token.split('.') as [string, string, string];
  const header = decodeJson(headerPart);
  if (header === undefined) return fail('unreadable token header');
  if (header.alg !== 'HS256') return fail('unsupported algorithm (only HS256 is accepted)');
  if (header.crit !== undefined) return fail('unsupported critical header');
  const expected = createHmac('sha256', config.secret).update(`${headerPart}.${payloadPart}`, 'ascii').digest();
  const signature = Buffer.from(signaturePart, 'base64url');
  if (signature.length !== expected.length || !timingSafeEqual(signature, expected)) return fail('bad signature');
  const claims = decodeJson(payloadPart);
  if (claims === undefined) return fail('unreadable token claims');
  const { sub, exp, nbf, iss, aud, scope } = claims;
  if (typeof sub !== 'string' || sub === '') return fail('missing sub claim');
  if (typeof exp !== 'number' || !Number.isFinite(exp)) return fail('missing exp claim');
  if (nowSeconds >= exp + config.leewaySeconds) return fail('token expired');
  if (nbf !== undefined && (typeof nbf !== 'number' || nowSeconds + config.leewaySeconds < nbf)) return fail('token not yet valid');
  if (config.issuer !== undefined && iss !== config.issuer) return fail('wrong issuer');
  if (config.audience !== undefined && !(aud === config.audience || (Array.isArray(aud) && aud.includes(config.audience)))) {
    return fail('wrong audience');
  }
  if (typeof scope !== 'string' || scope.trim() === '') return fail('missing scope claim');
  const scopes = new Set(scope.split(' ').filter((s) => s !== ''));
  return { ok: true, principal: { client: sub, scopes, via: 'jwt' } };
}
