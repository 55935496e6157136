import { ACK, skip, type HandlerOutcome } from '@procurelink/messaging';
import type { SupplierHoldStore } from './ports';
import { projectSupplierHold, type SupplierEvent } from './projection';

/** Keeps each supplier's payment hold up to date from p2p.supplier.v1. */
export class SupplierHoldFlow {
  constructor(private readonly holds: SupplierHoldStore) {}

  async handle(event: SupplierEvent): Promise<HandlerOutcome> {
    const result = projectSupplierHold(await this.holds.load(event.value.supplierId), event);
    if (result.kind === 'stale') return skip(result.reason);
    await this.holds.save(result.state);
    return ACK;
  }
}
