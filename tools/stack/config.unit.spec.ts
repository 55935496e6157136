import { clientEnv, parseStackConfig } from './config.ts';
import { StackError } from './errors.ts';

describe('stack configuration', () => {
  it('when nothing is set › uses the standard local ports and keeps state in .stack', () => {
    const config = parseStackConfig({ HOME: '/home/ops' }, '/repo');
    expect(config.home).toBe('/repo/.stack');
    expect(config.cacheDir).toBe('/home/ops/.cache/procurelink');
    expect(config.kafka).toMatchObject({ version: '4.1.2', port: 9092, controllerPort: 9093 });
    expect(config.registry).toMatchObject({ port: 8081, compatibility: 'BACKWARD' });
    expect(clientEnv(config)).toEqual({
      KAFKA_BROKERS: '127.0.0.1:9092',
      SCHEMA_REGISTRY_URL: 'http://127.0.0.1:8081/apis/ccompat/v7',
      REDIS_URL: 'redis://127.0.0.1:6379',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
    });
  });

  it('when ports and versions are overridden › uses them', () => {
    const config = parseStackConfig(
      { PROCURELINK_KAFKA_PORT: '19092', PROCURELINK_KAFKA_VERSION: '3.9.1', PROCURELINK_REGISTRY_COMPATIBILITY: 'full' },
      '/repo',
    );
    expect(config.kafka.port).toBe(19092);
    expect(config.kafka.version).toBe('3.9.1');
    expect(config.registry.compatibility).toBe('FULL');
  });

  it.each([
    [{ PROCURELINK_KAFKA_PORT: '70000' }, /PROCURELINK_KAFKA_PORT=70000 is not a TCP port/],
    [{ PROCURELINK_KAFKA_VERSION: 'latest' }, /PROCURELINK_KAFKA_VERSION=latest is not a version/],
    [{ PROCURELINK_KAFKA_HEAP: 'lots' }, /PROCURELINK_KAFKA_HEAP=lots is not a JVM heap size/],
    [{ PROCURELINK_REGISTRY_COMPATIBILITY: 'SOMETIMES' }, /is not a compatibility level/],
    [{ PROCURELINK_REDIS_PORT: '9092' }, /PROCURELINK_KAFKA_PORT and PROCURELINK_REDIS_PORT are both 9092/],
  ])('when %j › refuses with a message naming the variable', (env, message) => {
    expect(() => parseStackConfig(env, '/repo')).toThrow(StackError);
    expect(() => parseStackConfig(env, '/repo')).toThrow(message);
  });
});
