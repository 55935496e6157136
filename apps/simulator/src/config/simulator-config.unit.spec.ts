import { parseSimulatorConfig } from './simulator-config';

const NOW = new Date('2026-11-24T10:00:00Z');

describe('the simulator configuration', () => {
  it('defaults to the local stack, today, a seed from the run id and real-time speed', () => {
    expect(parseSimulatorConfig({}, NOW)).toMatchObject({
      brokers: ['127.0.0.1:9092'],
      topicPrefix: '',
      erpBaseUrl: 'http://127.0.0.1:3190',
      seed: 1 + (Number.parseInt(NOW.getTime().toString(36), 36) % 2_147_483_646),
      speed: 1,
      day: '2026-11-24',
      runId: NOW.getTime().toString(36),
    });
  });

  it('plays the day SIM_SEED names, so a run can be repeated', () => {
    expect(parseSimulatorConfig({ SIM_SEED: '7', SIM_RUN_ID: 'a' }, NOW).seed).toBe(7);
    expect(parseSimulatorConfig({ SIM_RUN_ID: 'a' }, NOW).seed).not.toBe(parseSimulatorConfig({ SIM_RUN_ID: 'b' }, NOW).seed);
  });

  it('reports every wrong variable at once, by name', () => {
    expect(() => parseSimulatorConfig({ SIM_SPEED: 'fast', SIM_DAY: '24/11/2026', SIM_SEED: '-1' }, NOW)).toThrow(
      expect.objectContaining({
        message: expect.stringMatching(/SIM_SPEED=fast[\s\S]*SIM_DAY=24\/11\/2026[\s\S]*SIM_SEED=-1/),
      }),
    );
  });

  it('connects to Kafka with the same TLS / SASL settings as the services', () => {
    const { kafka } = parseSimulatorConfig({ KAFKA_BROKERS: '127.0.0.1:9094', KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: 'procurelink', KAFKA_SASL_PASSWORD: 'pw' }, NOW);
    expect(kafka).toEqual({ brokers: ['127.0.0.1:9094'], sasl: { mechanism: 'scram-sha-512', username: 'procurelink', password: 'pw' } });
    expect(() => parseSimulatorConfig({ KAFKA_SASL_MECHANISM: 'scram-sha-512' }, NOW)).toThrow(/KAFKA_SASL_USERNAME[\s\S]*KAFKA_SASL_PASSWORD/);
  });
});
