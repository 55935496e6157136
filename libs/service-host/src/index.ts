export { ConfigError } from './config-error';
export { EnvReader, type Env } from './env';
export { parseHostConfig, type HostConfig } from './host-config';
export {
  DEFAULT_RETRY_DELAYS_MS,
  foldConfigProblems,
  readServiceRuntimeSettings,
  type ServiceRuntimeOptions,
  type ServiceRuntimeSettings,
} from './service-runtime-settings';
export { configOrExit, EXIT_CONFIG, runCommand } from './exit-on-error';
export { closeAtShutdown, type Closable } from './close-at-shutdown';
export { HealthController } from './health.controller';
export { HealthModule } from './health.module';
export { runService, type ServiceDefinition } from './run-service';
