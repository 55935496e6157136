import { matchApiKey } from './api-keys';
import type { AuthConfig, Principal } from './auth-config';
import { looksLikeJwt, verifyJwt } from './jwt';

export type Authentication =
  | { readonly ok: true; readonly principal: Principal }
  | { readonly ok: false; readonly missing: boolean; readonly reason: string };

/** The credential of a request: `Authorization: Bearer <key or jwt>` or `X-API-Key: <key>`. */
export function credentialOf(authorization: string | undefined, apiKeyHeader: string | undefined): string | undefined {
  if (apiKeyHeader !== undefined && apiKeyHeader.trim() !== '') return apiKeyHeader.trim();
  if (authorization === undefined) return undefined;
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(authorization);
  return match?.[1];
}

/** Decides who is calling; a JWT-shaped bearer is verified as a JWT, anything else as an API key. */
export function authenticate(config: AuthConfig, credential: string | undefined, nowSeconds: number): Authentication {
  if (credential === undefined) return { ok: false, missing: true, reason: 'no credentials' };
  if (looksLikeJwt(credential)) {
    if (config.jwt === undefined) return { ok: false, missing: false, reason: 'bearer tokens are not accepted here' };
    const result = verifyJwt(credential, config.jwt, nowSeconds);
    return result.ok ? result : { ok: false, missing: false, reason: result.reason };
  }
  const principal = matchApiKey(config.apiKeys, credential);
  return principal ? { ok: true, principal } : { ok: false, missing: false, reason: 'unknown API key' };
}
