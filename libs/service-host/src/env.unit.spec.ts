import { EnvReader, type ReadFile } from './env';

const files = (entries: Record<string, string>): ReadFile => (path) => {
  const content = entries[path];
  if (content === undefined) throw Object.assign(new Error(`ENOENT: no such file, open '${path}'`), { code: 'ENOENT' });
  return content;
};

describe('EnvReader.secret', () => {
  it('when NAME is set › returns it as given', () => {
    const read = new EnvReader({ REDIS_PASSWORD: ' p w ' });
    expect(read.secret('REDIS_PASSWORD')).toBe(' p w ');
    expect(read.problems).toEqual([]);
  });

  it('when NAME_FILE names a mounted file › returns its content without the trailing newline', () => {
    const read = new EnvReader({ REDIS_PASSWORD_FILE: '/run/secrets/redis' }, files({ '/run/secrets/redis': 's3cret-value\n' }));
    expect(read.secret('REDIS_PASSWORD')).toBe('s3cret-value');
    expect(new EnvReader({ X_FILE: '/a' }, files({ '/a': 'crlf\r\n' })).secret('X')).toBe('crlf');
  });

  it('when neither is set › undefined and no problem', () => {
    const read = new EnvReader({ REDIS_PASSWORD: '' });
    expect(read.secret('REDIS_PASSWORD')).toBeUndefined();
    expect(read.problems).toEqual([]);
  });

  it('when both are set › a problem naming both variables, never the value', () => {
    const read = new EnvReader({ API_JWT_SECRET: 'top-secret-value', API_JWT_SECRET_FILE: '/run/secrets/jwt' }, files({ '/run/secrets/jwt': 'x' }));
    expect(read.secret('API_JWT_SECRET')).toBeUndefined();
    expect(read.problems).toEqual(['API_JWT_SECRET / API_JWT_SECRET_FILE: set one of them, not both']);
  });

  it('when the file cannot be read › a problem naming the variable and the path', () => {
    const read = new EnvReader({ KAFKA_SASL_PASSWORD_FILE: '/missing/pw' }, files({}));
    expect(read.secret('KAFKA_SASL_PASSWORD')).toBeUndefined();
    expect(read.problems).toEqual(['KAFKA_SASL_PASSWORD_FILE=/missing/pw: cannot read the file (ENOENT)']);
  });

  it('when the file is empty › a problem, so a broken mount is not taken for "no password"', () => {
    const read = new EnvReader({ REDIS_PASSWORD_FILE: '/e' }, files({ '/e': '\n' }));
    expect(read.secret('REDIS_PASSWORD')).toBeUndefined();
    expect(read.problems).toEqual(['REDIS_PASSWORD_FILE=/e: the file is empty']);
  });

  it('reads a real file from disk by default', () => {
    const read = new EnvReader({ S_FILE: __filename });
    expect(read.secret('S')).toContain('EnvReader.secret');
  });
});

describe('EnvReader.file and flag', () => {
  it('reads a named file, or names the variable and path when it cannot', () => {
    expect(new EnvReader({ CA: '/ca.pem' }, files({ '/ca.pem': 'PEM' })).file('CA')).toBe('PEM');
    const read = new EnvReader({ CA: '/nope' }, files({}));
    expect(read.file('CA')).toBeUndefined();
    expect(read.problems).toEqual(['CA=/nope: cannot read the file (ENOENT)']);
  });

  it('accepts true or false only', () => {
    const read = new EnvReader({ A: 'true', B: 'yes' });
    expect([read.flag('A', false), read.flag('B', true), read.flag('C', false)]).toEqual([true, true, false]);
    expect(read.problems).toEqual(['B=yes: must be one of true, false']);
  });
});
