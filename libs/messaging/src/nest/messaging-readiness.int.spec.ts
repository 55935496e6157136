import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { HealthModule } from '@procurelink/service-host';
import { eventually, stackEndpoints } from '@procurelink/test-support';
import { ACK } from '../handler/handler';
import { JsonDecoder } from '../infra/json-decoder';
import { quietLogger, RuntimeHarness } from '../infra/kafkajs/runtime-harness.spec';
import { MessagingModule } from './messaging.module';
import { MessagingRuntime } from './messaging.runtime';

jest.setTimeout(60_000);

type Ready = { status: number; body: { checks: Record<string, string>; reasons?: Record<string, string> } };

describe("readiness follows the service's consumer", () => {
  const h = new RuntimeHarness('readiness');
  const stack = stackEndpoints();
  beforeAll(() => h.setUp(1));
  afterAll(() => h.tearDown());

  it('kafka is up once the consumer has joined its group, and down with the reason once it stops', async () => {
    const module = {
      module: class ReadinessTestApp {},
      imports: [
        HealthModule.forService('readiness-test', {
          settings: { kafkaBrokers: stack.kafkaBrokers, schemaRegistryUrl: stack.schemaRegistryUrl, redisUrl: stack.redisUrl },
          cacheMs: 200,
        }),
        MessagingModule.forRootAsync({
          useFactory: () => ({
            client: { clientId: `readiness-${h.run}`, brokers: stack.kafkaBrokers, logLevel: 'nothing' as const },
            topology: h.topology,
            decoder: new JsonDecoder({ [h.source]: 'TestEvent' }, () => undefined),
            handlers: { TestEvent: async () => ACK },
            logger: quietLogger,
          }),
        }),
      ],
    };
    const app = await NestFactory.create(module, { logger: false, abortOnError: false });
    await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    const ready = async (): Promise<Ready> => {
      const response = await fetch(`${base}/health/ready`);
      return { status: response.status, body: (await response.json()) as Ready['body'] };
    };
    try {
      const up = await eventually('ready with the consumer in its group', ready, (r) => r.status === 200, { timeoutMs: 30_000 });
      expect(up.body.checks).toEqual({ kafka: 'up', registry: 'up', redis: 'up' });
      await app.get(MessagingRuntime).beforeApplicationShutdown();
      const down = await eventually('not ready after the consumer stopped', ready, (r) => r.status === 503, { timeoutMs: 10_000 });
      expect(down.body.checks).toEqual({ kafka: 'down', registry: 'up', redis: 'up' });
      expect(down.body.reasons?.kafka).toBe('consumer stopped');
    } finally {
      await app.close();
    }
  });
});
