import { stableEventId } from '@procurelink/canonical-schemas';

/** The source system name AP automation's invoices carry in their envelopes. */
export const AP_AUTOMATION_SYSTEM = 'ap-automation';

/** One correlation id per procure-to-pay chain: the PO's (as po-sync computes it); a non-PO invoice has its own. */
export function correlationIdOf(poNumber: string | null, invoiceId: string): string {
  return poNumber === null ? stableEventId('procure-to-pay', 'invoice', invoiceId) : stableEventId('procure-to-pay', poNumber);
}

/**
 * The runtime event id of a raw AP automation record, before it is parsed: the same captured
 * invoice delivered twice has one id (the runtime's claim skips the copy); a record re-sent with
 * different content gets a new one. Undefined when the record has no invoice id (it dead-letters).
 */
export function rawApInvoiceEventId(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v['invoiceId'] !== 'string') return undefined;
  return stableEventId(AP_AUTOMATION_SYSTEM, v['invoiceId'].trim(), JSON.stringify(value));
}
