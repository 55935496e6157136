import { Controller, Get, Inject } from '@nestjs/common';

export const SERVICE_NAME = Symbol('SERVICE_NAME');

/** Liveness: the process answers. Readiness grows checks as the service gains connections. */
@Controller('health')
export class HealthController {
  constructor(@Inject(SERVICE_NAME) private readonly service: string) {}

  @Get('live')
  live(): { status: 'ok'; service: string } {
    return { status: 'ok', service: this.service };
  }
}
