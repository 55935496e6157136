import { Controller, Get, Header, Inject } from '@nestjs/common';
import { buildOpenApiDocument, renderDocsPage, SUBMISSION_RECEIPT_SCHEMA, type ApiRouteDoc } from '../domain/openapi';
import { DOCUMENT_TYPES, readScope } from '../domain/scopes';
import { PublicRoute } from './decorators';
import { SYSTEM_API_OPTIONS, type SystemApiOptions } from './system-api.options';

/** The routes this module serves itself. */
export const MODULE_ROUTES: readonly ApiRouteDoc[] = [
  {
    method: 'get',
    path: '/v1/submissions/:trackingId',
    summary: `The receipt of a submission (needs the read scope of its document type: ${DOCUMENT_TYPES.map(readScope).join(', ')}).`,
    scopes: [],
    responses: {
      '200': { description: 'The receipt.', schema: SUBMISSION_RECEIPT_SCHEMA },
      '401': { description: 'Missing or invalid credentials.' },
      '403': { description: 'The credentials lack the read scope of the document type.' },
      '404': { description: 'Unknown tracking id.' },
    },
  },
  { method: 'get', path: '/v1/openapi.json', summary: 'This OpenAPI document.', scopes: [], responses: { '200': { description: 'OpenAPI 3.1 JSON.' } } },
  { method: 'get', path: '/v1/docs', summary: 'A page listing the operations.', scopes: [], responses: { '200': { description: 'HTML.' } } },
];

@Controller('v1')
@PublicRoute()
export class OpenApiController {
  private readonly document: Record<string, unknown>;
  private readonly page: string;

  constructor(@Inject(SYSTEM_API_OPTIONS) options: SystemApiOptions) {
    const { routes, ...info } = options.openApi;
    const all = [...routes, ...MODULE_ROUTES];
    this.document = buildOpenApiDocument(info, all);
    // The submissions route needs credentials even though its scope is decided per document.
    const submissions = (this.document.paths as Record<string, Record<string, Record<string, unknown>> | undefined>)['/v1/submissions/{trackingId}']?.get;
    if (submissions) submissions.security = [{ ApiKeyHeader: [] }, { BearerAuth: [] }];
    this.page = renderDocsPage(info, all);
  }

  @Get('openapi.json')
  openApi(): Record<string, unknown> {
    return this.document;
  }

  @Get('docs')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
  docs(): string {
    return this.page;
  }
}
