import { Inject, Injectable, Logger } from '@nestjs/common';
import { ERP_LEDGER_PORT, type ErpLedgerPort } from '@procurelink/erp-connector';
import { sanitizeMessage } from '@procurelink/messaging';
import {
  isPostedInvoice,
  KIND_RULES,
  RECONCILIATION_KINDS,
  reconcileKind,
  utcDay,
  type KindInput,
  type Mismatch,
  type ReconciliationKind,
  type ReconciliationScope,
  type ReconciliationTotals,
  type SourceDocument,
} from './domain';
import {
  RECONCILIATION_SOURCE,
  RECONCILIATION_STORE,
  type ReconciliationRunDetail,
  type ReconciliationSourcePort,
  type ReconciliationStorePort,
  type RunTrigger,
} from './ports/reconciliation-ports';
import { RECONCILIATION_CLOCK, type Clock } from './reconciliation.tokens';

/**
 * Runs a reconciliation: reads ops' documents and the ERP ledger for the scope, compares them
 * with the pure rules of domain/, and keeps the run, its totals and every mismatch.
 */
@Injectable()
export class ReconciliationService {
  private readonly logger = new Logger('Reconciliation');

  constructor(
    @Inject(RECONCILIATION_SOURCE) private readonly source: ReconciliationSourcePort,
    @Inject(RECONCILIATION_STORE) private readonly store: ReconciliationStorePort,
    @Inject(ERP_LEDGER_PORT) private readonly ledger: ErpLedgerPort,
    @Inject(RECONCILIATION_CLOCK) private readonly clock: Clock,
  ) {}

  /** Today (UTC) by this service's clock. */
  today(): string {
    return utcDay(this.clock());
  }

  /** Runs and stores one reconciliation; a failure (the ERP down) is stored as a FAILED run and returned. */
  async run(scope: ReconciliationScope, trigger: RunTrigger, requestedBy: string | null): Promise<ReconciliationRunDetail> {
    const runId = await this.store.start(scope, trigger, requestedBy, this.clock());
    try {
      const totals: ReconciliationTotals[] = [];
      const mismatches: Mismatch[] = [];
      for (const kind of RECONCILIATION_KINDS) {
        const result = reconcileKind(KIND_RULES[kind], await this.inputFor(kind, scope));
        totals.push(...result.totals);
        mismatches.push(...result.mismatches);
      }
      await this.store.succeed(runId, totals, mismatches, this.clock());
      this.logger.log(`run ${runId} (${scope.day}${scope.facilityId ? ` ${scope.facilityId}` : ''}, ${trigger}): ${mismatches.length} mismatch(es)`);
    } catch (error) {
      const message = sanitizeMessage(error instanceof Error ? error.message : String(error));
      this.logger.error(`run ${runId} failed: ${message}`);
      await this.store.fail(runId, message, this.clock());
    }
    const stored = await this.store.get(runId);
    if (stored === null) throw new Error(`reconciliation run ${runId} vanished`);
    return stored;
  }

  private async inputFor(kind: ReconciliationKind, scope: ReconciliationScope): Promise<KindInput> {
    const docType = KIND_RULES[kind].docType;
    const inScope = await this.source.documentsInScope(docType, scope);
    // Invoices count as source only once ops saw them posted; the others may still explain an ERP posting.
    const sources = kind === 'AP_INVOICE' ? inScope.filter(isPostedInvoice) : inScope;
    const elsewhere = new Map<string, SourceDocument>(inScope.filter((doc) => !sources.includes(doc)).map((doc) => [doc.docId, doc]));
    const postings = await this.ledger.ledger({ kind });
    const sourceIds = new Set(inScope.map((doc) => doc.docId));
    const postedToday = [...new Set(postings.filter((p) => !sourceIds.has(p.subjectId) && utcDay(p.acceptedAt) === scope.day).map((p) => p.subjectId))];
    for (const doc of await this.source.documentsByIds(docType, postedToday)) elsewhere.set(doc.docId, doc);
    return { scope, sources, postings, elsewhere };
  }
}
