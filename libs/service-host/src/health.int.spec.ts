import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { stackEndpoints } from '@procurelink/test-support';
import { HealthModule } from './health.module';
import type { ReadinessOptions } from './health-readiness';

jest.setTimeout(60_000);

const stack = stackEndpoints();
const settings = { kafkaBrokers: stack.kafkaBrokers, schemaRegistryUrl: stack.schemaRegistryUrl, redisUrl: stack.redisUrl };

async function start(module: Parameters<typeof NestFactory.create>[0]): Promise<{ app: INestApplication; base: string }> {
  const app = await NestFactory.create(module, { logger: false, abortOnError: false });
  await app.listen(0, '127.0.0.1');
  return { app, base: `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}` };
}

const healthApp = (readiness: ReadinessOptions) => start(HealthModule.forService('health-test', readiness));

async function ready(base: string): Promise<{ status: number; body: { status: string; checks: Record<string, string>; reasons?: Record<string, string> }; ms: number }> {
  const started = Date.now();
  const response = await fetch(`${base}/health/ready`);
  return { status: response.status, body: (await response.json()) as never, ms: Date.now() - started };
}

describe('health endpoints on the real stack', () => {
  const apps: INestApplication[] = [];
  afterAll(async () => {
    for (const app of apps) await app.close();
  });

  describe('when Kafka, the registry and Redis answer', () => {
    it('GET /health/ready is 200 with every check up; /health/live is unchanged; /metrics is Prometheus text', async () => {
      const { app, base } = await healthApp({ settings });
      apps.push(app);
      const result = await ready(base);
      expect(result.status).toBe(200);
      expect(result.body).toEqual({ status: 'ready', service: 'health-test', checks: { kafka: 'up', registry: 'up', redis: 'up' } });
      const live = await fetch(`${base}/health/live`);
      expect(await live.json()).toEqual({ status: 'ok', service: 'health-test' });
      const metrics = await fetch(`${base}/metrics`);
      expect(metrics.status).toBe(200);
      expect(metrics.headers.get('content-type')).toMatch(/^text\/plain;.*version=0\.0\.4/);
      expect(await metrics.text()).toMatch(/^# (HELP|no registered)/m);
    });
  });

  describe('when a dependency listens on a closed port', () => {
    it.each([
      ['redis', { ...settings, redisUrl: 'redis://127.0.0.1:1' }],
      ['kafka', { ...settings, kafkaBrokers: ['127.0.0.1:1'] }],
      ['registry', { ...settings, schemaRegistryUrl: 'http://127.0.0.1:1/apis/ccompat/v7' }],
    ])('%s: GET /health/ready is 503 naming that check down, within the check timeout', async (name, broken) => {
      const { app, base } = await healthApp({ settings: broken, timeoutMs: 1_500 });
      apps.push(app);
      const result = await ready(base);
      expect(result.status).toBe(503);
      expect(result.body.status).toBe('not-ready');
      expect(result.body.checks).toEqual({ kafka: 'up', registry: 'up', redis: 'up', [name]: 'down' });
      expect(result.body.reasons?.[name]).toEqual(expect.any(String));
      expect(result.ms).toBeLessThan(2_500);
    });
  });

  describe('an app check (as ops adds PostgreSQL)', () => {
    it('joins the report, injected with the app providers', async () => {
      const failing: ReadinessOptions = {
        checks: [
          { name: 'postgres', useFactory: () => async () => { throw new Error('connect ECONNREFUSED 127.0.0.1:1'); } },
        ],
      };
      const { app, base } = await healthApp(failing);
      apps.push(app);
      const result = await ready(base);
      expect(result.status).toBe(503);
      expect(result.body.checks).toEqual({ postgres: 'down' });
      expect(result.body.reasons).toEqual({ postgres: 'connect ECONNREFUSED 127.0.0.1:1' });
    });
  });
});
