import { Inject, Injectable, Logger } from '@nestjs/common';
import { ApiProblem } from '../domain/problems';
import { decideRate, RATE_LIMITER, type RateLimiter } from '../domain/rate-limit';
import { SYSTEM_API_OPTIONS, type SystemApiOptions } from './system-api.options';
import { DEFAULT_RATE_LIMIT_PER_MINUTE } from '../config/system-api-config';

const MINUTE_MS = 60_000;

export function tooManyRequests(retryAfterSeconds: number, what = 'requests from this client'): ApiProblem {
  return new ApiProblem(
    429,
    'too-many-requests',
    'Too many requests',
    `too many ${what}; retry after ${retryAfterSeconds} s`,
    { retryAfterSeconds },
    { 'Retry-After': String(retryAfterSeconds) },
  );
}

/**
 * The per-client request limit of the system API (and the console's sign-in limit), counted in
 * Redis so every instance shares it. When Redis does not answer, requests pass (logged once per
 * outage): the limit protects capacity and must not itself take the API down.
 */
@Injectable()
export class SystemApiRateLimit {
  private readonly logger = new Logger('SystemApiRateLimit');
  private failing = false;

  constructor(
    @Inject(RATE_LIMITER) private readonly limiter: RateLimiter,
    @Inject(SYSTEM_API_OPTIONS) private readonly options: SystemApiOptions,
  ) {}

  /** Throws a 429 ApiProblem (with Retry-After) when `key` is over `limit` requests in `windowMs`. */
  async enforce(key: string, limit = this.options.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE, windowMs = MINUTE_MS, what?: string): Promise<void> {
    let window;
    try {
      window = await this.limiter.hit(key, windowMs);
      this.failing = false;
    } catch (error) {
      if (!this.failing) this.logger.warn(`rate limit not enforced: Redis did not answer (${error instanceof Error ? error.name : 'error'})`);
      this.failing = true;
      return;
    }
    const decision = decideRate(window, limit);
    if (!decision.allowed) throw tooManyRequests(decision.retryAfterSeconds, what);
  }
}
