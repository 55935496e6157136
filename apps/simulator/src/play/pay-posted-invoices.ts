import { erpPaymentRecord, type PayableInvoice, type PaymentStep } from '../day/payment-records';
import { SOURCE_TOPICS } from '../day/source-topics';
import type { LedgerEntry, LedgerReader, SourceWriter } from './ports';

export interface PaymentRunOptions {
  readonly topicPrefix: string;
  /** Only invoices posted by this run (their ids carry the run's number). */
  readonly invoiceIdContains: string;
  /** How long to wait for the ERP's AP postings to settle. */
  readonly settleMs: number;
  /** The supplier whose bank details changed: the ERP schedules its payments but cannot release them while they are held. */
  readonly heldSupplierId: string;
  readonly deadlineMs: number;
  readonly now: () => Date;
  readonly say: (line: string) => void;
  readonly sleep: (ms: number) => Promise<void>;
}

function toPayable(entry: LedgerEntry): PayableInvoice {
  const record = entry.record;
  return {
    invoiceId: entry.subjectId,
    supplierId: String(record['supplierId']),
    facilityId: entry.facilityId ?? String(record['facilityId'] ?? 'UNKNOWN'),
    amount: entry.amount ?? '0',
    currency: entry.currency ?? 'USD',
    poNumber: typeof record['poNumber'] === 'string' ? record['poNumber'] : null,
  };
}

/** The ERP's side of the day: once AP postings stop arriving, schedule a payment for each posted invoice, then pay it (the first one fails at the bank). */
export interface PaymentRun {
  readonly scheduled: number;
  /** The invoices of the supplier whose payments are held: scheduled, refused while held. */
  readonly held: readonly PayableInvoice[];
}

export async function payPostedInvoices(ledger: LedgerReader, writer: SourceWriter, options: PaymentRunOptions): Promise<PaymentRun> {
  const started = Date.now();
  let seen = -1;
  let stableSince = Date.now();
  let posted: LedgerEntry[] = [];
  while (Date.now() - started < options.deadlineMs) {
    posted = (await ledger.entries({ kind: 'AP_INVOICE' })).filter((entry) => entry.subjectId.includes(options.invoiceIdContains));
    if (posted.length !== seen) {
      seen = posted.length;
      stableSince = Date.now();
    } else if (posted.length > 0 && Date.now() - stableSince >= options.settleMs) {
      break;
    }
    await options.sleep(1000);
  }
  const topic = `${options.topicPrefix}${SOURCE_TOPICS.erpPayment}`;
  const send = async (paymentId: string, invoice: PayableInvoice, step: PaymentStep): Promise<void> =>
    writer.write({ topic, key: paymentId, value: JSON.stringify(erpPaymentRecord(paymentId, invoice, step, options.now())) });
  const invoices = posted.map(toPayable);
  const today = options.now().toISOString().slice(0, 10);
  for (const invoice of invoices) await send(`PAY-${invoice.invoiceId}`, invoice, { status: 'SCHEDULED', scheduledDate: today });
  options.say(`  ERP scheduled ${invoices.length} payments for the invoices it posted`);
  await options.sleep(2000);
  const payable = invoices.filter((invoice) => invoice.supplierId !== options.heldSupplierId);
  const held = invoices.length - payable.length;
  if (held > 0) options.say(`  ${held} of them are for ${options.heldSupplierId}, whose bank details changed: held, not paid`);
  for (const [index, invoice] of payable.entries()) {
    const paymentId = `PAY-${invoice.invoiceId}`;
    if (index === 0) await send(paymentId, invoice, { status: 'FAILED', failureCode: 'R03', failureReason: 'no account / unable to locate account' });
    else await send(paymentId, invoice, { status: 'COMPLETED', bankReference: `ACH-${paymentId}` });
  }
  options.say(`  ERP paid ${Math.max(0, payable.length - 1)} of them; 1 payment failed at the bank (R03)`);
  return { scheduled: invoices.length, held: invoices.filter((invoice) => invoice.supplierId === options.heldSupplierId) };
}
