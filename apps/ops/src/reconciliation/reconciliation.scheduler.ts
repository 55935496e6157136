import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import { OPS_DB } from '../db';
import { previousDay } from './domain';
import { ReconciliationService } from './reconciliation.service';
import { RECONCILIATION_OPTIONS } from './reconciliation.tokens';
import type { ReconciliationModuleOptions } from './reconciliation.options';

const LOCK = 'procurelink.ops.reconciliation.schedule';

/**
 * Reconciles today (UTC) every `intervalMs` (off when 0), and once more the day before when the
 * day has turned, so late postings of yesterday are seen. One instance at a time (a PostgreSQL
 * advisory lock): a tick that finds the lock taken or the previous run still going is skipped.
 */
@Injectable()
export class ReconciliationScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ReconciliationSchedule');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private lastDay: string | undefined;

  constructor(
    private readonly reconciliation: ReconciliationService,
    @Inject(OPS_DB) private readonly pool: Pool,
    @Inject(RECONCILIATION_OPTIONS) private readonly options: ReconciliationModuleOptions,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.intervalMs <= 0) return;
    this.timer = setInterval(() => void this.tick(), this.options.intervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One scheduled pass (public for tests and for a manual trigger). */
  tick(): Promise<void> {
    if (this.running) return this.running;
    this.running = this.pass()
      .catch((error: unknown) => this.logger.error(`scheduled reconciliation failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => (this.running = undefined));
    return this.running;
  }

  private async pass(): Promise<void> {
    const client = await this.pool.connect();
    try {
      const { rows } = await client.query<{ locked: boolean }>('select pg_try_advisory_lock(hashtext($1)) as locked', [LOCK]);
      if (!rows[0]?.locked) return;
      try {
        const today = this.reconciliation.today();
        if (this.lastDay !== undefined && this.lastDay !== today) await this.reconciliation.run({ day: previousDay(today), facilityId: null }, 'SCHEDULE', null);
        await this.reconciliation.run({ day: today, facilityId: null }, 'SCHEDULE', null);
        this.lastDay = today;
      } finally {
        await client.query('select pg_advisory_unlock(hashtext($1))', [LOCK]);
      }
    } finally {
      client.release();
    }
  }
}
