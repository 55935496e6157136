/** The part of a Node / Express response the header middleware needs. */
interface HeaderResponse {
  setHeader(name: string, value: string): unknown;
  removeHeader(name: string): unknown;
}
type Next = () => void;

/**
 * Headers on every response of a service (API, health, console; routes may narrow them further,
 * e.g. the console's own CSP): no MIME sniffing, no framing, no referrer, no caching of API
 * answers (which carry business data), and no X-Powered-By.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** HSTS for production, where the service is reached over TLS (two years, sub-domains). */
export const STRICT_TRANSPORT_SECURITY = 'max-age=63072000; includeSubDomains';

export function securityHeaders(_request: unknown, response: HeaderResponse, next: Next): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
  response.removeHeader('X-Powered-By');
  next();
}

export function strictTransportSecurity(_request: unknown, response: HeaderResponse, next: Next): void {
  response.setHeader('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
  next();
}
