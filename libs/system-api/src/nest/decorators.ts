import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Principal } from '../domain/auth-config';

export const REQUIRED_SCOPES = 'procurelink:system-api:scopes';
export const PUBLIC_ROUTE = 'procurelink:system-api:public';
export const SCOPES_CHECKED_BY_HANDLER = 'procurelink:system-api:scopes-by-handler';

/** The caller needs every one of these scopes. A route with neither this nor @PublicRoute() is refused. */
export const RequireScopes = (...scopes: string[]): MethodDecorator & ClassDecorator => SetMetadata(REQUIRED_SCOPES, scopes);

/** No credentials needed (health, API docs). */
export const PublicRoute = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

/**
 * Credentials needed, but which scope depends on what is asked for: the handler checks it with
 * `assertScopes`. For routes like GET /v1/submissions/:id whose scope follows the document type.
 */
export const ScopesCheckedByHandler = (): MethodDecorator & ClassDecorator => SetMetadata(SCOPES_CHECKED_BY_HANDLER, true);

export interface AuthenticatedRequest {
  principal?: Principal;
}

/** The authenticated caller (set by the guard). */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (principal === undefined) throw new Error('CurrentPrincipal used on a route without authentication');
  return principal;
});
