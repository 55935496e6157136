import type { HttpErpClientOptions } from '@procurelink/erp-connector';
import type { Clock } from './reconciliation.tokens';

export interface ReconciliationModuleOptions {
  /** Where the ERP ledger is read (the same ERP as ERP_BASE_URL / ERP_TIMEOUT_MS). */
  readonly erp: HttpErpClientOptions;
  /** Scheduled runs every this many ms (OPS_RECONCILE_INTERVAL_MS, default hourly); 0 turns the schedule off. */
  readonly intervalMs: number;
  /** Defaults to the system clock. */
  readonly clock?: Clock;
}
