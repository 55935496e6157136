import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
    expect(problemsOf({ NODE_ENV: 'production' }).join('\n')).toMatch(/^API_KEYS \/ API_JWT_SECRET: one is required when PROCURELINK_ENV=production/);
    expect(problemsOf({ PROCURELINK_ENV: 'production' })).toHaveLength(1);
  });

  it('in production › accepts JWTs alone (no key at all), and refuses the development key even when listed', () => {
    const jwtOnly = parseSystemApiConfig({ PROCURELINK_ENV: 'production', API_JWT_SECRET: SECRET });
    expect([jwtOnly.auth.apiKeys, jwtOnly.auth.devKeyInUse, jwtOnly.production]).toEqual([[], false, true]);
    const text = problemsOf({ PROCURELINK_ENV: 'production', API_KEYS: `c:${hex(DEV_API_KEY)}:payments:read` }).join('\n');
    expect(text).toContain('API_KEYS: lists the development key');
  });

  it('reads keys and the JWT secret from mounted files (API_KEYS_FILE, API_JWT_SECRET_FILE), and refuses both forms at once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'system-api-config-'));
    writeFileSync(join(dir, 'keys'), `c:${hex('k')}:payments:read\n`);
    writeFileSync(join(dir, 'jwt'), `${SECRET}\n`);
    try {
      const config = parseSystemApiConfig({ API_KEYS_FILE: join(dir, 'keys'), API_JWT_SECRET_FILE: join(dir, 'jwt') });
      expect(config.auth.apiKeys.map((k) => k.clientId)).toEqual(['c']);
      expect(config.auth.jwt?.secret.toString()).toBe(SECRET);
      const text = problemsOf({ API_JWT_SECRET: SECRET, API_JWT_SECRET_FILE: join(dir, 'jwt') }).join('\n');
      expect(text).toBe('API_JWT_SECRET / API_JWT_SECRET_FILE: set one of them, not both');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads the rate limit per client, 600 a minute by default', () => {
    expect(parseSystemApiConfig({}).rateLimitPerMinute).toBe(600);
    expect(parseSystemApiConfig({ API_RATE_LIMIT_PER_MINUTE: '5' }).rateLimitPerMinute).toBe(5);
    expect(problemsOf({ API_RATE_LIMIT_PER_MINUTE: 'lots' })).toEqual(['API_RATE_LIMIT_PER_MINUTE=lots: must be a whole number above 0']);
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
