export { ConfigError } from './config-error';
export { EnvReader, type Env } from './env';
export { parseHostConfig, type HostConfig } from './host-config';
export { HealthController } from './health.controller';
export { HealthModule } from './health.module';
export { runService, type ServiceDefinition } from './run-service';
