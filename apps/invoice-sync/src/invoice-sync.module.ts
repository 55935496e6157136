import { Module } from '@nestjs/common';
import { HealthModule } from '@procurelink/service-host';

/** The invoice-sync service. Its event flows arrive with the services issue. */
@Module({ imports: [HealthModule.forService('invoice-sync')] })
export class InvoiceSyncModule {}
