import { Decimal } from '@procurelink/canonical-schemas';
import type { ErpEncumbrancePort } from '@procurelink/erp-connector';
import { ACK, invalidInput, skip, type HandlerOutcome, type OutboundRecord } from '@procurelink/messaging';
import { decidePurchaseOrderCancellation, decidePurchaseOrderRevision, type PurchaseOrderDecision, type PurchaseOrderState } from './domain';
import { toOutboundRecord, type CanonicalEncoder } from './canonical-publisher';
import { toPurchaseOrderCancelled, toPurchaseOrderRevision } from './mapping';
import { toEncumbranceRequest } from './mapping/to-encumbrance-request';
import type { PurchaseOrderStore } from './ports/purchase-order-store';
import { projectPurchaseOrder, type PurchaseOrderTopicEvent } from './projection/project-purchase-order';
import type { ReferenceDirectory } from './reference/reference-file';
import { describeProblems, parsePurchasingPoRecord, type PurchasingPoCancelRecord, type PurchasingPoRevisionRecord } from './source';
import { withPurchaseOrderState } from './state-conflict';

export interface PurchaseOrderFlowDeps {
  readonly store: PurchaseOrderStore;
  readonly erp: ErpEncumbrancePort;
  readonly encoder: CanonicalEncoder;
  readonly directory: ReferenceDirectory;
  readonly tenant: string;
}

/** Where the flow's canonical events go: the runtime's publish of the inbound event. */
/** Settles when the broker has the records: state saying they were published is stored only after. */
export type Publish = (records: readonly OutboundRecord[]) => Promise<void>;

/**
 * A purchasing PO record (APPROVED / CHANGED / CANCELLED): parse → decide against the stored state
 * and the reference data → post the encumbrance delta to the ERP, publish the canonical event,
 * store the state. Invalid input and revisions that break reference data are thrown as
 * INVALID_INPUT (dead-lettered); stale, duplicate and post-cancel revisions are skipped.
 */
export class PurchaseOrderFlow {
  constructor(private readonly deps: PurchaseOrderFlowDeps) {}

  async handle(raw: unknown, publish: Publish): Promise<HandlerOutcome> {
    const parsed = parsePurchasingPoRecord(raw);
    if (!parsed.ok) throw invalidInput(`purchasing PO record refused: ${describeProblems(parsed.problems)}`);
    const record = parsed.record;
    return record.action === 'CANCELLED' ? this.cancel(record, publish) : this.revise(record, publish);
  }

  private revise(record: PurchasingPoRevisionRecord, publish: Publish): Promise<HandlerOutcome> {
    const event = toPurchaseOrderRevision(record, { directory: this.deps.directory, tenant: this.deps.tenant });
    return withPurchaseOrderState(this.deps.store, record.poNumber, async (stored) => {
      const decision = decidePurchaseOrderRevision(stored?.state ?? null, event, this.deps.directory.reference);
      if (decision.kind === 'invalid') {
        const problems = decision.problems.map((p) => `${p.code} at ${p.path} (${p.message})`).join('; ');
        throw invalidInput(`PO ${record.poNumber} revision ${record.revision} refused, nothing posted: ${problems}`);
      }
      return this.apply(decision, stored?.state ?? null, event, publish, record.supplierId);
    });
  }

  private cancel(record: PurchasingPoCancelRecord, publish: Publish): Promise<HandlerOutcome> {
    return withPurchaseOrderState(this.deps.store, record.poNumber, async (stored) => {
      const state = stored?.state ?? null;
      const facilityId = state?.lines[0]?.coding.facilityId ?? 'UNKNOWN';
      const event = { eventType: 'PurchaseOrderCancelled', value: toPurchaseOrderCancelled(record, facilityId, { tenant: this.deps.tenant }) } as const;
      // What matched invoices relieved is not known to po-sync yet: a cancel releases all that is left.
      const decision = decidePurchaseOrderCancellation(state, event.value, new Map<number, Decimal>());
      if (decision.kind === 'invalid') throw invalidInput(`PO ${record.poNumber} cancellation refused: ${decision.problems.map((p) => p.code).join(', ')}`);
      return this.apply(decision, state, event, publish, state?.supplierId ?? null);
    });
  }

  /** The effects, in order: ERP postings, then the canonical event, then (by the caller) the state. */
  private async apply(
    decision: Exclude<PurchaseOrderDecision, { kind: 'invalid' }>,
    state: PurchaseOrderState | null,
    event: PurchaseOrderTopicEvent,
    publish: Publish,
    supplierId: string | null,
  ): Promise<{ next: PurchaseOrderState | null; result: HandlerOutcome }> {
    if (decision.kind === 'ignored') {
      return { next: null, result: skip(`${decision.reason}: revision ${decision.revision}, last posted revision ${decision.lastRevision}`) };
    }
    for (const posting of decision.postings) {
      await this.deps.erp.postEncumbrance(toEncumbranceRequest(posting, supplierId), posting.idempotencyKey);
    }
    await publish([toOutboundRecord(this.deps.encoder, event)]);
    return { next: projectPurchaseOrder(state, event), result: ACK };
  }
}
