import 'reflect-metadata';
import { Logger, type LogLevel, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError } from './config-error';
import { parseHostConfig, type HostConfig } from './host-config';
import type { Env } from './env';

const LEVELS: Record<HostConfig['logLevel'], LogLevel[]> = {
  debug: ['debug', 'log', 'warn', 'error', 'fatal'],
  info: ['log', 'warn', 'error', 'fatal'],
  warn: ['warn', 'error', 'fatal'],
  error: ['error', 'fatal'],
};

export interface ServiceDefinition {
  readonly name: string;
  readonly defaultPort: number;
  readonly module: (config: HostConfig) => Type<unknown> | import('@nestjs/common').DynamicModule;
}

/**
 * Starts a service: configuration first (a bad value stops it with a message naming the
 * variable, exit code 78), then the Nest application with shutdown hooks for SIGTERM.
 */
export async function runService(definition: ServiceDefinition, env: Env = process.env): Promise<void> {
  let config: HostConfig;
  try {
    config = parseHostConfig(definition.name, env, definition.defaultPort);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const app = await NestFactory.create(definition.module(config), { logger: LEVELS[config.logLevel] });
  app.enableShutdownHooks();
  await app.listen(config.port, config.host);
  new Logger(definition.name).log(`listening on http://${config.host}:${config.port}`);
}
