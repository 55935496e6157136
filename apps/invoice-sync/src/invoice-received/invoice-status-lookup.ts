import type { InvoiceSyncStore } from './ports/invoice-sync-store';
import type { InvoiceRecord, WaitingEntry } from './projection/invoice-state';

/** What the service knows of one invoice: its record and, while it waits for a receipt or its PO, the waiting entry. */
export interface InvoiceStatusView {
  readonly record: InvoiceRecord;
  readonly waiting: WaitingEntry | null;
}

/** Reads an invoice's lifecycle from invoice-sync's state (for GET /v1/invoices/:invoiceId). */
export class InvoiceStatusLookup {
  constructor(private readonly store: Pick<InvoiceSyncStore, 'invoice' | 'waiting'>) {}

  /** Null when the invoice was never received (or not yet: a submission is processed asynchronously). */
  async byId(invoiceId: string): Promise<InvoiceStatusView | null> {
    const [record, waiting] = await Promise.all([this.store.invoice(invoiceId), this.store.waiting(invoiceId)]);
    if (record === null) return null;
    return { record, waiting: record.status === 'received' ? waiting : null };
  }
}
