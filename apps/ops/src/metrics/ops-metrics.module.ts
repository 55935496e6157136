import { Inject, Injectable, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { observeBusinessGauges, startMetrics, type BusinessPicture } from '@procurelink/observability';
import type { Pool } from 'pg';
import type { OpsConfig } from '../config/ops-config';
import { OPS_DB } from '../db';
import { OPS_CONFIG } from '../ops.tokens';
import { readBusinessPicture } from './business-picture';

/** How long one reading of the read model answers scrapes (several Prometheus replicas, manual curls). */
const MAX_AGE_MS = 10_000;
/** A scrape never waits longer than this for the read model. */
const READ_TIMEOUT_MS = 5_000;

function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/**
 * Ops' business gauges on GET /metrics: delayed invoices, unmatched receipts and blocked payments
 * by facility, open dead letters by service and code, read from PostgreSQL at scrape time — at
 * most once every 10 s, waiting at most 5 s; a failed or late read leaves those gauges out of that scrape.
 */
@Injectable()
export class BusinessGauges implements OnModuleInit, OnApplicationShutdown {
  private stop: (() => void) | undefined;
  private last: { at: number; picture: Promise<BusinessPicture | undefined> } | undefined;

  constructor(
    @Inject(OPS_DB) private readonly db: Pool,
    @Inject(OPS_CONFIG) private readonly config: OpsConfig,
  ) {}

  onModuleInit(): void {
    startMetrics('ops'); // idempotent: keeps the provider the service host started
    this.stop = observeBusinessGauges(() => this.read());
  }

  onApplicationShutdown(): void {
    this.stop?.();
  }

  private read(): Promise<BusinessPicture | undefined> {
    const now = Date.now();
    if (!this.last || now - this.last.at >= MAX_AGE_MS) {
      const reading = readBusinessPicture(this.db, { unmatchedReceiptHours: this.config.unmatchedReceiptHours });
      const picture = within(reading, READ_TIMEOUT_MS).catch(() => undefined);
      this.last = { at: now, picture };
    }
    return this.last.picture;
  }
}

@Module({ providers: [BusinessGauges] })
export class OpsMetricsModule {}

/** Ops' own readiness check: a `select 1` on its pool. */
export const opsPostgresCheck = {
  name: 'postgres',
  inject: [OPS_DB],
  useFactory: (db: Pool) => async (): Promise<void> => {
    await db.query('select 1');
  },
};
