import type { InvoiceReceived } from '@procurelink/canonical-schemas';
import type { ErpApInvoicePort } from '@procurelink/erp-connector';
import { ACK, invalidInput, skip, type HandlerOutcome, type OutboundRecord } from '@procurelink/messaging';
import {
  decideInvoice,
  hasReceiptWaitExpired,
  invoiceBusinessKey,
  invoiceForDecision,
  receiptWaitDeadline,
  type InvoiceMatchConfig,
  type InvoiceOutcome,
} from './domain';
import { invoiceExceptionEvent, invoiceMatchedEvent, invoicePostedEvent, toOutboundRecord, type CanonicalEncoder } from './invoice-events';
import { erpIdempotencyKey, toApInvoiceRequest, toInvoiceReceived } from './mapping';
import type { InvoiceSyncStore } from './ports/invoice-sync-store';
import type { InvoiceRecord, WaitingEntry } from './projection/invoice-state';
import { billedQuantities, projectInvoice, type InvoiceTopicEvent } from './projection/project-canonical';
import { describeProblems, parseApInvoiceRecord } from './source';

/** Sends records: the inbound event's publish inside a handler, the producer port in the sweeper. */
/** Settles when the broker has the records: state saying they were published is stored only after. */
export type Publish = (records: readonly OutboundRecord[]) => Promise<void>;

export interface InvoiceFlowDeps {
  readonly store: InvoiceSyncStore;
  readonly erp: ErpApInvoicePort;
  readonly encoder: CanonicalEncoder;
  readonly config: InvoiceMatchConfig;
  readonly tenant: string;
  readonly clock?: () => Date;
}

/** What became of an invoice decided again (rematch). */
export type RematchResult = 'posted' | 'exception' | 'still-waiting' | 'not-waiting';

/**
 * An invoice's way through invoice-sync: look up its state, decide (decideInvoice), then act in
 * this order — (1) post the ERP AP invoice when matched (idempotency key: the business key),
 * (2) publish InvoiceReceived (first sight only) and InvoiceMatched + InvoicePosted or
 * InvoiceException on p2p.invoice.v1, (3) write Redis. A failure in (1) throws before anything is
 * published, so a retry re-runs cleanly.
 *
 * An invoice whose PO is not known yet (UNKNOWN_PO with no PO view at all) is treated like one
 * waiting for its receipt: po-sync may simply not have published the PO yet. It waits until the
 * same deadline, is decided again when the PO (or a receipt) arrives, and becomes an UNKNOWN_PO
 * exception when the deadline passes with the PO still unknown.
 */
export class InvoiceFlow {
  private readonly clock: () => Date;

  constructor(private readonly deps: InvoiceFlowDeps) {
    this.clock = deps.clock ?? (() => new Date());
  }

  /** A captured invoice from source.ap.invoice.v1. */
  async receive(raw: unknown, publish: Publish): Promise<HandlerOutcome> {
    const parsed = parseApInvoiceRecord(raw);
    if (!parsed.ok) throw invalidInput(`AP automation invoice refused: ${describeProblems(parsed.problems)}`);
    const invoice = toInvoiceReceived(parsed.record, { tenant: this.deps.tenant });
    const known = await this.deps.store.invoice(invoice.invoiceId);
    if (known !== null) return skip(`invoice ${invoice.invoiceId} was already received (${known.status})`);
    const result = await this.decideAndApply(invoice, null, null, publish);
    return result === 'still-waiting' ? skip(`invoice ${invoice.invoiceId} waits for its receipt or PO`) : ACK;
  }

  /**
   * Decides a waiting invoice again (a receipt or PO arrived, or the sweeper found it due). The
   * waiting entry is claimed first (exactly one caller wins); on failure it is given back.
   */
  async rematch(invoiceId: string, publish: Publish): Promise<RematchResult> {
    const { store } = this.deps;
    const entry = await store.waiting(invoiceId);
    if (entry === null || !(await store.claimWaiting(invoiceId))) return 'not-waiting';
    try {
      const record = await store.invoice(invoiceId);
      if (record === null || record.status !== 'received') {
        if (record !== null) {
          const businessKey = invoiceBusinessKey(invoiceForDecision(record.invoice));
          await store.saveInvoice({ record, businessKey, billed: [], waiting: null });
        }
        return 'not-waiting';
      }
      return await this.decideAndApply(record.invoice, record, entry, publish);
    } catch (error) {
      await store.returnWaiting(entry);
      throw error;
    }
  }

  private async decideAndApply(
    invoice: InvoiceReceived,
    record: InvoiceRecord | null,
    waiting: WaitingEntry | null,
    publish: Publish,
  ): Promise<RematchResult> {
    const { store, config } = this.deps;
    const now = this.clock();
    const view = invoiceForDecision(invoice);
    const poNumber = view.poNumber;
    const { supplier, purchaseOrder, receipts, alreadyInvoiced, earlierInvoices } = await store.decisionInputs({
      poNumber,
      invoiceId: view.invoiceId,
      supplierId: view.supplierId,
      businessKey: invoiceBusinessKey(view),
      invoiceDate: view.invoiceDate,
      windowDays: config.nearDuplicateWindowDays,
      total: view.total,
    });
    const decision = decideInvoice(
      { invoice: view, supplier, earlierInvoices, purchaseOrder, receipts, alreadyInvoiced, waitingUntil: waiting?.until ?? null },
      { config, now },
    );
    const { businessKey } = decision;
    let outcome: InvoiceOutcome = decision.outcome;

    // The PO may still be on its way from po-sync: wait for it as for a receipt, until the same deadline.
    if (outcome.kind === 'exception' && outcome.exception.reason === 'UNKNOWN_PO' && purchaseOrder === null && poNumber !== null) {
      const until = waiting?.until ?? receiptWaitDeadline(view.receivedAt, config.receiptWaitHours);
      if (!hasReceiptWaitExpired(until, now)) outcome = { kind: 'await-receipt', poNumber, until, shortfalls: [] };
    }

    // Two copies on different partitions can both pass the duplicate check: the first to claim the key posts.
    if (outcome.kind === 'matched') {
      const holder = await store.claimBusinessKey(businessKey, view.invoiceId);
      if (holder !== view.invoiceId) {
        const detail = `invoice ${holder} has the same supplier, invoice number and amount`;
        outcome = { kind: 'exception', exception: { reason: 'DUPLICATE', detail, duplicateOf: holder } };
      }
    }

    const events: InvoiceTopicEvent[] = record === null ? [{ eventType: 'InvoiceReceived', value: invoice }] : [];
    let result: RematchResult;
    switch (outcome.kind) {
      case 'matched': {
        const posting = await this.deps.erp.postApInvoice(toApInvoiceRequest(invoice), erpIdempotencyKey(businessKey));
        events.push(invoiceMatchedEvent(invoice, outcome, now), invoicePostedEvent(invoice, posting));
        result = 'posted';
        break;
      }
      case 'exception':
        events.push(invoiceExceptionEvent(invoice, outcome.exception, now));
        result = 'exception';
        break;
      case 'await-receipt':
        result = 'still-waiting';
        break;
    }

    if (events.length > 0) await publish(events.map((event) => toOutboundRecord(this.deps.encoder, event)));

    const next = events.reduce<InvoiceRecord | null>((state, event) => projectInvoice(state, event), record);
    if (next === null) throw new Error(`invoice ${view.invoiceId} has no record after its events`);
    await store.saveInvoice({
      record: next,
      businessKey,
      billed: outcome.kind === 'matched' ? billedQuantities(invoice) : [],
      waiting:
        outcome.kind === 'await-receipt'
          ? { invoiceId: view.invoiceId, poNumber: outcome.poNumber, until: outcome.until, shortfalls: outcome.shortfalls, decidedAt: now }
          : null,
    });
    return result;
  }
}
