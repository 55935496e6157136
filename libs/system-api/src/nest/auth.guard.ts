import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { HealthController } from '@procurelink/service-host';
import { authenticate, credentialOf } from '../domain/authenticate';
import { ApiProblem } from '../domain/problems';
import { rateLimitKey } from '../domain/rate-limit';
import { missingScopes } from '../domain/scopes';
import { forbidden, unauthorized } from './auth-problems';
import { PUBLIC_ROUTE, REQUIRED_SCOPES, SCOPES_CHECKED_BY_HANDLER, type AuthenticatedRequest } from './decorators';
import { SystemApiRateLimit } from './rate-limit';
import { SYSTEM_API_OPTIONS, type SystemApiOptions } from './system-api.options';

interface HttpRequest extends AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  ip?: string;
  socket?: { remoteAddress?: string };
}

const single = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/**
 * Global guard, secure by default: a route is open only with @PublicRoute() (the service-host
 * health controller counts as public); every other route needs valid credentials and the scopes
 * of @RequireScopes(...) — a route that declares none is refused. Every request except health and
 * metrics counts against a rate limit: per client once authenticated, per address otherwise (429).
 */
@Injectable()
export class SystemApiAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(SYSTEM_API_OPTIONS) private readonly options: SystemApiOptions,
    private readonly rateLimit: SystemApiRateLimit,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (context.getClass() === HealthController) return true;
    const request = context.switchToHttp().getRequest<HttpRequest>();
    const address = request.ip ?? request.socket?.remoteAddress;
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) {
      await this.rateLimit.enforce(rateLimitKey(undefined, address));
      return true;
    }
    const credential = credentialOf(single(request.headers.authorization), single(request.headers['x-api-key']));
    const result = authenticate(this.options.auth, credential, Math.floor(Date.now() / 1000));
    await this.rateLimit.enforce(rateLimitKey(result.ok ? result.principal : undefined, address));
    if (!result.ok) throw unauthorized(result.missing, result.reason);
    request.principal = result.principal;
    if (this.reflector.getAllAndOverride<boolean>(SCOPES_CHECKED_BY_HANDLER, targets)) return true;
    const required = this.reflector.getAllAndOverride<string[] | undefined>(REQUIRED_SCOPES, targets);
    if (required === undefined || required.length === 0) {
      throw new ApiProblem(403, 'route-without-scopes', 'Forbidden', 'this route declares no required scopes and is refused (secure by default)');
    }
    const missing = missingScopes(required, result.principal.scopes);
    if (missing.length > 0) throw forbidden(result.principal, missing);
    return true;
  }
}
