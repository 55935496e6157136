import { SOURCE_TOPICS } from '../day/source-topics';
import type { ErpSandboxControls, LedgerReader, SourceWriter } from './ports';

export interface OperationsEpisodeOptions {
  readonly topicPrefix: string;
  /** How many tries the invoice consumer makes (1 + its retries): the ERP refuses exactly that many. */
  readonly attempts: number;
  readonly deadlineMs: number;
  readonly say: (line: string) => void;
  readonly sleep: (ms: number) => Promise<void>;
}

export interface OperationsEpisode {
  /** The invoice left on the dead-letter topic for an operator to replay. */
  readonly deadLetteredInvoiceId: string;
  /** The ERP document whose amount was altered, for reconciliation to find. */
  readonly tamperedDocument: string | null;
}

/**
 * Work for the operations console: the ERP refuses one invoice on every try (a hiccup longer
 * than the retries), so it ends on invoice-sync's dead-letter topic, replayable once the ERP is
 * back; and one posted AP invoice's amount is altered in the ERP, a mismatch for reconciliation.
 */
export async function playOperationsEpisode(
  erp: ErpSandboxControls,
  ledger: LedgerReader,
  writer: SourceWriter,
  invoice: { readonly invoiceId: string; readonly value: object },
  options: OperationsEpisodeOptions,
): Promise<OperationsEpisode> {
  await erp.setFault({ mode: 'fail', capability: 'ap-invoices', status: 503, count: options.attempts });
  await writer.write({ topic: `${options.topicPrefix}${SOURCE_TOPICS.apInvoice}`, key: invoice.invoiceId, value: JSON.stringify(invoice.value) });
  options.say(`  the ERP refuses invoice ${invoice.invoiceId} ${options.attempts} times (503): after its retries it waits on procurelink.invoice-sync.dlt for an operator`);
  const posted = (await ledger.entries({ kind: 'AP_INVOICE' })).filter((entry) => entry.subjectId !== invoice.invoiceId);
  const target = posted.at(-1);
  let tamperedDocument: string | null = null;
  if (target?.amount) {
    await erp.tamper({ action: 'alter', documentNumber: target.documentNumber, amount: '1.00' });
    tamperedDocument = target.documentNumber;
    options.say(`  someone edits ERP document ${target.documentNumber} (invoice ${target.subjectId}) by hand: its amount is now 1.00 — reconciliation will name it`);
  }
  return { deadLetteredInvoiceId: invoice.invoiceId, tamperedDocument };
}
