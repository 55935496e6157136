import { EventEmitter } from 'node:events';
import { installServiceLogger } from './service-logger';
import { JsonLogger } from './json-logger';
import { logRedisErrors, RedisErrorThrottle } from './redis-errors';

describe('Redis connection errors in the log', () => {
  it('the throttle › writes the first error, a different one, the same one again after 30 s, and the recovery', () => {
    const throttle = new RedisErrorThrottle(30_000);
    expect(throttle.error('ECONNREFUSED', 0)).toBe(true);
    expect(throttle.error('ECONNREFUSED', 2_000)).toBe(false);
    expect(throttle.error('ETIMEDOUT', 4_000)).toBe(true);
    expect(throttle.error('ETIMEDOUT', 33_999)).toBe(false);
    expect(throttle.error('ETIMEDOUT', 34_000)).toBe(true);
    expect(throttle.ready()).toBe(true);
    expect(throttle.ready()).toBe(false); // a ready without errors before says nothing
    expect(throttle.error('ETIMEDOUT', 35_000)).toBe(true); // a new outage starts over
    expect(throttle.error('ECONNREFUSED', 36_000)).toBe(true);
    expect(throttle.error('ETIMEDOUT', 37_000)).toBe(false); // alternating errors: each once per 30 s
    expect(throttle.error('ECONNREFUSED', 38_000)).toBe(false);
  });

  it('a client’s error events › structured warn lines through the service logger, credentials redacted, then one info when ready', () => {
    const lines: string[] = [];
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => (lines.push(String(chunk)), true));
    const logger = new JsonLogger({ service: 'invoice-sync', level: 'info' });
    installServiceLogger(logger);
    try {
      const client = new EventEmitter();
      let now = 0;
      logRedisErrors(client, 'invoice-sync', () => now);
      client.emit('error', new Error('connect ECONNREFUSED 127.0.0.1:6379'));
      now = 1_000;
      client.emit('error', new Error('connect ECONNREFUSED 127.0.0.1:6379'));
      client.emit('error', new Error('WRONGPASS for redis://app:s3cret-pass@cache:6379'));
      client.emit('ready');
      const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(entries.map((e) => [e['level'], e['logger'], e['connection']])).toEqual([
        ['warn', 'redis', 'invoice-sync'],
        ['warn', 'redis', 'invoice-sync'],
        ['info', 'redis', 'invoice-sync'],
      ]);
      expect(String(entries[0]?.['message'])).toContain('ECONNREFUSED 127.0.0.1:6379');
      expect(lines.join('')).not.toContain('s3cret-pass');
    } finally {
      installServiceLogger(undefined);
      write.mockRestore();
    }
  });
});
