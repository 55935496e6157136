import { Module } from '@nestjs/common';
import { HealthModule } from '@procurelink/service-host';

/** The supplier-sync service. Its event flows arrive with the services issue. */
@Module({ imports: [HealthModule.forService('supplier-sync')] })
export class SupplierSyncModule {}
