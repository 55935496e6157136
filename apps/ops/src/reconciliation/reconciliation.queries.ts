import { Inject, Injectable } from '@nestjs/common';
import { RECONCILIATION_STORE, type ReconciliationRunDetail, type ReconciliationRunView, type ReconciliationStorePort, type RunListQuery } from './ports/reconciliation-ports';

/** Reads the reconciliation history. */
@Injectable()
export class ReconciliationQueries {
  constructor(@Inject(RECONCILIATION_STORE) private readonly store: ReconciliationStorePort) {}

  /** Newest first; `next` is the `before` of the following page, null at the end. */
  async list(query: RunListQuery): Promise<{ runs: ReconciliationRunView[]; next: string | null }> {
    const runs = await this.store.list(query);
    return { runs, next: runs.length === query.limit ? (runs.at(-1)?.id ?? null) : null };
  }

  get(id: string): Promise<ReconciliationRunDetail | null> {
    return this.store.get(id);
  }
}
