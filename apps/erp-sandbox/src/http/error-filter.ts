import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { API_ERRORS, type ApiErrorBody, type ApiErrorCode } from './api-error';
import type { HttpResponse } from './http-types';

/**
 * Every error leaves in one shape, `{ error, message, problems? }` with a code from API_ERRORS:
 * the sandbox's own errors as thrown, the framework's (bad JSON, too large, no route) translated.
 */
@Catch()
export class ApiErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('erp-sandbox');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<HttpResponse>();
    if (response.headersSent) return;
    const { status, body } = this.translate(exception);
    response.status(status).json(body);
  }

  private translate(exception: unknown): { status: number; body: ApiErrorBody } {
    const clientError = bodyParserError(exception);
    if (clientError !== null) return { status: clientError.status, body: { error: codeFor(clientError.status), message: clientError.message } };
    if (!(exception instanceof HttpException)) {
      this.logger.error(`unexpected failure: ${exception instanceof Error ? (exception.stack ?? exception.message) : String(exception)}`);
      return { status: 500, body: { error: 'INTERNAL', message: 'the sandbox failed unexpectedly; see its log' } };
    }
    const status = exception.getStatus();
    const payload = exception.getResponse();
    if (isApiErrorBody(payload)) return { status, body: payload };
    const detail = typeof payload === 'object' && payload !== null && 'message' in payload ? String(payload.message) : exception.message;
    return { status, body: { error: codeFor(status), message: detail } };
  }
}

/** Errors the body parser raises for the client's mistakes (too large, bad encoding) carry a 4xx status and expose: true. */
function bodyParserError(exception: unknown): { status: number; message: string } | null {
  const candidate = exception as { status?: unknown; expose?: unknown; message?: unknown } | null;
  if (typeof candidate !== 'object' || candidate === null || candidate.expose !== true) return null;
  if (typeof candidate.status !== 'number' || candidate.status < 400 || candidate.status > 499) return null;
  return { status: candidate.status, message: typeof candidate.message === 'string' ? candidate.message : 'the request was refused' };
}

function isApiErrorBody(value: unknown): value is ApiErrorBody {
  return typeof value === 'object' && value !== null && typeof (value as { error?: unknown }).error === 'string' && (value as { error: string }).error in API_ERRORS;
}

function codeFor(status: number): ApiErrorCode {
  if (status === 400) return 'MALFORMED_JSON';
  if (status === 404) return 'NOT_FOUND';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  // Any other refusal by the framework or the body parser (an unsupported charset, …) is about the request's encoding.
  return status >= 400 && status < 500 ? 'MALFORMED_JSON' : 'INTERNAL';
}
