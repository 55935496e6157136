import { Module, type DynamicModule } from '@nestjs/common';
import { ERP_LEDGER_PORT, HttpErpLedgerClient, type HttpErpClientOptions } from '@procurelink/erp-connector';
import type { Pool } from 'pg';
import { OPS_DB } from '../db';
import { DEFAULT_SLAS, type SlaDefinition } from './domain';
import { SlaBreachesController } from './http/sla-breaches.controller';
import { PgSlaSource } from './infra/pg-sla-source';
import { SlaService } from './sla.service';
import { SLA_CLOCK, SLA_DEFINITIONS } from './sla.tokens';

export interface SlaModuleOptions {
  /** Where the ERP ledger is read (ERP_BASE_URL / ERP_TIMEOUT_MS). */
  readonly erp: HttpErpClientOptions;
  /** From OPS_SLAS (readSlaDefinitions); DEFAULT_SLAS when absent. */
  readonly slas?: readonly SlaDefinition[];
  readonly clock?: () => Date;
}

/** GET /v1/sla/breaches (ops:read), computed on read. Needs OPS_DB (the global OpsDatabaseModule). */
@Module({})
export class SlaModule {
  static forRoot(options: SlaModuleOptions): DynamicModule {
    return {
      module: SlaModule,
      controllers: [SlaBreachesController],
      providers: [
        { provide: SLA_DEFINITIONS, useValue: options.slas ?? DEFAULT_SLAS },
        { provide: SLA_CLOCK, useValue: options.clock ?? (() => new Date()) },
        { provide: ERP_LEDGER_PORT, useFactory: () => new HttpErpLedgerClient(options.erp) },
        { provide: PgSlaSource, inject: [OPS_DB], useFactory: (pool: Pool) => new PgSlaSource(pool) },
        SlaService,
      ],
      exports: [SlaService],
    };
  }
}
