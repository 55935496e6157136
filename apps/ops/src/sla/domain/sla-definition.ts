/** Where the clock of an SLA stops: an ERP posting of a kind, or a canonical event ops saw. */
export type SlaEnd =
  | { readonly erpKind: 'ENCUMBRANCE' | 'AP_INVOICE' | 'PAYMENT_STATUS'; readonly sameStatus?: boolean }
  | { readonly events: readonly string[] };

/** A service level: from a document's start event, its end must follow within `withinMs`. */
export interface SlaDefinition {
  readonly id: string;
  readonly description: string;
  readonly docType: 'PURCHASE_ORDER' | 'INVOICE' | 'PAYMENT';
  /** Canonical event types that start the clock (one evaluation per start event). */
  readonly startEvents: readonly string[];
  readonly end: SlaEnd;
  readonly withinMs: number;
}

export const DEFAULT_SLAS: readonly SlaDefinition[] = [
  {
    id: 'po-in-erp',
    description: 'PO encumbered in the ERP within 5 minutes of approval',
    docType: 'PURCHASE_ORDER',
    startEvents: ['PurchaseOrderApproved'],
    end: { erpKind: 'ENCUMBRANCE' },
    withinMs: 5 * 60_000,
  },
  {
    id: 'invoice-posted',
    description: 'invoice posted within a day of matching',
    docType: 'INVOICE',
    startEvents: ['InvoiceMatched'],
    end: { events: ['InvoicePosted'] },
    withinMs: 24 * 3_600_000,
  },
  {
    id: 'payment-status-back',
    description: 'payment status acknowledged back in the ERP within an hour',
    docType: 'PAYMENT',
    startEvents: ['PaymentScheduled', 'PaymentCompleted', 'PaymentFailed', 'PaymentVoided'],
    end: { erpKind: 'PAYMENT_STATUS', sameStatus: true },
    withinMs: 3_600_000,
  },
];

/** The payment status a payment event announces, matched against the ERP acknowledgement's status. */
export const STATUS_OF_START_EVENT: Readonly<Record<string, string>> = {
  PaymentScheduled: 'SCHEDULED',
  PaymentCompleted: 'COMPLETED',
  PaymentFailed: 'FAILED',
  PaymentVoided: 'VOIDED',
};

const ID = /^[a-z0-9][a-z0-9-]{0,62}$/;
const EVENT = /^[A-Z][A-Za-z]{2,80}$/;
const DOC_TYPES = ['PURCHASE_ORDER', 'INVOICE', 'PAYMENT'];
const ERP_KINDS = ['ENCUMBRANCE', 'AP_INVOICE', 'PAYMENT_STATUS'];

/** Parses OPS_SLAS (a JSON list of definitions); every problem names the variable and the entry. */
export function parseSlaDefinitions(json: string): { ok: true; value: SlaDefinition[] } | { ok: false; problems: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { ok: false, problems: ['OPS_SLAS: must be a JSON list of SLA definitions'] };
  }
  if (!Array.isArray(raw)) return { ok: false, problems: ['OPS_SLAS: must be a JSON list of SLA definitions'] };
  const problems: string[] = [];
  const seen = new Set<string>();
  const value = raw.map((entry: unknown, index) => {
    const at = `OPS_SLAS[${index}]`;
    const e = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    const id = e['id'];
    if (typeof id !== 'string' || !ID.test(id)) problems.push(`${at}.id: must be a lower-case name such as po-in-erp`);
    else if (seen.has(id)) problems.push(`${at}.id: ${id} is defined twice`);
    else seen.add(id);
    if (typeof e['description'] !== 'string' || e['description'].length === 0 || e['description'].length > 200) problems.push(`${at}.description: must be a text of 1–200 characters`);
    if (!DOC_TYPES.includes(e['docType'] as string)) problems.push(`${at}.docType: must be one of ${DOC_TYPES.join(', ')}`);
    if (!isEventList(e['startEvents'])) problems.push(`${at}.startEvents: must be a non-empty list of event types such as PurchaseOrderApproved`);
    const withinMs = e['withinMs'];
    if (typeof withinMs !== 'number' || !Number.isSafeInteger(withinMs) || withinMs <= 0) problems.push(`${at}.withinMs: must be a whole number of milliseconds above 0`);
    const end = (typeof e['end'] === 'object' && e['end'] !== null ? e['end'] : {}) as Record<string, unknown>;
    const erpEnd = ERP_KINDS.includes(end['erpKind'] as string) && (end['sameStatus'] === undefined || typeof end['sameStatus'] === 'boolean');
    const eventEnd = end['erpKind'] === undefined && isEventList(end['events']);
    if (!erpEnd && !eventEnd) problems.push(`${at}.end: must be { "erpKind": ${ERP_KINDS.join('|')}, "sameStatus"?: boolean } or { "events": [event types] }`);
    return entry as SlaDefinition;
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value };
}

function isEventList(value: unknown): value is string[] {
  return Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string' && EVENT.test(item));
}
