import { Module } from '@nestjs/common';
import { HealthModule } from '@procurelink/service-host';

/** The payment-status service. Its event flows arrive with the services issue. */
@Module({ imports: [HealthModule.forService('payment-status')] })
export class PaymentStatusModule {}
