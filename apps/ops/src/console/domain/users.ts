import { createHash, timingSafeEqual } from 'node:crypto';
import { isConsoleRole, type ConsoleRole, type ConsoleUser } from './roles';

/** A configured console user: only the SHA-256 of the password is kept. */
export interface ConsoleUserEntry {
  readonly username: string;
  readonly passwordHash: Buffer;
  readonly role: ConsoleRole;
}

const USERNAME = /^[A-Za-z0-9._-]{1,64}$/;
const SHA256_HEX = /^[0-9a-fA-F]{64}$/;

export const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/**
 * Parses OPS_CONSOLE_USERS, `user:sha256hex(password):role,...` (role viewer or operator). Each
 * problem names the entry by position and never quotes a hash.
 */
export function parseConsoleUsers(raw: string, problems: string[]): ConsoleUserEntry[] {
  const users: ConsoleUserEntry[] = [];
  const seen = new Set<string>();
  const entries = raw.split(',').map((e) => e.trim()).filter((e) => e !== '');
  entries.forEach((entry, index) => {
    const where = `OPS_CONSOLE_USERS entry ${index + 1}`;
    const [username = '', hash = '', role = '', ...rest] = entry.split(':');
    const problem =
      rest.length > 0 || role === '' ? `${where}: must be <user>:<sha256-hex-of-password>:<viewer|operator>`
      : !USERNAME.test(username) ? `${where}: user name must be 1-64 characters of A-Z a-z 0-9 . _ -`
      : seen.has(username) ? `${where}: user ${username} appears twice`
      : !SHA256_HEX.test(hash) ? `${where} (${username}): the password hash must be 64 hex digits (sha256 of the password)`
      : !isConsoleRole(role) ? `${where} (${username}): role must be viewer or operator`
      : undefined;
    if (problem !== undefined || !isConsoleRole(role)) {
      problems.push(problem ?? `${where}: invalid`);
      return;
    }
    seen.add(username);
    users.push({ username, passwordHash: Buffer.from(hash, 'hex'), role });
  });
  if (users.length === 0 && problems.length === 0) problems.push('OPS_CONSOLE_USERS: lists no user');
  return users;
}

/**
 * The user whose name and password match, compared in constant time over the hashes; an unknown
 * name costs the same hash comparison as a wrong password.
 */
export function checkPassword(users: readonly ConsoleUserEntry[], username: string, password: string): ConsoleUser | undefined {
  const given = sha256(password);
  const found = users.find((user) => user.username === username);
  const expected = found?.passwordHash ?? sha256(`no such user ${username}`);
  const same = timingSafeEqual(given, expected);
  return found !== undefined && same ? { username: found.username, role: found.role } : undefined;
}
