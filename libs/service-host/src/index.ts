export { ConfigError } from './config-error';
export { EnvReader, type Env, type ReadFile } from './env';
export {
  KAFKA_SASL_MECHANISMS,
  readDeploymentEnvironment,
  readKafkaSecurity,
  type DeploymentEnvironment,
  type KafkaSaslSettings,
  type KafkaSecurity,
  type KafkaSslSettings,
  type RedisAuth,
  type RegistryAuth,
} from './security-settings';
export { isLoopbackHost, productionLinkProblems, type ProductionCheckInput } from './security-production';
export {
  clientCredentialsTokenProvider,
  kafkaClientOptions,
  redisClientOptions,
  type KafkaClientSettings,
  type RedisClientSettings,
} from './security-clients';
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
export { serviceRedis } from './service-redis';
export { redisScript, type RedisScript } from './redis-script';
export { HealthController } from './health.controller';
export { HealthModule } from './health.module';
export { runService, type ServiceDefinition } from './run-service';
