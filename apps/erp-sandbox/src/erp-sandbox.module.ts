import { Inject, Injectable, Logger, Module, type DynamicModule, type MiddlewareConsumer, type NestModule, type OnApplicationShutdown } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { HealthModule } from '@procurelink/service-host';
import { CLOCK } from './clock';
import type { ErpSandboxConfig } from './config/erp-sandbox-config';
import { FaultBoard, INITIAL_FAULTS } from './faults/fault-board';
import { FaultMiddleware } from './faults/fault-middleware';
import { ApiErrorFilter } from './http/error-filter';
import { MemoryLedgerStore } from './infra/memory-ledger-store';
import { PostgresLedgerStore } from './infra/postgres-ledger-store';
import { LedgerController } from './ledger/ledger.controller';
import { LEDGER_STORE, type LedgerStore } from './ledger/ledger-store';
import { OpenApiController } from './openapi/openapi.controller';
import { ApInvoicesController } from './postings/ap-invoices.controller';
import { BatchController } from './postings/batch.controller';
import { BatchService } from './postings/batch-service';
import { EncumbrancesController } from './postings/encumbrances.controller';
import { PaymentsController } from './postings/payments.controller';
import { PostingService } from './postings/posting-service';
import { VendorsController } from './postings/vendors.controller';
import { LedgerTampering } from './sandbox/ledger-tampering';
import { SandboxController } from './sandbox/sandbox.controller';
import { SANDBOX_OPTIONS } from './sandbox/sandbox-options';

const CAPABILITY_CONTROLLERS = [VendorsController, EncumbrancesController, ApInvoicesController, PaymentsController];

/** Closes the ledger store after the HTTP server has stopped taking requests. */
@Injectable()
class LedgerLifecycle implements OnApplicationShutdown {
  constructor(@Inject(LEDGER_STORE) private readonly ledger: LedgerStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.ledger.stop();
  }
}

async function openLedger(config: ErpSandboxConfig): Promise<LedgerStore> {
  const logger = new Logger('ledger');
  const store =
    config.store === 'postgres' && config.databaseUrl !== null
      ? new PostgresLedgerStore({
          databaseUrl: config.databaseUrl,
          schema: config.pgSchema,
          onIdleError: (error) => logger.warn(`an idle PostgreSQL connection failed: ${error.message}`),
        })
      : new MemoryLedgerStore();
  await store.start();
  logger.log(config.store === 'postgres' ? `ledger in PostgreSQL schema ${config.pgSchema}` : 'ledger in memory');
  return store;
}

/** The ERP sandbox: the target-system contract under /erp/v1, test controls under /sandbox/v1. */
@Module({})
export class ErpSandboxModule implements NestModule {
  static forConfig(config: ErpSandboxConfig): DynamicModule {
    return {
      module: ErpSandboxModule,
      imports: [HealthModule.forService('erp-sandbox')],
      controllers: [...CAPABILITY_CONTROLLERS, BatchController, LedgerController, SandboxController, OpenApiController],
      providers: [
        { provide: CLOCK, useValue: () => Date.now() },
        { provide: LEDGER_STORE, useFactory: () => openLedger(config) },
        { provide: INITIAL_FAULTS, useValue: config.faults },
        { provide: SANDBOX_OPTIONS, useValue: { allowReset: config.allowReset } },
        { provide: APP_FILTER, useClass: ApiErrorFilter },
        LedgerLifecycle,
        FaultBoard,
        PostingService,
        BatchService,
        LedgerTampering,
      ],
    };
  }

  /** Faults apply per capability; /erp/v1/batch decides them per item itself (see BatchService). */
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(FaultMiddleware).forRoutes(...CAPABILITY_CONTROLLERS);
  }
}
