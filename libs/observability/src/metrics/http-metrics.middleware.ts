import type { IncomingMessage, ServerResponse } from 'node:http';
import { httpInstruments } from './instruments';

interface RoutedRequest extends IncomingMessage {
  baseUrl?: string;
  route?: { path?: unknown };
}

/** The route template Express matched (`/v1/purchase-orders/:poNumber`), never the raw path (unbounded labels). */
export function routeLabel(request: RoutedRequest): string {
  const path = request.route?.path;
  if (typeof path !== 'string') return 'unmatched';
  return `${request.baseUrl ?? ''}${path}` || '/';
}

/**
 * Express middleware counting requests and timing them by route template and status:
 * `app.use(httpMetricsMiddleware('po-sync'))` before the routes. GET /metrics itself is not counted.
 */
export function httpMetricsMiddleware(service: string): (request: IncomingMessage, response: ServerResponse, next: () => void) => void {
  return (request, response, next) => {
    if (request.url === '/metrics') return next();
    const started = process.hrtime.bigint();
    response.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const attributes = { service, route: routeLabel(request as RoutedRequest), status: String(response.statusCode) };
      const { requests, duration } = httpInstruments();
      requests.add(1, attributes);
      duration.record(seconds, attributes);
    });
    next();
  };
}
