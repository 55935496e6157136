import type { INestApplication } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import type { HttpRequest } from './http-types';

/** Every JSON body but a batch's; over it, 413 PAYLOAD_TOO_LARGE. */
export const BODY_LIMIT_BYTES = 100 * 1024;
/** A batch's JSON body (500 AP invoices are about 1.5 MB). */
export const BATCH_BODY_LIMIT_BYTES = 5 * 1024 * 1024;

const BATCH_PATH = /^\/erp\/v1\/batch\/?$/i;

type WithBodyParser = INestApplication & {
  useBodyParser(type: 'json', options: { limit: number; type?: (request: IncomingMessage) => boolean }): unknown;
};

/**
 * Installs the JSON parsers before the application is initialised: POST /erp/v1/batch up to
 * BATCH_BODY_LIMIT_BYTES, everything else up to BODY_LIMIT_BYTES. Nest then adds no JSON parser
 * of its own (it skips its default when one is installed); a body read by the first is skipped by the second.
 */
export function installBodyParsers(app: INestApplication): void {
  const withParser = app as WithBodyParser;
  withParser.useBodyParser('json', { limit: BATCH_BODY_LIMIT_BYTES, type: (request) => isBatchJson(request as unknown as HttpRequest) });
  withParser.useBodyParser('json', { limit: BODY_LIMIT_BYTES });
}

function isBatchJson(request: HttpRequest): boolean {
  return BATCH_PATH.test(request.path) && Boolean(request.is('application/json'));
}
