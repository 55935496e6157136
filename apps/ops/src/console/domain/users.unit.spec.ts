import { checkPassword, parseConsoleUsers, sha256 } from './users';

const hex = (password: string) => sha256(password).toString('hex');

describe('console users (OPS_CONSOLE_USERS)', () => {
  it('parses user:sha256(password):role entries and checks passwords against the hash', () => {
    const problems: string[] = [];
    const users = parseConsoleUsers(`ana:${hex('s3cret')}:operator, vic:${hex('look')}:viewer`, problems);
    expect(problems).toEqual([]);
    expect(checkPassword(users, 'ana', 's3cret')).toEqual({ username: 'ana', role: 'operator' });
    expect(checkPassword(users, 'vic', 'look')).toEqual({ username: 'vic', role: 'viewer' });
    expect(checkPassword(users, 'ana', 'look')).toBeUndefined();
    expect(checkPassword(users, 'nobody', 's3cret')).toBeUndefined();
  });

  it('when an entry is wrong › names it by position, never quoting the hash', () => {
    const problems: string[] = [];
    parseConsoleUsers(`ana:${hex('x')}:admin,bob:nothex:viewer,ana:${hex('y')}:viewer,broken`, problems);
    expect(problems).toEqual([
      'OPS_CONSOLE_USERS entry 1 (ana): role must be viewer or operator',
      'OPS_CONSOLE_USERS entry 2 (bob): the password hash must be 64 hex digits (sha256 of the password)',
      'OPS_CONSOLE_USERS entry 4: must be <user>:<sha256-hex-of-password>:<viewer|operator>',
    ]);
  });

  it('when a user appears twice › refuses the second', () => {
    const problems: string[] = [];
    parseConsoleUsers(`ana:${hex('x')}:viewer,ana:${hex('y')}:operator`, problems);
    expect(problems).toEqual(['OPS_CONSOLE_USERS entry 2: user ana appears twice']);
  });
});
