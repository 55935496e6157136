import { ACK, invalidInput, ProcessingError, skip, type HandlerOutcome } from '@procurelink/messaging';
import { decideGoodsReceipt, type ReceiptRules } from './domain';
import { toOutboundRecord, type CanonicalEncoder } from './canonical-publisher';
import { toGoodsReceived } from './mapping';
import type { PurchaseOrderStore } from './ports/purchase-order-store';
import { projectPurchaseOrder } from './projection/project-purchase-order';
import type { Publish } from './purchase-order-flow';
import type { ReferenceDirectory } from './reference/reference-file';
import { describeProblems, parseInventoryReceiptRecord } from './source';
import { withPurchaseOrderState } from './state-conflict';

export interface GoodsReceiptFlowDeps {
  readonly store: PurchaseOrderStore;
  readonly encoder: CanonicalEncoder;
  readonly directory: Pick<ReferenceDirectory, 'trackingOf'>;
  readonly rules: ReceiptRules;
  readonly tenant: string;
}

/**
 * An inventory goods receipt: parse → check against the PO lines (decideGoodsReceipt) → publish
 * GoodsReceived → store the received quantities. A receipt for a PO not known yet is retried
 * through the retry topics (its PO may still be in flight), then dead-lettered; a receipt that
 * breaks a receiving rule is dead-lettered at once with every problem; a receipt id already
 * applied is skipped.
 */
export class GoodsReceiptFlow {
  constructor(private readonly deps: GoodsReceiptFlowDeps) {}

  async handle(raw: unknown, publish: Publish): Promise<HandlerOutcome> {
    const parsed = parseInventoryReceiptRecord(raw);
    if (!parsed.ok) throw invalidInput(`inventory goods receipt refused: ${describeProblems(parsed.problems)}`);
    const receipt = toGoodsReceived(parsed.record, { tenant: this.deps.tenant });
    return withPurchaseOrderState(this.deps.store, receipt.poNumber, async (stored) => {
      const decision = decideGoodsReceipt(stored?.state ?? null, receipt, { trackingOf: this.deps.directory.trackingOf, rules: this.deps.rules });
      if (decision.kind === 'duplicate') return { next: null, result: skip(`receipt ${decision.receiptId} was already applied`) };
      if (decision.kind === 'rejected') {
        const problems = decision.problems.map((p) => `${p.code} at ${p.path} (${p.message})`).join('; ');
        if (decision.problems.some((p) => p.code === 'UNKNOWN_PO')) {
          // Retriable: the PO's approval may still be on its way (another topic, or a retry topic).
          throw new ProcessingError('HANDLER_FAILED', `receipt ${receipt.receiptId} waits for its PO: ${problems}`);
        }
        throw invalidInput(`receipt ${receipt.receiptId} refused, nothing applied: ${problems}`);
      }
      const event = { eventType: 'GoodsReceived', value: receipt } as const;
      await publish([toOutboundRecord(this.deps.encoder, event)]);
      return { next: projectPurchaseOrder(stored?.state ?? null, event), result: ACK };
    });
  }
}
