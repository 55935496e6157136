import { erpPaymentRecord, type PayableInvoice } from '../day/payment-records';
import { SOURCE_TOPICS } from '../day/source-topics';
import type { SourceWriter, SystemApi } from './ports';

export interface ReleaseOptions {
  readonly supplierId: string;
  readonly topicPrefix: string;
  readonly deadlineMs: number;
  readonly now: () => Date;
  readonly say: (line: string) => void;
  readonly sleep: (ms: number) => Promise<void>;
}

async function poll<T>(what: string, probe: () => Promise<T | undefined>, options: ReleaseOptions): Promise<T> {
  const deadline = Date.now() + options.deadlineMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up after ${options.deadlineMs} ms waiting for ${what}`);
    await options.sleep(1000);
  }
}

/**
 * The end of the bank-change story: AP calls the supplier back, confirms the new bank details
 * through the supplier API (which releases the hold), and the ERP schedules and pays the held
 * invoices again.
 */
export async function confirmBankChangeAndPayHeld(api: SystemApi, writer: SourceWriter, held: readonly PayableInvoice[], options: ReleaseOptions): Promise<void> {
  const changeId = await poll('the supplier hold', async () => {
    const answer = await api.suppliers.get(`/v1/suppliers/${encodeURIComponent(options.supplierId)}`);
    const hold = (answer.body as { hold?: { changeId?: string } | null }).hold;
    return answer.status === 200 && hold?.changeId ? hold.changeId : undefined;
  }, options);
  const confirmed = await api.suppliers.post(`/v1/suppliers/${encodeURIComponent(options.supplierId)}/bank-details-confirmations`, { changeId });
  if (confirmed.status !== 200) throw new Error(`the bank-details confirmation answered ${confirmed.status}: ${JSON.stringify(confirmed.body)}`);
  options.say(`  AP called ${options.supplierId} back and confirmed the new bank details through the supplier API: hold released`);
  if (held.length === 0) return;
  const first = held[0] as PayableInvoice;
  await poll('payment-status to see the release', async () => {
    const answer = await api.payments.get(`/v1/payments/${encodeURIComponent(`PAY-${first.invoiceId}`)}`);
    return answer.status === 200 && (answer.body as { supplierHold?: unknown }).supplierHold === null ? true : undefined;
  }, options);
  const topic = `${options.topicPrefix}${SOURCE_TOPICS.erpPayment}`;
  const send = (invoice: PayableInvoice, step: Parameters<typeof erpPaymentRecord>[2]): Promise<void> =>
    writer.write({ topic, key: `PAY-${invoice.invoiceId}`, value: JSON.stringify(erpPaymentRecord(`PAY-${invoice.invoiceId}`, invoice, step, options.now())) });
  for (const invoice of held) await send(invoice, { status: 'SCHEDULED', scheduledDate: options.now().toISOString().slice(0, 10) });
  await options.sleep(2000);
  for (const invoice of held) await send(invoice, { status: 'COMPLETED', bankReference: `ACH-PAY-${invoice.invoiceId}` });
  options.say(`  ERP scheduled and paid the ${held.length} held payments to the confirmed account`);
}
