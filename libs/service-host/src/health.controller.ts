import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import { PROMETHEUS_CONTENT_TYPE, renderMetrics } from '@procurelink/observability';
import type { ReadinessReport } from './health-report';
import { Readiness, SERVICE_NAME } from './health-readiness';

export { SERVICE_NAME };

interface StatusResponse {
  status(code: number): unknown;
}

/**
 * The unauthenticated operational endpoints of every service: liveness (the process answers),
 * readiness (its dependencies answer; 503 naming the failing check) and the Prometheus metrics.
 */
@Controller()
export class HealthController {
  constructor(
    @Inject(SERVICE_NAME) private readonly service: string,
    private readonly readiness: Readiness,
  ) {}

  @Get('health/live')
  live(): { status: 'ok'; service: string } {
    return { status: 'ok', service: this.service };
  }

  @Get('health/ready')
  async ready(@Res({ passthrough: true }) response: StatusResponse): Promise<ReadinessReport> {
    const report = await this.readiness.report();
    response.status(report.status === 'ready' ? 200 : 503);
    return report;
  }

  @Get('metrics')
  @Header('content-type', PROMETHEUS_CONTENT_TYPE)
  metrics(): Promise<string> {
    return renderMetrics(this.service);
  }
}
