import { Redis } from 'ioredis';
import { redisScript } from './redis-script';

const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const prefix = `test:redis-script:${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}:`;
const INCR_BY = "return redis.call('INCRBY', KEYS[1], ARGV[1])";

describe('redisScript against real Redis', () => {
  let redis: Redis;
  let watcher: Redis | undefined;
  let monitor: Redis | undefined;

  beforeAll(() => {
    redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    monitor?.disconnect();
    watcher?.disconnect();
    await redis.quit();
  });

  it('when called twice › the first call loads the script, the second runs it by its SHA1 alone; both answer what the script returns', async () => {
    const commands: string[] = [];
    watcher = redis.duplicate();
    monitor = await watcher.monitor();
    monitor.on('monitor', (_time: string, args: string[]) => {
      if (args[0]?.toLowerCase().startsWith('eval') && args.includes(`${prefix}a`)) commands.push(args[0].toLowerCase());
    });
    const incrBy = redisScript(redis, 'testIncrBy', 1, INCR_BY);
    expect(await incrBy([`${prefix}a`], ['2'])).toBe(2);
    expect(await incrBy([`${prefix}a`], ['3'])).toBe(5);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(commands).toHaveLength(2);
    expect(commands[1]).toBe('evalsha');
  });

  it('when Redis has forgotten its scripts (SCRIPT FLUSH) › the next call still runs', async () => {
    const incrBy = redisScript(redis, 'testIncrBy', 1, INCR_BY);
    await incrBy([`${prefix}b`], ['1']);
    await redis.script('FLUSH');
    expect(await incrBy([`${prefix}b`], ['4'])).toBe(5);
  });

  it('when given the wrong number of keys › refuses before sending anything', () => {
    const incrBy = redisScript(redis, 'testIncrBy', 1, INCR_BY);
    expect(() => incrBy([], ['1'])).toThrow('Redis script testIncrBy takes 1 keys, got 0');
  });
});
