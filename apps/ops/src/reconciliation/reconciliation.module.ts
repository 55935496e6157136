import { Module, type DynamicModule } from '@nestjs/common';
import { ERP_LEDGER_PORT, HttpErpLedgerClient } from '@procurelink/erp-connector';
import type { Pool } from 'pg';
import { OPS_DB } from '../db';
import { ReconciliationsController } from './http/reconciliations.controller';
import { PgReconciliationSource } from './infra/pg-reconciliation-source';
import { PgReconciliationStore } from './infra/pg-reconciliation-store';
import { RECONCILIATION_SOURCE, RECONCILIATION_STORE } from './ports/reconciliation-ports';
import type { ReconciliationModuleOptions } from './reconciliation.options';
import { ReconciliationQueries } from './reconciliation.queries';
import { ReconciliationScheduler } from './reconciliation.scheduler';
import { ReconciliationService } from './reconciliation.service';
import { RECONCILIATION_CLOCK, RECONCILIATION_OPTIONS } from './reconciliation.tokens';

/**
 * Reconciliation on demand (POST /v1/reconciliations, ops:reconcile) and on a schedule, with its
 * history (GET /v1/reconciliations[/:id], ops:read). Needs OPS_DB (the global OpsDatabaseModule).
 */
@Module({})
export class ReconciliationModule {
  static forRoot(options: ReconciliationModuleOptions): DynamicModule {
    return {
      module: ReconciliationModule,
      controllers: [ReconciliationsController],
      providers: [
        { provide: RECONCILIATION_OPTIONS, useValue: options },
        { provide: RECONCILIATION_CLOCK, useValue: options.clock ?? (() => new Date()) },
        { provide: ERP_LEDGER_PORT, useFactory: () => new HttpErpLedgerClient(options.erp) },
        { provide: RECONCILIATION_SOURCE, inject: [OPS_DB], useFactory: (pool: Pool) => new PgReconciliationSource(pool) },
        { provide: RECONCILIATION_STORE, inject: [OPS_DB], useFactory: (pool: Pool) => new PgReconciliationStore(pool) },
        ReconciliationService,
        ReconciliationQueries,
        ReconciliationScheduler,
      ],
      exports: [ReconciliationService, ReconciliationQueries, ERP_LEDGER_PORT],
    };
  }
}
