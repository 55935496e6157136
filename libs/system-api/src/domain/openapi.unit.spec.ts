import { buildOpenApiDocument, renderDocsPage, SUBMISSION_RESPONSES, type ApiRouteDoc } from './openapi';

const routes: ApiRouteDoc[] = [
  {
    method: 'POST',
    path: '/v1/invoices',
    summary: 'Submit an invoice',
    scopes: ['invoices:submit'],
    requestSchema: { type: 'object', required: ['invoiceNumber'], properties: { invoiceNumber: { type: 'string' } } },
    responses: SUBMISSION_RESPONSES,
  },
  { method: 'get', path: '/v1/invoices/:invoiceId/status', summary: 'Invoice <status>', scopes: ['invoices:read'], responses: { '200': { description: 'The status.' } } },
  { method: 'get', path: '/health/live', summary: 'Liveness', scopes: [], responses: { '200': { description: 'ok' } } },
];

type Operation = Record<string, unknown> & { responses: Record<string, unknown>; security: unknown[]; parameters?: Array<Record<string, unknown>> };
const doc = buildOpenApiDocument({ title: 'Invoice sync', version: '1.0.0' }, routes);
const paths = doc.paths as Record<string, Record<string, Operation>>;

describe('buildOpenApiDocument', () => {
  it('is OpenAPI 3.1 with the API-key and bearer-JWT security schemes', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toEqual({ title: 'Invoice sync', version: '1.0.0' });
    const components = doc.components as { securitySchemes: Record<string, Record<string, string>>; schemas: Record<string, unknown> };
    expect(components.securitySchemes.ApiKeyHeader).toMatchObject({ type: 'apiKey', in: 'header', name: 'X-API-Key' });
    expect(components.securitySchemes.BearerAuth).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
    expect(Object.keys(components.schemas).sort()).toEqual(['Problem', 'SubmissionReceipt']);
  });

  it('a submit route › its request schema, per-operation scopes, Idempotency-Key and the error responses', () => {
    const post = paths['/v1/invoices']!.post!;
    expect(post.requestBody).toEqual({ required: true, content: { 'application/json': { schema: routes[0]!.requestSchema } } });
    expect(post.security).toEqual([{ ApiKeyHeader: ['invoices:submit'] }, { BearerAuth: ['invoices:submit'] }]);
    expect(post['x-required-scopes']).toEqual(['invoices:submit']);
    expect(post.parameters?.map((p) => p.name)).toEqual(['Idempotency-Key']);
    expect(Object.keys(post.responses).sort()).toEqual(['202', '400', '401', '403', '409', '413', '415']);
  });

  it('turns :params into {params} with path parameters', () => {
    const get = paths['/v1/invoices/{invoiceId}/status']!.get!;
    expect(get.parameters).toEqual([{ name: 'invoiceId', in: 'path', required: true, schema: { type: 'string' } }]);
    expect(Object.keys(get.responses).sort()).toEqual(['200', '401', '403']);
  });

  it('a public route has no security and no 401/403', () => {
    const live = paths['/health/live']!.get!;
    expect(live.security).toEqual([]);
    expect(Object.keys(live.responses)).toEqual(['200']);
  });

  it('refuses a route described twice', () => {
    expect(() => buildOpenApiDocument({ title: 't', version: '1' }, [routes[1]!, routes[1]!])).toThrow('GET /v1/invoices/:invoiceId/status is described twice');
  });

  it('the docs page lists the operations, escaped', () => {
    const page = renderDocsPage({ title: 'Invoice sync', version: '1.0.0' }, routes);
    expect(page).toContain('<code>/v1/invoices/:invoiceId/status</code>');
    expect(page).toContain('Invoice &lt;status&gt;');
    expect(page).not.toContain('<script');
  });
});
