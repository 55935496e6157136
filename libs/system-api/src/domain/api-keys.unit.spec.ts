import { matchApiKey, sha256 } from './api-keys';
import { authenticate, credentialOf } from './authenticate';
import type { AuthConfig } from './auth-config';

const entries = [
  { clientId: 'erp-a', keyHash: sha256('key-a'), scopes: ['invoices:submit'] },
  { clientId: 'erp-b', keyHash: sha256('key-b'), scopes: ['payments:read', 'payments:submit'] },
];

describe('matchApiKey', () => {
  it('finds the client whose key hashes to the stored hash', () => {
    const principal = matchApiKey(entries, 'key-b');
    expect(principal?.client).toBe('erp-b');
    expect([...principal!.scopes]).toEqual(['payments:read', 'payments:submit']);
    expect(principal?.via).toBe('api-key');
  });

  it('refuses an unknown key, a prefix of a key and the hash itself', () => {
    expect(matchApiKey(entries, 'key-c')).toBeUndefined();
    expect(matchApiKey(entries, 'key-')).toBeUndefined();
    expect(matchApiKey(entries, sha256('key-a').toString('hex'))).toBeUndefined();
  });
});

describe('credentialOf', () => {
  it('takes X-API-Key first, else a Bearer credential', () => {
    expect(credentialOf('Bearer abc', 'xyz')).toEqual({ via: 'api-key-header', value: 'xyz' });
    expect(credentialOf('Bearer abc', undefined)).toEqual({ via: 'bearer', value: 'abc' });
    expect(credentialOf('bearer  abc ', undefined)).toEqual({ via: 'bearer', value: 'abc' });
    expect(credentialOf('Basic dXNlcjpwYXNz', undefined)).toBeUndefined();
    expect(credentialOf(undefined, undefined)).toBeUndefined();
  });
});

describe('authenticate', () => {
  const config: AuthConfig = { apiKeys: entries, devKeyInUse: false };

  it('says whether credentials were missing or refused', () => {
    expect(authenticate(config, undefined, 0)).toMatchObject({ ok: false, missing: true });
    expect(authenticate(config, 'nope', 0)).toMatchObject({ ok: false, missing: false, reason: 'unknown API key' });
    expect(authenticate(config, 'key-a', 0)).toMatchObject({ ok: true, principal: { client: 'erp-a' } });
  });

  it('matches an X-API-Key as an API key even when it has the shape of a JWT', () => {
    const dotted: AuthConfig = { apiKeys: [{ clientId: 'dotted', keyHash: sha256('a.b.c'), scopes: ['invoices:read'] }], devKeyInUse: false };
    expect(authenticate(dotted, { via: 'api-key-header', value: 'a.b.c' }, 0)).toMatchObject({ ok: true, principal: { client: 'dotted' } });
    expect(authenticate(dotted, { via: 'bearer', value: 'a.b.c' }, 0)).toMatchObject({ ok: false, reason: 'bearer tokens are not accepted here' });
  });

  it('refuses a JWT when no JWT secret is configured', () => {
    expect(authenticate(config, 'eyJhbGciOiJIUzI1NiJ9.e30.c2ln', 0)).toMatchObject({ ok: false, reason: 'bearer tokens are not accepted here' });
  });
});
