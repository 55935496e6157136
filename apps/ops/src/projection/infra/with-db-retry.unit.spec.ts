import { isConnectionError, withDbRetry } from './with-db-retry';

describe('waiting out a database outage', () => {
  it('retries connection errors until the work succeeds', async () => {
    let calls = 0;
    const result = await withDbRetry(async () => {
      calls += 1;
      if (calls < 3) throw Object.assign(new Error('refused'), { code: 'ECONNREFUSED' });
      return 'done';
    }, { sleep: async () => undefined });
    expect([result, calls]).toEqual(['done', 3]);
  });

  it('does not retry other errors (a constraint, a bad query)', async () => {
    let calls = 0;
    const failing = withDbRetry(async () => {
      calls += 1;
      throw Object.assign(new Error('duplicate'), { code: '23505' });
    }, { sleep: async () => undefined });
    await expect(failing).rejects.toThrow('duplicate');
    expect(calls).toBe(1);
  });

  it('classifies server shutdown and connection-class codes as connection errors', () => {
    expect(isConnectionError({ code: '57P01' })).toBe(true);
    expect(isConnectionError({ code: '08006' })).toBe(true);
    expect(isConnectionError({ code: '42P01' })).toBe(false);
  });
});
