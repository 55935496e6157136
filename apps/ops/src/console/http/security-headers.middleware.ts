import type { ConsoleResponse } from './http-types';

/** Content-Security-Policy of every console response: only the console's own files, no inline code. */
export const CONSOLE_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** Security headers on every /console response (functional Nest middleware). */
export function consoleSecurityHeaders(_request: unknown, response: ConsoleResponse, next: () => void): void {
  response.setHeader('content-security-policy', CONSOLE_CSP);
  response.setHeader('x-content-type-options', 'nosniff');
  response.setHeader('x-frame-options', 'DENY');
  response.setHeader('referrer-policy', 'no-referrer');
  response.setHeader('cross-origin-opener-policy', 'same-origin');
  response.setHeader('cross-origin-resource-policy', 'same-origin');
  response.setHeader('cache-control', 'no-store');
  next();
}
