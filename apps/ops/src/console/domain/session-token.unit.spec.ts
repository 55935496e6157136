import { cookieValue, signSession, verifySession } from './session-token';

const secret = Buffer.from('a-console-secret-of-at-least-32-bytes!!', 'utf8');
const operator = { username: 'ana', role: 'operator' as const };

describe('console session tokens', () => {
  it('when signed and verified with the same secret before expiry › give back the user and role', () => {
    expect(verifySession(signSession(operator, secret, 1000, 60), secret, 1059)).toEqual(operator);
  });

  it('when expired › are refused', () => {
    expect(verifySession(signSession(operator, secret, 1000, 60), secret, 1060)).toBeUndefined();
  });

  it('when signed with another secret › are refused', () => {
    expect(verifySession(signSession(operator, Buffer.from('another-secret-another-secret-123'), 1000, 60), secret, 1001)).toBeUndefined();
  });

  it('when the payload is changed (a viewer made operator) › are refused', () => {
    const [, signature] = signSession({ username: 'vic', role: 'viewer' }, secret, 1000, 60).split('.');
    const forged = Buffer.from(JSON.stringify({ u: 'vic', r: 'operator', exp: 2000 })).toString('base64url');
    expect(verifySession(`${forged}.${signature}`, secret, 1001)).toBeUndefined();
  });

  it('when malformed or absent › are refused', () => {
    for (const token of [undefined, '', 'x', 'a.b.c', '.sig']) expect(verifySession(token, secret, 1)).toBeUndefined();
  });

  it('reads one cookie among several', () => {
    expect(cookieValue('a=1; procurelink_console=tok.en; b=2', 'procurelink_console')).toBe('tok.en');
    expect(cookieValue('a=1', 'procurelink_console')).toBeUndefined();
  });
});
