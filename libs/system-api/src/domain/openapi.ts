export type JsonSchema = Readonly<Record<string, unknown>>;

export interface ApiResponseDoc {
  readonly description: string;
  readonly schema?: JsonSchema;
}

/** One route of a service, described as data. `path` uses Express style (`/v1/invoices/:invoiceId`). */
export interface ApiRouteDoc {
  readonly method: 'get' | 'post' | 'put' | 'patch' | 'delete' | 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly path: string;
  readonly summary: string;
  /** Scopes the caller needs; empty for a public route. */
  readonly scopes: readonly string[];
  /** JSON Schema of the JSON body, for routes that take one. */
  readonly requestSchema?: JsonSchema;
  /** Responses by status code ('200', '202', '404', ...). 401/403 (and 400/409/413/415 for bodies) are added. */
  readonly responses: Readonly<Record<string, ApiResponseDoc>>;
  /** True when the route honours an Idempotency-Key header. Defaults to true for routes with a body. */
  readonly idempotent?: boolean;
}

export interface OpenApiInfo {
  readonly title: string;
  readonly version: string;
  readonly description?: string;
  readonly routes: readonly ApiRouteDoc[];
}

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const problem = (description: string): Record<string, unknown> => ({
  description,
  content: { 'application/problem+json': { schema: ref('Problem') } },
});

export const PROBLEM_SCHEMA: JsonSchema = {
  type: 'object',
  description: 'RFC 9457 problem details.',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    problems: {
      type: 'array',
      description: 'For 400 invalid-request: every field that is wrong.',
      items: {
        type: 'object',
        required: ['path', 'code', 'message'],
        properties: { path: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};

export const SUBMISSION_RECEIPT_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['trackingId', 'documentType', 'businessId', 'status', 'acceptedAt', 'links'],
  properties: {
    trackingId: { type: 'string', format: 'uuid' },
    documentType: { type: 'string' },
    businessId: { type: 'string' },
    status: { const: 'ACCEPTED' },
    acceptedAt: { type: 'string', format: 'date-time' },
    links: { type: 'object', required: ['status'], properties: { status: { type: 'string' } } },
  },
};

/** The responses of a submit route: 202 with a receipt (also when an Idempotency-Key replays). */
export const SUBMISSION_RESPONSES: Readonly<Record<string, ApiResponseDoc>> = {
  '202': { description: 'Accepted for processing (or the original receipt again, with Idempotent-Replayed: true).', schema: ref('SubmissionReceipt') },
};

const toOpenApiPath = (path: string): string => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
const pathParameters = (path: string): string[] => [...path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1] ?? '');

function operation(route: ApiRouteDoc): Record<string, unknown> {
  const hasBody = route.requestSchema !== undefined;
  const parameters: Array<Record<string, unknown>> = pathParameters(route.path).map((name) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  if (route.idempotent ?? hasBody) {
    parameters.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description: 'The same key with the same body answers the original receipt again (Idempotent-Replayed: true) and publishes nothing; with a different body, 409.',
      schema: { type: 'string', pattern: '^[\\x21-\\x7E]{1,255}$' },
    });
  }
  const responses: Record<string, unknown> = {};
  for (const [status, response] of Object.entries(route.responses)) {
    responses[status] =
      response.schema === undefined ? { description: response.description } : { description: response.description, content: { 'application/json': { schema: response.schema } } };
  }
  const isPublic = route.scopes.length === 0;
  if (hasBody) {
    responses['400'] ??= problem('Invalid request (problems[] gives the field paths) or malformed JSON.');
    responses['413'] ??= problem('The body is larger than the configured limit.');
    responses['415'] ??= problem('The body is not application/json.');
  }
  if (route.idempotent ?? hasBody) responses['409'] ??= problem('The Idempotency-Key was already used with a different body.');
  if (!isPublic) {
    responses['401'] ??= problem('Missing or invalid credentials.');
    responses['403'] ??= problem(`The credentials lack a required scope (${route.scopes.join(', ')}).`);
  }
  return {
    operationId: `${route.method.toLowerCase()}${route.path.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
    summary: route.summary,
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(hasBody ? { requestBody: { required: true, content: { 'application/json': { schema: route.requestSchema } } } } : {}),
    responses,
    security: isPublic ? [] : [{ ApiKeyHeader: [...route.scopes] }, { BearerAuth: [...route.scopes] }],
    'x-required-scopes': [...route.scopes],
  };
}

/** An OpenAPI 3.1 document for the routes, with the API-key and bearer-JWT security schemes. */
export function buildOpenApiDocument(info: Omit<OpenApiInfo, 'routes'>, routes: readonly ApiRouteDoc[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = toOpenApiPath(route.path);
    const method = route.method.toLowerCase();
    const item = (paths[path] ??= {});
    if (item[method] !== undefined) throw new Error(`OpenAPI: ${method.toUpperCase()} ${route.path} is described twice`);
    item[method] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: { title: info.title, version: info.version, ...(info.description !== undefined ? { description: info.description } : {}) },
    paths,
    components: {
      schemas: { Problem: PROBLEM_SCHEMA, SubmissionReceipt: SUBMISSION_RECEIPT_SCHEMA },
      securitySchemes: {
        ApiKeyHeader: { type: 'apiKey', in: 'header', name: 'X-API-Key', description: 'An API key (also accepted as `Authorization: Bearer <key>`).' },
        BearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'HS256 JWT with sub, exp and a space-separated scope claim.' },
      },
    },
  };
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** A self-contained HTML page listing the operations (no scripts, no CDN). */
export function renderDocsPage(info: Omit<OpenApiInfo, 'routes'>, routes: readonly ApiRouteDoc[]): string {
  const rows = routes
    .map(
      (r) =>
        `<tr><td><code>${escapeHtml(r.method.toUpperCase())}</code></td><td><code>${escapeHtml(r.path)}</code></td>` +
        `<td>${escapeHtml(r.summary)}</td><td>${r.scopes.length === 0 ? 'public' : r.scopes.map((s) => `<code>${escapeHtml(s)}</code>`).join(' ')}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(info.title)} ${escapeHtml(info.version)}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}</style></head>
<body><h1>${escapeHtml(info.title)} <small>${escapeHtml(info.version)}</small></h1>
<p>Machine-readable: <a href="/v1/openapi.json">/v1/openapi.json</a>. Authenticate with <code>X-API-Key</code> or <code>Authorization: Bearer &lt;api-key or JWT&gt;</code>.</p>
<table><thead><tr><th>Method</th><th>Path</th><th>Summary</th><th>Scopes</th></tr></thead><tbody>
${rows}
</tbody></table></body></html>
`;
}
