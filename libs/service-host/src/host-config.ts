import { ConfigError } from './config-error';
import { EnvReader, type Env } from './env';

export interface HostConfig {
  readonly service: string;
  readonly host: string;
  readonly port: number;
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error';
  readonly shutdownTimeoutMs: number;
}

/** The settings every service shares: where its HTTP API listens and how much it logs. */
export function parseHostConfig(service: string, env: Env, defaultPort: number): HostConfig {
  const read = new EnvReader(env);
  const config: HostConfig = {
    service,
    host: read.text('HOST', '127.0.0.1'),
    port: read.port('PORT', defaultPort),
    logLevel: read.oneOf('LOG_LEVEL', ['debug', 'info', 'warn', 'error'], 'info'),
    shutdownTimeoutMs: read.positiveInt('SHUTDOWN_TIMEOUT_MS', 10_000),
  };
  if (read.problems.length > 0) throw new ConfigError(service, read.problems);
  return config;
}
