import 'reflect-metadata';
import { Logger, type INestApplication, type LogLevel, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { httpMetricsMiddleware, httpServerSpans, installServiceLogger, JsonLogger, startTelemetry, TelemetryConfigError } from '@procurelink/observability';
import { configOrExit } from './exit-on-error';
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
  /** Runs on the application before it listens (e.g. `configureSystemApi(app, ...)` of @procurelink/system-api). */
  readonly configure?: (app: INestApplication) => void | Promise<void>;
  /** False when the service installs its own body parsing in `configure` (default true: Nest's parsers). */
  readonly bodyParser?: boolean;
}

/**
 * Starts a service: configuration first (a bad value stops it with a message naming the
 * variable, exit code 78), then telemetry (OTEL_* variables: tracing, metrics), then the Nest
 * application with the structured JSON logger (also the messaging runtime's), a server span
 * and the request metrics per HTTP request. SIGTERM or SIGINT closes it (running every shutdown hook, then flushing
 * spans) and exits 0, or exits 1 when that takes longer than SHUTDOWN_TIMEOUT_MS.
 */
export async function runService(definition: ServiceDefinition, env: Env = process.env): Promise<void> {
  const config = configOrExit(() => parseHostConfig(definition.name, env, definition.defaultPort));
  const telemetry = configOrExit(() => startTelemetry({ service: definition.name, env }), [TelemetryConfigError]);
  const jsonLogger = new JsonLogger({ service: definition.name, level: config.logLevel });
  installServiceLogger(jsonLogger); // the messaging runtime's lines go through it too
  const app = await NestFactory.create(definition.module(config), {
    logger: jsonLogger,
    ...(definition.bodyParser === false ? { bodyParser: false } : {}),
  });
  app.useLogger(jsonLogger);
  jsonLogger.setLogLevels(LEVELS[config.logLevel]);
  app.use(httpServerSpans());
  app.use(httpMetricsMiddleware(definition.name));
  const logger = new Logger(definition.name);
  const shutdown = (signal: NodeJS.Signals): void => {
    logger.log(`${signal}: finishing in-flight work (deadline ${config.shutdownTimeoutMs} ms)`);
    const deadline = setTimeout(() => {
      logger.error(`shutdown took longer than ${config.shutdownTimeoutMs} ms; exiting anyway`);
      process.exit(1);
    }, config.shutdownTimeoutMs);
    deadline.unref();
    app.close().then(
      () => telemetry.shutdown().finally(() => process.exit(0)),
      (error: unknown) => {
        logger.error(`shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
        void telemetry.shutdown().finally(() => process.exit(1));
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
  await definition.configure?.(app);
  await app.listen(config.port, config.host);
  const address = app.getHttpServer().address() as { port: number } | string | null;
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  logger.log(`listening on http://${config.host}:${port}`);
}
