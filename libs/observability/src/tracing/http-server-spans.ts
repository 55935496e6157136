import type { IncomingMessage, ServerResponse } from 'node:http';
import { context, propagation, SpanKind, SpanStatusCode, trace, type TextMapGetter } from '@opentelemetry/api';

/** What an Express request adds to Node's: the matched route (set by the router) and its mount path. */
type ExpressRequest = IncomingMessage & { route?: { path?: unknown }; baseUrl?: string; originalUrl?: string };

const getter: TextMapGetter<IncomingMessage['headers']> = {
  keys: (headers) => Object.keys(headers),
  get: (headers, key) => headers[key.toLowerCase()],
};

const tracer = trace.getTracer('@procurelink/observability');

/** Probes and scrapes arrive every few seconds and say nothing about a journey: no span for them. */
const UNTRACED = /^\/(?:health\/(?:live|ready)|metrics)\/?(?:\?|$)/;

/** The route template Express matched (`/v1/purchase-orders/:poNumber`), if any. */
export function routeOf(request: ExpressRequest): string | undefined {
  const path = request.route?.path;
  return typeof path === 'string' ? `${request.baseUrl ?? ''}${path}` : undefined;
}

/**
 * Express middleware: one SERVER span per inbound request, continuing an incoming `traceparent`,
 * with the HTTP semantic conventions and named `METHOD route` once the router has matched. The
 * span is the active context for everything the request does downstream (controllers publishing
 * to Kafka, calls to other systems), including body parsing driven by the request's events.
 * GET /health/live, /health/ready and /metrics are not traced.
 */
export function httpServerSpans(): (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => void {
  return (request, response, next) => {
    if (UNTRACED.test(request.url ?? '')) return next();
    const method = request.method ?? 'GET';
    const path = pathOf((request as ExpressRequest).originalUrl ?? request.url ?? '/');
    const parent = propagation.extract(context.active(), request.headers, getter);
    const span = tracer.startSpan(
      method,
      {
        kind: SpanKind.SERVER,
        attributes: {
          'http.request.method': method,
          'url.path': path,
          'url.scheme': 'http',
          ...(request.socket.localPort ? { 'server.port': request.socket.localPort } : {}),
          ...(request.socket.remoteAddress ? { 'client.address': request.socket.remoteAddress } : {}),
          ...(typeof request.headers['user-agent'] === 'string' ? { 'user_agent.original': request.headers['user-agent'] } : {}),
        },
      },
      parent,
    );
    const active = trace.setSpan(parent, span);
    context.bind(active, request);
    context.bind(active, response);
    let ended = false;
    const end = (): void => {
      if (ended) return;
      ended = true;
      const route = routeOf(request as ExpressRequest);
      if (route) {
        span.updateName(`${method} ${route}`);
        span.setAttribute('http.route', route);
      }
      const status = response.statusCode;
      span.setAttribute('http.response.status_code', status);
      if (!response.writableFinished) span.setAttribute('error.type', 'connection_aborted');
      if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      if (status >= 500) span.setAttribute('error.type', String(status));
      span.end();
    };
    response.once('finish', end);
    response.once('close', end);
    context.with(active, () => next());
  };
}

/** The path of a request target without its query; never throws (`//`, `//%` are not URLs). */
function pathOf(target: string): string {
  const end = target.search(/[?#]/);
  return end === -1 ? target : target.slice(0, end);
}
