import { Body, Controller, Get, Headers, Inject, Param, Post } from '@nestjs/common';
import { CurrentPrincipal, RequireScopes, SubmissionService, type Principal, type SubmissionReceipt } from '@procurelink/system-api';
import { PaymentStatusLookup } from '../payment-status-lookup';
import { paymentRecordOrInvalid } from './field-problems';
import { isPaymentId, paymentNotFound, toPaymentStatusResponse, type PaymentStatusResponse } from './payment-status-response';

/** The prefixed source topic a submitted ERP payment record is published to (source.erp.payment.v1). */
export const PAYMENT_SUBMISSION_TOPIC = Symbol('PAYMENT_SUBMISSION_TOPIC');

/** ERP payment status changes in over HTTP (onto the source topic, as the ERP would), and a payment's lifecycle out. */
@Controller('v1/payments')
export class PaymentsController {
  constructor(
    private readonly submissions: SubmissionService,
    private readonly lookup: PaymentStatusLookup,
    @Inject(PAYMENT_SUBMISSION_TOPIC) private readonly topic: string,
  ) {}

  @Post()
  @RequireScopes('payments:submit')
  submit(@Body() body: unknown, @Headers('idempotency-key') idempotencyKey: string | undefined, @CurrentPrincipal() who: Principal): Promise<SubmissionReceipt> {
    const { paymentId } = paymentRecordOrInvalid(body);
    return this.submissions.submit({ documentType: 'payments', businessId: paymentId, topic: this.topic, key: paymentId, value: body, idempotencyKey, client: who.client });
  }

  @Get(':paymentId')
  @RequireScopes('payments:read')
  async status(@Param('paymentId') paymentId: string): Promise<PaymentStatusResponse> {
    const view = isPaymentId(paymentId) ? await this.lookup.byId(paymentId) : null;
    if (view === null) throw paymentNotFound(paymentId);
    return toPaymentStatusResponse(view);
  }
}
