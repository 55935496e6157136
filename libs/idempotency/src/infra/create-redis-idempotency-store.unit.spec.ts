import { IdempotencyInvalidArgumentError } from '../domain/errors';
import { createRedisIdempotencyStore } from './create-redis-idempotency-store';

describe('createRedisIdempotencyStore', () => {
  it('when options are wrong › refuses them before connecting, listing every problem without the URL', () => {
    let error: unknown;
    try {
      createRedisIdempotencyStore({ url: 'http://user:s3cret@cache:6379', commandTimeoutMs: 0, connectTimeoutMs: 1.5 });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(IdempotencyInvalidArgumentError);
    const message = (error as Error).message;
    expect(message).toContain('url must start with redis:// or rediss://');
    expect(message).toContain('commandTimeoutMs must be a whole number above 0 (got 0)');
    expect(message).toContain('connectTimeoutMs must be a whole number above 0 (got 1.5)');
    expect(message).not.toContain('s3cret');
  });

  it('when the URL is not a URL › says what it must be', () => {
    expect(() => createRedisIdempotencyStore({ url: 'localhost:6379:x' })).toThrow(/url must/);
  });
});
