import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { parseApInvoice } from '../domain/ap-invoice';
import { notFound } from '../http/api-error';
import type { HttpRequest, HttpResponse } from '../http/http-types';
import { respondToWrite } from '../http/write-response';
import { entryView, type EntryView } from '../ledger/entry-view';
import { PostingService } from './posting-service';

@Controller('erp/v1/ap-invoices')
export class ApInvoicesController {
  constructor(private readonly postings: PostingService) {}

  @Post()
  post(@Req() request: HttpRequest, @Res({ passthrough: true }) response: HttpResponse): Promise<EntryView> {
    return respondToWrite(this.postings, request, response, 201, () => parseApInvoice(request.body));
  }

  /** The latest posting of the invoice (its document number is the ERP's AP voucher). */
  @Get(':invoiceId')
  async read(@Param('invoiceId') invoiceId: string): Promise<EntryView> {
    const entry = await this.postings.latest('AP_INVOICE', invoiceId);
    if (entry === undefined) throw notFound(`AP invoice ${invoiceId}`);
    return entryView(entry);
  }
}
