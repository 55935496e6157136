import { createHmac } from 'node:crypto';
import type { JwtConfig } from './auth-config';
import { verifyJwt } from './jwt';

const SECRET = 'a-test-secret-of-at-least-32-bytes!!';
const NOW = 1_800_000_000;
const config: JwtConfig = { secret: Buffer.from(SECRET), leewaySeconds: 30, issuer: 'idp', audience: 'procurelink' };
const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

function sign(claims: Record<string, unknown>, header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' }, secret = SECRET): string {
  const body = `${b64(header)}.${b64(claims)}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

const valid = { sub: 'ap-automation', exp: NOW + 300, iss: 'idp', aud: 'procurelink', scope: 'invoices:submit invoices:read' };

describe('verifyJwt', () => {
  it('accepts a valid HS256 token and reads sub and the space-separated scopes', () => {
    const result = verifyJwt(sign(valid), config, NOW);
    expect(result).toMatchObject({ ok: true, principal: { client: 'ap-automation', via: 'jwt' } });
    expect(result.ok && [...result.principal.scopes]).toEqual(['invoices:submit', 'invoices:read']);
  });

  it('accepts an audience given as an array', () => {
    expect(verifyJwt(sign({ ...valid, aud: ['other', 'procurelink'] }), config, NOW).ok).toBe(true);
  });

  it.each([
    ['an expired token', sign({ ...valid, exp: NOW - 31 }), 'token expired'],
    ['a wrong signature', sign(valid, undefined, 'another-secret-of-at-least-32-bytes'), 'bad signature'],
    ['alg none (unsigned)', `${b64({ alg: 'none' })}.${b64(valid)}.`, 'unsupported algorithm (only HS256 is accepted)'],
    ['alg none with a signature', sign(valid, { alg: 'none' }), 'unsupported algorithm (only HS256 is accepted)'],
    ['another algorithm', sign(valid, { alg: 'HS512' }), 'unsupported algorithm (only HS256 is accepted)'],
    ['a missing scope', sign({ ...valid, scope: undefined }), 'missing scope claim'],
    ['a scope given as an array', sign({ ...valid, scope: ['invoices:read'] }), 'missing scope claim'],
    ['a missing sub', sign({ ...valid, sub: undefined }), 'missing sub claim'],
    ['a missing exp', sign({ ...valid, exp: undefined }), 'missing exp claim'],
    ['a token not yet valid', sign({ ...valid, nbf: NOW + 120 }), 'token not yet valid'],
    ['a wrong issuer', sign({ ...valid, iss: 'elsewhere' }), 'wrong issuer'],
    ['a wrong audience', sign({ ...valid, aud: 'elsewhere' }), 'wrong audience'],
    ['a tampered payload', `${sign(valid).split('.')[0]}.${b64({ ...valid, scope: 'payments:submit' })}.${sign(valid).split('.')[2]}`, 'bad signature'],
    ['garbage', 'not-a-token', 'not a JWS compact token'],
  ])('refuses %s', (_name, token, reason) => {
    expect(verifyJwt(token, config, NOW)).toEqual({ ok: false, reason });
  });

  it('tolerates the configured clock skew on exp', () => {
    expect(verifyJwt(sign({ ...valid, exp: NOW - 10 }), config, NOW).ok).toBe(true);
  });
});
