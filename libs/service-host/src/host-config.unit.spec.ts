import { ConfigError } from './config-error';
import { parseHostConfig } from './host-config';

describe('parseHostConfig', () => {
  it('when nothing is set › listens on loopback at the service default port', () => {
    expect(parseHostConfig('po-sync', {}, 3102)).toEqual({
      service: 'po-sync',
      host: '127.0.0.1',
      port: 3102,
      logLevel: 'info',
      shutdownTimeoutMs: 10_000,
    });
  });

  it('when PORT and LOG_LEVEL are set › uses them', () => {
    expect(parseHostConfig('po-sync', { PORT: '8080', LOG_LEVEL: 'debug', HOST: '0.0.0.0' }, 3102)).toMatchObject({
      host: '0.0.0.0',
      port: 8080,
      logLevel: 'debug',
    });
  });

  it('when several values are wrong › reports every one, naming its variable', () => {
    let error: unknown;
    try {
      parseHostConfig('po-sync', { PORT: 'eighty', LOG_LEVEL: 'loud', SHUTDOWN_TIMEOUT_MS: '-5' }, 3102);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'PORT=eighty: must be a TCP port, a whole number from 0 to 65535',
      'LOG_LEVEL=loud: must be one of debug, info, warn, error',
      'SHUTDOWN_TIMEOUT_MS=-5: must be a whole number above 0',
    ]);
    expect((error as ConfigError).message).toContain('po-sync: invalid configuration');
  });
});
