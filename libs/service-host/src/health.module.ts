import { Module, type DynamicModule } from '@nestjs/common';
import { HealthController, SERVICE_NAME } from './health.controller';

@Module({})
export class HealthModule {
  static forService(service: string): DynamicModule {
    return { module: HealthModule, controllers: [HealthController], providers: [{ provide: SERVICE_NAME, useValue: service }] };
  }
}
