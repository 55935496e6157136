import 'reflect-metadata';
import { Controller, Get, HttpCode, Module, Param, Post, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { httpMetricsMiddleware, routeLabel } from './http-metrics.middleware';
import { renderMetrics, startMetrics, stopMetrics } from './start-metrics';

@Controller('v1/things')
class ThingsController {
  @Get(':id')
  thing(@Param('id') id: string): { id: string } {
    return { id };
  }

  @Post()
  @HttpCode(422)
  create(): { problem: string } {
    return { problem: 'unprocessable' };
  }
}

@Module({ controllers: [ThingsController] })
class ThingsModule {}

describe('the HTTP metrics middleware in a Nest application', () => {
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    startMetrics('http-test');
    app = await NestFactory.create(ThingsModule, { logger: false });
    app.use(httpMetricsMiddleware('http-test'));
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await app.close();
    await stopMetrics();
  });

  it('counts and times requests by route template (never the raw path) and status', async () => {
    await fetch(`${base}/v1/things/42`);
    await fetch(`${base}/v1/things/43`);
    await fetch(`${base}/v1/things`, { method: 'POST' });
    await fetch(`${base}/no/such/path`);
    const text = await renderMetrics();
    expect(text).toContain('procurelink_http_requests_total{service="http-test",route="/v1/things/:id",status="200"} 2');
    expect(text).toContain('procurelink_http_requests_total{service="http-test",route="/v1/things",status="422"} 1');
    expect(text).toContain('procurelink_http_requests_total{service="http-test",route="unmatched",status="404"} 1');
    expect(text).toContain('procurelink_http_request_duration_seconds_count{service="http-test",route="/v1/things/:id",status="200"} 2');
    expect(text).not.toContain('/v1/things/42');
  });

  it('routeLabel names requests that matched no route "unmatched"', () => {
    expect(routeLabel({} as never)).toBe('unmatched');
    expect(routeLabel({ baseUrl: '/v1', route: { path: '/x/:id' } } as never)).toBe('/v1/x/:id');
  });
});
