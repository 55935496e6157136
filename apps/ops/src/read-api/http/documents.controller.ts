import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiProblem, RequireScopes } from '@procurelink/system-api';
import type { Pool } from 'pg';
import { OPS_DB } from '../../db';
import { parseDocType } from '../domain/doc-type-param';
import { findDocument, traceBusinessKey, type DocumentView, type TraceView } from '../infra/document-queries';

const notFound = (what: string) => new ApiProblem(404, 'not-found', 'Not found', `ops has recorded no ${what} (yet).`);

@Controller('v1')
export class DocumentsController {
  constructor(@Inject(OPS_DB) private readonly db: Pool) {}

  @Get('documents/:docType/:docId')
  @RequireScopes('ops:read')
  async document(@Param('docType') docTypeText: string, @Param('docId') docId: string): Promise<{ document: DocumentView; chain: TraceView | null }> {
    const docType = parseDocType(docTypeText);
    if (docType === undefined) throw notFound(`document type ${docTypeText.slice(0, 40)}`);
    const document = await findDocument(this.db, docType, docId);
    if (document === undefined) throw notFound('document with this type and id');
    return { document, chain: (await traceBusinessKey(this.db, document.chainId ?? document.docId)) ?? null };
  }

  @Get('trace/:businessKey')
  @RequireScopes('ops:read')
  async trace(@Param('businessKey') businessKey: string): Promise<TraceView> {
    return (await traceBusinessKey(this.db, businessKey)) ?? Promise.reject(notFound('document or dead letter with this business key'));
  }
}
