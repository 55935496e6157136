import { parseStackConfig } from './config.ts';
import { renderKafkaProperties } from './kafka-properties.ts';
import { newClusterId } from './kafka.ts';

describe('the local broker configuration', () => {
  const properties = renderKafkaProperties(parseStackConfig({}, '/repo'), '/repo/.stack/kafka/data');
  const settings = new Map(
    properties
      .split('\n')
      .filter((line) => line.includes('=') && !line.startsWith('#'))
      .map((line) => line.split('=', 2) as [string, string]),
  );

  it('is one KRaft node acting as broker and controller', () => {
    expect(settings.get('process.roles')).toBe('broker,controller');
    expect(settings.get('controller.quorum.voters')).toBe('1@127.0.0.1:9093');
  });

  it('listens on loopback only', () => {
    expect(settings.get('listeners')).toBe('PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093,SASL_PLAINTEXT://127.0.0.1:9094');
    expect(settings.get('advertised.listeners')).toBe('PLAINTEXT://127.0.0.1:9092,SASL_PLAINTEXT://127.0.0.1:9094');
  });

  it('offers SCRAM-SHA-512 on the SASL_PLAINTEXT listener, brokers talking PLAINTEXT among themselves', () => {
    expect(settings.get('listener.security.protocol.map')).toBe('PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT');
    expect(settings.get('listener.name.sasl_plaintext.sasl.enabled.mechanisms')).toBe('SCRAM-SHA-512');
    expect(properties).toContain('listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;');
    expect(settings.get('inter.broker.listener.name')).toBe('PLAINTEXT');
  });

  it('moves the SASL listener with PROCURELINK_KAFKA_SASL_PORT', () => {
    const moved = renderKafkaProperties(parseStackConfig({ PROCURELINK_KAFKA_SASL_PORT: '19094' }, '/repo'), '/d');
    expect(moved).toContain('SASL_PLAINTEXT://127.0.0.1:19094');
    expect(() => parseStackConfig({ PROCURELINK_KAFKA_SASL_PORT: '9092' }, '/repo')).toThrow(/PROCURELINK_KAFKA_PORT and PROCURELINK_KAFKA_SASL_PORT are both 9092/);
  });

  it('sets every internal topic to replication factor 1', () => {
    for (const key of [
      'offsets.topic.replication.factor',
      'transaction.state.log.replication.factor',
      'share.coordinator.state.topic.replication.factor',
      'default.replication.factor',
    ]) {
      expect([key, settings.get(key)]).toEqual([key, '1']);
    }
  });

  it('generates cluster ids in the form the storage tool accepts', () => {
    expect(newClusterId()).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});
