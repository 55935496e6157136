import { createHmac, randomBytes } from 'node:crypto';
import type { AuthConfig, JwtConfig } from '@procurelink/system-api';
import { ROLE_SCOPES, type ConsoleUser } from '../domain/roles';

/**
 * The system-API auth settings with the console's in-process credential: the console signs a
 * short-lived HS256 token per call, `sub` = `console:<user>`, `scope` = the role's scopes, so the
 * /v1 API's own guard checks the scopes and the replay audit names the console user. When the
 * service has no API_JWT_SECRET, a random secret that never leaves the process is added (the
 * /v1 API then accepts JWTs signed with it, which only the console can make).
 */
export function withConsoleCredential(auth: AuthConfig): { readonly auth: AuthConfig; readonly credential: JwtConfig } {
  if (auth.jwt !== undefined) return { auth, credential: auth.jwt };
  const credential: JwtConfig = { secret: randomBytes(32), leewaySeconds: 30 };
  return { auth: { ...auth, jwt: credential }, credential };
}

const TOKEN_TTL_SECONDS = 60;
const part = (value: object): string => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

/** An HS256 bearer token for the console user's internal principal, valid one minute. */
export function consoleBearerToken(user: ConsoleUser, credential: JwtConfig, nowSeconds: number): string {
  const claims = {
    sub: `console:${user.username}`,
    scope: ROLE_SCOPES[user.role].join(' '),
    iat: nowSeconds,
    exp: nowSeconds + TOKEN_TTL_SECONDS,
    ...(credential.issuer !== undefined ? { iss: credential.issuer } : {}),
    ...(credential.audience !== undefined ? { aud: credential.audience } : {}),
  };
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}`;
  return `${unsigned}.${createHmac('sha256', credential.secret).update(unsigned, 'ascii').digest('base64url')}`;
}
