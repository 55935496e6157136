import { decideRate, rateLimitKey } from './rate-limit';

describe('decideRate', () => {
  it('while the count is within the limit › allows, saying how many remain', () => {
    expect(decideRate({ count: 1, resetInMs: 60_000 }, 3)).toEqual({ allowed: true, remaining: 2 });
    expect(decideRate({ count: 3, resetInMs: 10 }, 3)).toEqual({ allowed: true, remaining: 0 });
  });

  it('past the limit › refuses until the window ends, rounded up to whole seconds and at least 1', () => {
    expect(decideRate({ count: 4, resetInMs: 12_001 }, 3)).toEqual({ allowed: false, retryAfterSeconds: 13 });
    expect(decideRate({ count: 4, resetInMs: 0 }, 3)).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });
});

describe('rateLimitKey', () => {
  const principal = (client: string, via: 'api-key' | 'jwt' = 'api-key') => ({ client, via, scopes: new Set<string>() });

  it('counts a client by its identity, whatever address it calls from', () => {
    expect(rateLimitKey(principal('erp-a'), '10.0.0.1')).toBe(rateLimitKey(principal('erp-a'), '10.0.0.2'));
    expect(rateLimitKey(principal('erp-a'), '10.0.0.1')).not.toBe(rateLimitKey(principal('erp-b'), '10.0.0.1'));
    expect(rateLimitKey(principal('erp-a', 'jwt'), undefined)).not.toBe(rateLimitKey(principal('erp-a'), undefined));
  });

  it('counts anonymous requests by address, and keeps no raw identifier in the key', () => {
    expect(rateLimitKey(undefined, '10.0.0.1')).toMatch(/^ip:[A-Za-z0-9_-]{22}$/);
    expect(rateLimitKey(undefined, '10.0.0.1')).not.toBe(rateLimitKey(undefined, '10.0.0.2'));
    expect(rateLimitKey(principal('erp-a'), undefined)).not.toContain('erp-a');
  });
});
