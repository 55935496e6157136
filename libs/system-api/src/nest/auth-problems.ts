import { ApiProblem } from '../domain/problems';
import type { Principal } from '../domain/auth-config';
import { missingScopes } from '../domain/scopes';

const REALM = 'Bearer realm="procurelink"';

export function unauthorized(missing: boolean, reason: string): ApiProblem {
  const challenge = missing ? REALM : `${REALM}, error="invalid_token", error_description="${reason.replace(/"/g, "'")}"`;
  return new ApiProblem(
    401,
    'unauthorized',
    'Unauthorized',
    missing ? 'credentials are required: X-API-Key or Authorization: Bearer <api-key or JWT>' : `the credentials were refused: ${reason}`,
    {},
    { 'WWW-Authenticate': challenge },
  );
}

export function forbidden(principal: Principal, missing: readonly string[]): ApiProblem {
  return new ApiProblem(
    403,
    'insufficient-scope',
    'Forbidden',
    `client ${principal.client} lacks the scope ${missing.join(', ')}`,
    { missingScopes: [...missing] },
    { 'WWW-Authenticate': `${REALM}, error="insufficient_scope", scope="${missing.join(' ')}"` },
  );
}

/** Throws 403 unless the principal holds every scope. */
export function assertScopes(principal: Principal, ...required: string[]): void {
  const missing = missingScopes(required, principal.scopes);
  if (missing.length > 0) throw forbidden(principal, missing);
}
