import type { Redis } from 'ioredis';
import type { RateLimiter, WindowCount } from '../domain/rate-limit';

// INCR the window's counter; the first hit sets its expiry. Returns the count and the time left.
const HIT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {count, ttl}`;

/** Fixed windows in Redis (`<prefix>rate:<key>`), so every instance of a service shares one count. */
export class RedisRateLimiter implements RateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async hit(key: string, windowMs: number): Promise<WindowCount> {
    const [count, ttl] = (await this.redis.eval(HIT, 1, `${this.prefix}rate:${key}`, windowMs)) as [number, number];
    return { count: Number(count), resetInMs: Number(ttl) };
  }
}
