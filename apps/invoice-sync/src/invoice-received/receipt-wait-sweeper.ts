import { hasReceiptWaitExpired } from './domain';
import type { InvoiceFlow, Publish } from './invoice-flow';
import type { InvoiceSyncStore } from './ports/invoice-sync-store';
import type { WaitingEntry } from './projection/invoice-state';

export interface SweeperDeps {
  readonly store: InvoiceSyncStore;
  readonly invoices: InvoiceFlow;
  /** The producer port: the sweeper publishes outside any inbound event. */
  readonly publish: Publish;
  readonly intervalMs: number;
  readonly batchSize?: number;
  readonly clock?: () => Date;
  readonly onError?: (invoiceId: string, error: unknown) => void;
}

/** A PO change this close before a decision may not have been seen by it (clocks of two instances). */
const TOUCH_MARGIN_MS = 2_000;

/**
 * Every interval, decides again the waiting invoices that need it: those whose deadline has
 * passed (they become NO_RECEIPT or UNKNOWN_PO exceptions, or match if the goods came in late)
 * and those whose PO changed since they were last decided (a receipt that raced the invoice).
 * Safe with several instances: each invoice is claimed atomically (out of the waiting set, with a
 * lease) before it is decided; a claim whose instance died is given back when its lease runs out.
 */
export class ReceiptWaitSweeper {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private readonly clock: () => Date;

  constructor(private readonly deps: SweeperDeps) {
    this.clock = deps.clock ?? (() => new Date());
  }

  start(): void {
    this.timer ??= setInterval(() => {
      this.running ??= this.sweep()
        .then(() => undefined)
        .catch((error: unknown) => this.deps.onError?.('*', error))
        .finally(() => (this.running = undefined));
    }, this.deps.intervalMs);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One pass; answers how many invoices it decided again. */
  async sweep(): Promise<number> {
    const { store } = this.deps;
    await store.recoverExpiredClaims();
    const waiting = await store.listWaiting(this.deps.batchSize ?? 500);
    const touched = await store.poTouchedAt(waiting.map((entry) => entry.poNumber));
    const now = this.clock();
    const due = waiting.filter((entry) => needsReview(entry, touched.get(entry.poNumber), now));
    let reviewed = 0;
    for (const entry of due) {
      try {
        if ((await this.deps.invoices.rematch(entry.invoiceId, this.deps.publish)) !== 'not-waiting') reviewed += 1;
      } catch (error) {
        this.deps.onError?.(entry.invoiceId, error);
      }
    }
    return reviewed;
  }
}

function needsReview(entry: WaitingEntry, touchedAt: number | undefined, now: Date): boolean {
  if (hasReceiptWaitExpired(entry.until, now)) return true;
  return touchedAt !== undefined && touchedAt >= entry.decidedAt.getTime() - TOUCH_MARGIN_MS;
}
