import { Controller, Get, Param, Put, Req, Res } from '@nestjs/common';
import { parsePaymentStatus } from '../domain/payment-status';
import { notFound } from '../http/api-error';
import type { HttpRequest, HttpResponse } from '../http/http-types';
import { respondToWrite } from '../http/write-response';
import { entryView, type EntryView } from '../ledger/entry-view';
import { PostingService } from './posting-service';

@Controller('erp/v1/payments')
export class PaymentsController {
  constructor(private readonly postings: PostingService) {}

  @Put(':paymentId/status')
  acknowledge(@Param('paymentId') paymentId: string, @Req() request: HttpRequest, @Res({ passthrough: true }) response: HttpResponse): Promise<EntryView> {
    return respondToWrite(this.postings, request, response, 200, () => parsePaymentStatus(paymentId, request.body));
  }

  /** The latest status acknowledged for the payment. */
  @Get(':paymentId/status')
  async read(@Param('paymentId') paymentId: string): Promise<EntryView> {
    const entry = await this.postings.latest('PAYMENT_STATUS', paymentId);
    if (entry === undefined) throw notFound(`payment ${paymentId}`);
    return entryView(entry);
  }
}
