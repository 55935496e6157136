import { Decimal, type InvoiceLine, type InvoiceReceived, type Money } from '@procurelink/canonical-schemas';
import type { ReceiptShortfall, ReceiptView } from '../domain';
import type { InvoiceRecord, RecordedException, StoredPurchaseOrder, WaitingEntry } from './invoice-state';

// How state is kept in Redis: plain JSON, money and quantities as decimal strings, instants as ISO strings.

type Json = Record<string, unknown>;
interface MoneyJson {
  readonly amount: string;
  readonly currency: string;
}

const moneyFrom = (json: MoneyJson): Money => ({ amount: Decimal.parse(json.amount), currency: json.currency });

/** Decimals become strings through Decimal.toJSON, Dates through Date.toJSON. */
export const toJson = (value: unknown): string => JSON.stringify(value);

export function purchaseOrderFromJson(text: string): StoredPurchaseOrder {
  const json = JSON.parse(text) as Omit<StoredPurchaseOrder, 'lines'> & { lines: Array<{ lineNumber: number; quantity: string; unitPrice: MoneyJson }> };
  return { ...json, lines: json.lines.map((line) => ({ lineNumber: line.lineNumber, quantity: Decimal.parse(line.quantity), unitPrice: moneyFrom(line.unitPrice) })) };
}

export function receiptFromJson(text: string): ReceiptView {
  const json = JSON.parse(text) as { receiptId: string; poNumber: string; lines: Array<{ poLineNumber: number; quantity: string }> };
  return { ...json, lines: json.lines.map((line) => ({ poLineNumber: line.poLineNumber, quantity: Decimal.parse(line.quantity) })) };
}

/** Records written before matchedAt / postedAt / exception were kept read them as null. */
export function invoiceRecordFromJson(text: string): InvoiceRecord {
  const json = JSON.parse(text) as Omit<InvoiceRecord, 'invoice' | 'matchedAt' | 'postedAt' | 'exception'> & {
    invoice: Json;
    matchedAt?: string | null;
    postedAt?: string | null;
    exception?: Json | null;
  };
  const instant = (value: string | null | undefined): Date | null => (value === null || value === undefined ? null : new Date(value));
  return {
    ...json,
    invoice: invoiceFromJson(json.invoice),
    matchedAt: instant(json.matchedAt),
    postedAt: instant(json.postedAt),
    exception: json.exception === null || json.exception === undefined ? null : exceptionFromJson(json.exception),
  };
}

function exceptionFromJson(json: Json): RecordedException {
  const amount = json['varianceAmount'] as MoneyJson | null | undefined;
  const percent = json['variancePercent'] as string | null | undefined;
  return {
    reason: json['reason'] as RecordedException['reason'],
    detail: json['detail'] as string,
    duplicateOfInvoiceId: (json['duplicateOfInvoiceId'] as string | null | undefined) ?? null,
    varianceAmount: amount === null || amount === undefined ? null : moneyFrom(amount),
    variancePercent: percent === null || percent === undefined ? null : Decimal.parse(percent),
    raisedAt: new Date(json['raisedAt'] as string),
  };
}

function invoiceFromJson(json: Json): InvoiceReceived {
  const envelope = json['envelope'] as Json;
  const lines = json['lines'] as Json[];
  return {
    ...(json as unknown as InvoiceReceived),
    envelope: { ...(envelope as unknown as InvoiceReceived['envelope']), occurredAt: new Date(envelope['occurredAt'] as string) },
    lines: lines.map(
      (line): InvoiceLine => ({
        ...(line as unknown as InvoiceLine),
        quantity: Decimal.parse(line['quantity'] as string),
        unitPrice: moneyFrom(line['unitPrice'] as MoneyJson),
        lineAmount: moneyFrom(line['lineAmount'] as MoneyJson),
        taxAmount: line['taxAmount'] === null ? null : moneyFrom(line['taxAmount'] as MoneyJson),
      }),
    ),
    subtotal: moneyFrom(json['subtotal'] as MoneyJson),
    taxAmount: moneyFrom(json['taxAmount'] as MoneyJson),
    totalAmount: moneyFrom(json['totalAmount'] as MoneyJson),
  };
}

const DECIMAL_POSITION_FIELDS = ['ordered', 'received', 'previouslyInvoiced', 'invoiced', 'cumulative', 'receiptLimit', 'orderLimit'] as const;

export function waitingFromJson(text: string): WaitingEntry {
  const json = JSON.parse(text) as { invoiceId: string; poNumber: string; until: string; decidedAt: string; shortfalls: Json[] };
  return {
    invoiceId: json.invoiceId,
    poNumber: json.poNumber,
    until: new Date(json.until),
    decidedAt: new Date(json.decidedAt),
    shortfalls: json.shortfalls.map((s) => {
      const decimals = Object.fromEntries(DECIMAL_POSITION_FIELDS.map((field) => [field, Decimal.parse(s[field] as string)]));
      return { ...(s as unknown as ReceiptShortfall), ...decimals } as ReceiptShortfall;
    }),
  };
}
