import { Body, Controller, Get, Headers, Inject, Param, Post } from '@nestjs/common';
import { CurrentPrincipal, RequireScopes, SubmissionService, type Principal, type SubmissionReceipt } from '@procurelink/system-api';
import { InvoiceStatusLookup } from '../invoice-status-lookup';
import { invoiceRecordOrInvalid } from './field-problems';
import { invoiceNotFound, isInvoiceId, toInvoiceStatusResponse, type InvoiceStatusResponse } from './invoice-status-response';

/** The prefixed source topic a submitted AP invoice is published to (source.ap.invoice.v1). */
export const INVOICE_SUBMISSION_TOPIC = Symbol('INVOICE_SUBMISSION_TOPIC');

/** AP automation invoices in over HTTP (onto the source topic, as AP automation would), and an invoice's lifecycle out. */
@Controller('v1/invoices')
export class InvoicesController {
  constructor(
    private readonly submissions: SubmissionService,
    private readonly lookup: InvoiceStatusLookup,
    @Inject(INVOICE_SUBMISSION_TOPIC) private readonly topic: string,
  ) {}

  @Post()
  @RequireScopes('invoices:submit')
  submit(@Body() body: unknown, @Headers('idempotency-key') idempotencyKey: string | undefined, @CurrentPrincipal() who: Principal): Promise<SubmissionReceipt> {
    const { invoiceId } = invoiceRecordOrInvalid(body);
    return this.submissions.submit({ documentType: 'invoices', businessId: invoiceId, topic: this.topic, key: invoiceId, value: body, idempotencyKey, client: who.client });
  }

  @Get(':invoiceId')
  @RequireScopes('invoices:read')
  async status(@Param('invoiceId') invoiceId: string): Promise<InvoiceStatusResponse> {
    const view = isInvoiceId(invoiceId) ? await this.lookup.byId(invoiceId) : null;
    if (view === null) throw invoiceNotFound(invoiceId);
    return toInvoiceStatusResponse(view);
  }
}
