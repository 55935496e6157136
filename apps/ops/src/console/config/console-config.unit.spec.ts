import { createHash } from 'node:crypto';
import { ConfigError } from '@procurelink/service-host';
import { checkPassword } from '../domain/users';
import { DEV_CONSOLE_SECRET, parseConsoleConfig } from './console-config';

const hex = (password: string) => createHash('sha256').update(password).digest('hex');

describe('console configuration', () => {
  it('when unset outside production › uses the documented development users and secret, and says so', () => {
    const config = parseConsoleConfig({});
    expect(checkPassword(config.users, 'viewer', 'viewer')?.role).toBe('viewer');
    expect(checkPassword(config.users, 'operator', 'operator')?.role).toBe('operator');
    expect(config.sessionSecret.toString()).toBe(DEV_CONSOLE_SECRET);
    expect([config.devUsersInUse, config.devSecretInUse, config.secureCookie]).toEqual([true, true, false]);
  });

  it('when unset in production › refuses to start, naming both variables', () => {
    expect(() => parseConsoleConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => parseConsoleConfig({ NODE_ENV: 'production' })).toThrow(/OPS_CONSOLE_USERS[\s\S]*OPS_CONSOLE_SECRET/);
  });

  it('when set › uses them, with secure cookies in production', () => {
    const config = parseConsoleConfig({ NODE_ENV: 'production', OPS_CONSOLE_USERS: `ana:${hex('pw')}:operator`, OPS_CONSOLE_SECRET: 'x'.repeat(32), OPS_CONSOLE_SESSION_MINUTES: '30' });
    expect(checkPassword(config.users, 'ana', 'pw')?.role).toBe('operator');
    expect(checkPassword(config.users, 'viewer', 'viewer')).toBeUndefined();
    expect([config.devUsersInUse, config.devSecretInUse, config.secureCookie, config.sessionTtlSeconds]).toEqual([false, false, true, 1800]);
  });

  it('when the secret is short › refuses it without showing it', () => {
    expect(() => parseConsoleConfig({ OPS_CONSOLE_SECRET: 'short-secret' })).toThrow(/OPS_CONSOLE_SECRET: must be at least 32 bytes \(value not shown\)/);
  });
});
