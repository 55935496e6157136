import { ConfigError, EnvReader, readDeploymentEnvironment, type Env } from '@procurelink/service-host';
import { parseConsoleUsers, sha256, type ConsoleUserEntry } from '../domain/users';

/** Development-only defaults, accepted only when the variables are unset outside production. */
export const DEV_CONSOLE_USERS_DESCRIPTION = 'viewer:viewer (viewer), operator:operator (operator)';
export const DEV_CONSOLE_SECRET = 'procurelink-dev-console-secret-never-use-in-production';
const MIN_SECRET_BYTES = 32;

export interface ConsoleConfig {
  readonly users: readonly ConsoleUserEntry[];
  /** HMAC key of the session cookie (OPS_CONSOLE_SECRET). */
  readonly sessionSecret: Buffer;
  readonly sessionTtlSeconds: number;
  /** Secure attribute on the session cookie (OPS_CONSOLE_COOKIE_SECURE; default true in production). */
  readonly secureCookie: boolean;
  /** True when the documented development users / secret are in use (a warning is logged). */
  readonly devUsersInUse: boolean;
  readonly devSecretInUse: boolean;
}

/**
 * The console's settings: OPS_CONSOLE_USERS (`user:sha256hex(password):role,...`, role viewer or
 * operator), OPS_CONSOLE_SECRET (≥ 32 bytes), OPS_CONSOLE_SESSION_MINUTES (default 480),
 * OPS_CONSOLE_COOKIE_SECURE. Outside production, unset users / secret fall back to the documented
 * development values; in production they are required. Throws ConfigError naming each variable.
 */
export function parseConsoleConfig(env: Env): ConsoleConfig {
  const read = new EnvReader(env);
  const problems = read.problems;
  const production = readDeploymentEnvironment(read) === 'production';
  const rawUsers = (read.secret('OPS_CONSOLE_USERS') ?? '').trim();
  let users: ConsoleUserEntry[] = [];
  if (rawUsers !== '') users = parseConsoleUsers(rawUsers, problems);
  else if (production) problems.push('OPS_CONSOLE_USERS: required when PROCURELINK_ENV=production (the development users viewer/operator are never accepted in production)');
  else users = devUsers();
  if (production && users.some((user) => DEV_PASSWORD_HASHES.some((hash) => hash.equals(user.passwordHash)))) {
    problems.push('OPS_CONSOLE_USERS: a user has a development password (viewer / operator), which PROCURELINK_ENV=production refuses');
  }
  const rawSecret = read.secret('OPS_CONSOLE_SECRET') ?? '';
  if (rawSecret === '' && production) problems.push('OPS_CONSOLE_SECRET: required when PROCURELINK_ENV=production (signs the console session cookie)');
  if (production && rawSecret === DEV_CONSOLE_SECRET) problems.push('OPS_CONSOLE_SECRET: is the documented development secret, which PROCURELINK_ENV=production refuses');
  if (rawSecret !== '' && Buffer.byteLength(rawSecret, 'utf8') < MIN_SECRET_BYTES) problems.push(`OPS_CONSOLE_SECRET: must be at least ${MIN_SECRET_BYTES} bytes (value not shown)`);
  const sessionMinutes = read.positiveInt('OPS_CONSOLE_SESSION_MINUTES', 480);
  const secureCookie = read.oneOf('OPS_CONSOLE_COOKIE_SECURE', ['true', 'false'], production ? 'true' : 'false') === 'true';
  if (problems.length > 0) throw new ConfigError('ops console', problems);
  return {
    users,
    sessionSecret: Buffer.from(rawSecret === '' ? DEV_CONSOLE_SECRET : rawSecret, 'utf8'),
    sessionTtlSeconds: sessionMinutes * 60,
    secureCookie,
    devUsersInUse: rawUsers === '',
    devSecretInUse: rawSecret === '',
  };
}

const DEV_PASSWORD_HASHES = [sha256('viewer'), sha256('operator')];

function devUsers(): ConsoleUserEntry[] {
  return [
    { username: 'viewer', passwordHash: sha256('viewer'), role: 'viewer' },
    { username: 'operator', passwordHash: sha256('operator'), role: 'operator' },
  ];
}
