import type { IncomingMessage, ServerResponse } from 'node:http';
import { PROMETHEUS_CONTENT_TYPE, renderMetrics } from './start-metrics';

/**
 * A plain Node/Express handler that answers with the Prometheus text of every instrument
 * (`app.get('/metrics', metricsHandler('po-sync'))`). Service hosts get GET /metrics from
 * HealthModule already; this is for anything else that needs to serve it.
 */
export function metricsHandler(service?: string): (request: IncomingMessage, response: ServerResponse) => void {
  return (_request, response) => {
    renderMetrics(service).then(
      (text) => {
        response.statusCode = 200;
        response.setHeader('content-type', PROMETHEUS_CONTENT_TYPE);
        response.end(text);
      },
      () => {
        response.statusCode = 500;
        response.setHeader('content-type', 'text/plain; charset=utf-8');
        response.end('# metrics collection failed\n');
      },
    );
  };
}
