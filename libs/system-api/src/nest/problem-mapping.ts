import { HttpException } from '@nestjs/common';
import { ApiProblem, statusProblem, type ProblemDetails } from '../domain/problems';

export interface MappedProblem {
  readonly problem: ProblemDetails;
  readonly headers: Readonly<Record<string, string>>;
  /** True for errors nobody anticipated (500): worth a log line. */
  readonly unexpected: boolean;
}

/** Nest's own HttpException messages: the text when it is a plain string, else undefined. */
function httpExceptionDetail(error: HttpException): string | undefined {
  const response = error.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (typeof message === 'string') return message;
  if (Array.isArray(message) && message.every((m) => typeof m === 'string')) return message.join('; ');
  return undefined;
}

/** Every error as an RFC 9457 problem; anything unknown becomes a 500 that says nothing about its cause. */
export function problemFor(error: unknown): MappedProblem {
  if (error instanceof ApiProblem) return { problem: error.toProblem(), headers: error.headers, unexpected: false };
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const detail = httpExceptionDetail(error);
    // The router's "Cannot GET /path" would echo the request path (which may carry injected text).
    const safe = status === 404 && detail?.startsWith('Cannot ') === true ? 'no such resource' : detail;
    return { problem: statusProblem(status, safe), headers: {}, unexpected: status >= 500 };
  }
  return { problem: statusProblem(500, undefined), headers: {}, unexpected: true };
}
