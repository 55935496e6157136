import type { DynamicModule, INestApplication, LoggerService, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { configureSystemApi } from '@procurelink/system-api';
import { createHash } from 'node:crypto';

export interface HttpApp {
  readonly app: INestApplication;
  /** `http://127.0.0.1:<port>` */
  readonly baseUrl: string;
}

/** Boots a service module with its system API (as main.ts does) on a free port of 127.0.0.1. */
export async function startHttpApp(module: DynamicModule, options: { bodyLimitBytes: number; logger?: LoggerService | LogLevel[] | false }): Promise<HttpApp> {
  const app = await NestFactory.create(module, { bodyParser: false, logger: options.logger ?? false, abortOnError: false });
  configureSystemApi(app, { bodyLimitBytes: options.bodyLimitBytes });
  await app.listen(0, '127.0.0.1');
  return { app, baseUrl: `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}` };
}

/** One API_KEYS entry: `<client-id>:<sha256 of the key>:<scope>|<scope>` (only the hash is ever configured). */
export function apiKeyEntry(clientId: string, key: string, scopes: readonly string[]): string {
  return `${clientId}:${createHash('sha256').update(key).digest('hex')}:${scopes.join('|')}`;
}
