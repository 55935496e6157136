import { matchApiKey } from './api-keys';
import type { AuthConfig, Principal } from './auth-config';
import { looksLikeJwt, verifyJwt } from './jwt';

export type Authentication =
  | { readonly ok: true; readonly principal: Principal }
  | { readonly ok: false; readonly missing: boolean; readonly reason: string };

/** A request's credential and how it came: `X-API-Key` is always an API key; a bearer may be either. */
export type Credential = { readonly via: 'api-key-header' | 'bearer'; readonly value: string };

/** The credential of a request: `Authorization: Bearer <key or jwt>` or `X-API-Key: <key>`. */
export function credentialOf(authorization: string | undefined, apiKeyHeader: string | undefined): Credential | undefined {
  if (apiKeyHeader !== undefined && apiKeyHeader.trim() !== '') return { via: 'api-key-header', value: apiKeyHeader.trim() };
  if (authorization === undefined) return undefined;
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(authorization);
  return match?.[1] === undefined ? undefined : { via: 'bearer', value: match[1] };
}

/**
 * Decides who is calling. `X-API-Key` is matched as an API key, whatever it looks like; a
 * JWT-shaped bearer is verified as a JWT when JWTs are configured, anything else as an API key.
 */
export function authenticate(config: AuthConfig, credentialOrKey: Credential | string | undefined, nowSeconds: number): Authentication {
  if (credentialOrKey === undefined) return { ok: false, missing: true, reason: 'no credentials' };
  const { via, value: credential } = typeof credentialOrKey === 'string' ? { via: 'bearer' as const, value: credentialOrKey } : credentialOrKey;
  if (via === 'bearer' && looksLikeJwt(credential)) {
    if (config.jwt === undefined) return { ok: false, missing: false, reason: 'bearer tokens are not accepted here' };
    const result = verifyJwt(credential, config.jwt, nowSeconds);
    return result.ok ? result : { ok: false, missing: false, reason: result.reason };
  }
  const principal = matchApiKey(config.apiKeys, credential);
  return principal ? { ok: true, principal } : { ok: false, missing: false, reason: 'unknown API key' };
}
