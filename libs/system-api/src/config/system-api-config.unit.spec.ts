import { createHash } from 'node:crypto';
import { ConfigError } from '@procurelink/service-host';
import { DEV_API_KEY, parseSystemApiConfig } from './system-api-config';

const hex = (key: string): string => createHash('sha256').update(key).digest('hex');
const SECRET = 'a-test-secret-of-at-least-32-bytes!!';

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    parseSystemApiConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('parseSystemApiConfig', () => {
  it('reads API keys as client, SHA-256 hash and scopes', () => {
    const config = parseSystemApiConfig({ API_KEYS: `erp-a:${hex('k1')}:invoices:submit|invoices:read, po-b:${hex('k2')}:purchase-orders:submit` });
    expect(config.auth.apiKeys.map((k) => [k.clientId, k.keyHash.toString('hex'), k.scopes])).toEqual([
      ['erp-a', hex('k1'), ['invoices:submit', 'invoices:read']],
      ['po-b', hex('k2'), ['purchase-orders:submit']],
    ]);
    expect(config.auth.devKeyInUse).toBe(false);
    expect(config.auth.jwt).toBeUndefined();
    expect(config.bodyLimitBytes).toBe(1_048_576);
  });

  it('when API_KEYS is unset outside production › accepts only the documented dev key, with every scope', () => {
    const config = parseSystemApiConfig({ NODE_ENV: 'development' });
    expect(config.auth.devKeyInUse).toBe(true);
    expect(config.auth.apiKeys).toHaveLength(1);
    expect(config.auth.apiKeys[0]!.keyHash.toString('hex')).toBe(hex(DEV_API_KEY));
    expect(config.auth.apiKeys[0]!.scopes).toContain('suppliers:confirm-bank-details');
    expect(config.auth.apiKeys[0]!.scopes).toContain('payments:read');
    expect(config.auth.apiKeys[0]!.scopes).toEqual(expect.arrayContaining(['ops:read', 'ops:replay', 'ops:reconcile']));
  });

  it('when API_KEYS is unset in production › refuses to start', () => {
    expect(problemsOf({ NODE_ENV: 'production' }).join('\n')).toMatch(/^API_KEYS: required when NODE_ENV=production/);
  });

  it('reports every malformed entry, naming the variable, without quoting secrets', () => {
    const problems = problemsOf({
      API_KEYS: `bad-entry,c1:nothex:invoices:read,c2:${hex('x')}:invoices:delete,c2:${hex('y')}:invoices:read`,
      API_JWT_SECRET: 'short-secret-value',
      API_BODY_LIMIT_BYTES: '-5',
    });
    const text = problems.join('\n');
    expect(problems).toHaveLength(6);
    expect(text).toContain('API_KEYS entry 1: must be');
    expect(text).toContain('API_KEYS entry 2 (c1): the key hash must be 64 hex digits');
    expect(text).toContain('unknown scope(s) invoices:delete');
    expect(text).toContain('client id c2 appears twice');
    expect(text).toContain('API_JWT_SECRET: must be at least 32 bytes');
    expect(text).toContain('API_BODY_LIMIT_BYTES=-5');
    expect(text).not.toContain('short-secret-value');
  });

  it('reads the JWT settings and the body limit', () => {
    const config = parseSystemApiConfig({
      API_KEYS: `c:${hex('k')}:payments:read`,
      API_JWT_SECRET: SECRET,
      API_JWT_ISSUER: 'https://idp.example',
      API_JWT_AUDIENCE: 'procurelink',
      API_BODY_LIMIT_BYTES: '2048',
    });
    expect(config.auth.jwt).toMatchObject({ issuer: 'https://idp.example', audience: 'procurelink' });
    expect(config.auth.jwt!.secret.toString()).toBe(SECRET);
    expect(config.bodyLimitBytes).toBe(2048);
  });
});
