import type { INestApplication } from '@nestjs/common';
import { bodyParserProblem, statusProblem } from '../domain/problems';
import { securityHeaders, strictTransportSecurity } from './security-headers';
import { writeProblem, type ProblemResponse } from './write-problem';

export interface SystemApiHttpOptions {
  readonly bodyLimitBytes: number;
  /** Strict-Transport-Security on every response (set it in production, behind TLS). */
  readonly strictTransportSecurity?: boolean;
}

interface RawRequest {
  method: string;
  headers: Record<string, string | string[] | undefined>;
}
type Next = (error?: unknown) => void;

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);
const JSON_TYPE = /^application\/(?:[a-z0-9.+-]+\+)?json\s*(?:;|$)/i;

function hasBody(request: RawRequest): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (typeof length === 'string' && length !== '0');
}

/**
 * The HTTP settings of the system API, applied before listen (the runService `configure` hook,
 * with `bodyParser: false`): security headers on every response (no X-Powered-By), writes with a
 * body must be JSON (415 otherwise), the JSON parser enforces the size limit (413), and parser
 * errors answer problem+json without echoing the body.
 */
export function configureSystemApi(app: INestApplication, options: SystemApiHttpOptions): void {
  const server = app.getHttpAdapter().getInstance() as { disable?: (setting: string) => unknown };
  server.disable?.('x-powered-by');
  app.use(securityHeaders);
  if (options.strictTransportSecurity === true) app.use(strictTransportSecurity);
  app.use((request: RawRequest, response: ProblemResponse, next: Next) => {
    if (!WITH_BODY.has(request.method) || !hasBody(request)) return next();
    const type = request.headers['content-type'];
    if (typeof type === 'string' && JSON_TYPE.test(type)) return next();
    writeProblem(response, { ...statusProblem(415, 'the body must be application/json') });
  });
  const withParser = app as INestApplication & { useBodyParser(type: 'json', options: Record<string, unknown>): unknown };
  withParser.useBodyParser('json', { limit: options.bodyLimitBytes, type: ['application/json', 'application/*+json'], strict: false });
  app.use((error: unknown, _request: RawRequest, response: ProblemResponse, next: Next) => {
    const { type, status } = typeof error === 'object' && error !== null ? (error as { type?: unknown; status?: unknown }) : {};
    const problem = bodyParserProblem(typeof type === 'string' ? type : undefined, options.bodyLimitBytes, typeof status === 'number' ? status : undefined);
    if (problem === undefined) return next(error);
    writeProblem(response, problem);
  });
}

