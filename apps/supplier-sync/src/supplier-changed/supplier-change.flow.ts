import type { ErpVendorPort } from '@procurelink/erp-connector';
import { ACK, ProcessingError, invalidInput, skip, type HandlerOutcome, type InboundEvent, type OutboundRecord, type ProducerPort } from '@procurelink/messaging';
import { createHash } from 'node:crypto';
import { decideSupplierChange, supplierLookupKeys, type SourceSystem, type SupplierChangeDecision, type Tokeniser } from './domain';
import { canonicalRecords, purchasingPushRecord, toPurchasingPush, toVendorUpsert, vendorIdempotencyKey, type CanonicalEncoder } from './mapping';
import type { SupplierStore, StoredSupplier } from './ports';
import { describeProblems } from './source';

export interface SupplierChangeFlowDeps {
  readonly store: SupplierStore;
  readonly erp: ErpVendorPort;
  readonly encoder: CanonicalEncoder;
  /**
   * Awaited before Redis is written: with `event.publish` a failed send would re-run the record
   * after its state was stored, and the re-run would find nothing left to publish.
   */
  readonly producer: ProducerPort;
  readonly tokeniser: Tokeniser;
  readonly purchasingTopic: string;
  readonly tenant: string;
  readonly facilityId: string;
  readonly clock?: () => Date;
}

const LABEL: Readonly<Record<SourceSystem, string>> = { erp: 'ERP vendor record', purchasing: 'purchasing supplier record' };

/**
 * A new supplier's id: the network supplier number the creating record carries (the ERP vendor id,
 * which purchasing, AP automation and the ERP's payments quote), so POs, invoices and payments
 * name the same supplier. When another supplier already holds that id, a hash of the source record
 * key instead. Either way a re-run after a failure picks the same id.
 */
function newSupplierIdFor(sourceRecordKey: string, ownIdTaken: boolean): string {
  const ownId = sourceRecordKey.slice(sourceRecordKey.indexOf(':') + 1);
  if (!ownIdTaken && ownId !== '') return ownId;
  return `SUP-${createHash('sha256').update(sourceRecordKey).digest('hex').slice(0, 20).toUpperCase()}`;
}

/**
 * One supplier record from a source system → match, merge, validate (the pure decision), then the
 * effects in order: (1) ERP vendor upsert when the ERP lacks the change, (2) the purchasing push and
 * the canonical events, (3) the Redis master. A failure in (1) throws before anything is published.
 */
export class SupplierChangeFlow {
  private readonly clock: () => Date;

  constructor(private readonly deps: SupplierChangeFlowDeps) {
    this.clock = deps.clock ?? (() => new Date());
  }

  async handle(source: SourceSystem, event: InboundEvent): Promise<HandlerOutcome> {
    const input = { source, record: event.value };
    const lookup = supplierLookupKeys(input, this.deps.tokeniser);
    if (lookup.kind === 'rejected') throw invalidInput(describeProblems(`${LABEL[source]} ${event.key}`, lookup.problems));
    const stored = await this.deps.store.findCandidates(lookup.keys);
    const sourceRecordKey = lookup.keys.sourceRecords[0] ?? `${source}:${event.key}`;
    const ownIdTaken = stored.length === 0 && (await this.deps.store.load(sourceRecordKey.slice(sourceRecordKey.indexOf(':') + 1))) !== null;
    const decision = decideSupplierChange(input, {
      tokeniser: this.deps.tokeniser,
      candidates: stored.map((candidate) => candidate.master),
      now: this.clock(),
      newSupplierId: () => newSupplierIdFor(sourceRecordKey, ownIdTaken),
    });
    return this.apply(source, event, decision, stored);
  }

  private async apply(source: SourceSystem, event: InboundEvent, decision: SupplierChangeDecision, stored: readonly StoredSupplier[]): Promise<HandlerOutcome> {
    const versionOf = (supplierId: string) => stored.find((candidate) => candidate.master.supplierId === supplierId)?.version ?? 0;
    switch (decision.kind) {
      case 'rejected':
        throw invalidInput(describeProblems(`${LABEL[source]} ${event.key} (${decision.stage === 'PARSE' ? 'invalid record' : 'merged supplier fails validation'})`, decision.problems));
      case 'ambiguous': {
        const candidates = decision.candidates.map((c) => `${c.supplierId} by ${c.rule}`).join(', ');
        throw new ProcessingError(
          'INVALID_INPUT',
          `AMBIGUOUS_MATCH ${decision.reason}: ${LABEL[source]} ${event.key} matches more than one supplier (${candidates}); an operator must correct the source record or link it, then replay`,
        );
      }
      case 'unchanged':
        if (decision.master !== null) await this.deps.store.save(decision.master, versionOf(decision.supplierId));
        return skip(`${decision.reason}: supplier ${decision.supplierId}`);
      case 'synced': {
        const { master } = decision;
        if (decision.pushTo.includes('erp')) {
          const upsert = toVendorUpsert(master);
          await this.deps.erp.upsertVendor(upsert, vendorIdempotencyKey(master, upsert));
        }
        const records: OutboundRecord[] = [];
        if (decision.pushTo.includes('purchasing')) records.push(purchasingPushRecord(this.deps.purchasingTopic, toPurchasingPush(master)));
        records.push(
          ...canonicalRecords(this.deps.encoder, decision.events, {
            supplierId: master.supplierId,
            revision: master.revision,
            occurredAt: master.updatedAt,
            sourceSystem: source,
            sourceRecordId: event.key,
            causationId: event.eventId ?? null,
            tenant: this.deps.tenant,
            facilityId: this.deps.facilityId,
          }),
        );
        if (records.length > 0) await this.deps.producer.send(records);
        await this.deps.store.save(master, versionOf(master.supplierId));
        return ACK;
      }
    }
  }
}
