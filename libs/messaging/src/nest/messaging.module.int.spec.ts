import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { stackEndpoints } from '@procurelink/test-support';
import { ACK, type InboundEvent } from '../handler/handler';
import { JsonDecoder } from '../infra/json-decoder';
import { eventually, quietLogger, RuntimeHarness } from '../infra/kafkajs/runtime-harness.spec';
import { MessagingModule } from './messaging.module';

jest.setTimeout(60_000);

describe('the runtime inside a NestJS application', () => {
  const h = new RuntimeHarness('nest');
  const output = `${h.source}.out`;

  beforeAll(() => h.setUp());
  afterAll(() => h.tearDown());

  it('when the application starts › it consumes, its handler publishes, and closing the application commits', async () => {
    @Module({
      imports: [
        MessagingModule.forRootAsync({
          useFactory: () => ({
            client: { clientId: `nest-${h.run}`, brokers: stackEndpoints().kafkaBrokers, logLevel: 'nothing' },
            topology: h.topology,
            decoder: new JsonDecoder({ [h.source]: 'OrderSeen' }, (v) => (v as { id: string }).id),
            handlers: {
              OrderSeen: async (event: InboundEvent) => {
                event.publish([{ topic: output, key: event.key, value: JSON.stringify({ seen: (event.value as { id: string }).id }) }]);
                return ACK;
              },
            },
            logger: quietLogger,
          }),
        }),
      ],
    })
    class TestAppModule {}

    const admin = h.kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: output, numPartitions: 1 }], waitForLeaders: true });
    const app = await NestFactory.createApplicationContext(TestAppModule, { logger: false });
    await app.init();
    await h.sendJson([
      { key: 'PO-1', value: { id: 'a' } },
      { key: 'PO-2', value: { id: 'b' } },
    ]);
    const out = await eventually(() => h.read(output), (r) => r.length === 2);
    expect(out.map((r) => JSON.parse(r.value?.toString() ?? '{}').seen).sort()).toEqual(['a', 'b']);
    await app.close();
    const [committed] = await admin.fetchOffsets({ groupId: h.topology.group, topics: [h.source] });
    const ends = await admin.fetchTopicOffsets(h.source);
    await admin.disconnect();
    const total = (rows: Array<{ offset?: string; high?: string }>, field: 'offset' | 'high') =>
      rows.reduce((sum, row) => sum + Math.max(0, Number(row[field])), 0);
    expect(total(committed?.partitions ?? [], 'offset')).toBe(total(ends, 'high'));
  });
});
