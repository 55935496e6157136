import { Module } from '@nestjs/common';
import { HealthModule } from '@procurelink/service-host';

/** The po-sync service. Its event flows arrive with the services issue. */
@Module({ imports: [HealthModule.forService('po-sync')] })
export class PoSyncModule {}
