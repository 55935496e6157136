// Builders for the invoice decision specs: a small hospital order of gloves and syringes.
import { Decimal, type Money } from '@procurelink/canonical-schemas';
import type { InvoiceDecisionInput } from './decide-invoice';
import type { InvoiceForDecision, InvoiceLineForDecision } from './invoice';
import type { EarlierInvoice, PurchaseOrderView, ReceiptView } from './lookups';
import { DEFAULT_MATCH_CONFIG, type InvoiceMatchConfig } from './match-config';
import type { Tolerance } from './tolerance';

export const d = (text: string): Decimal => Decimal.parse(text);
export const usd = (amount: string, currency = 'USD'): Money => ({ amount: d(amount), currency });

export const RECEIVED_AT = new Date('2025-06-06T10:00:00.000Z');
export const HOUR = 3_600_000;

/** A line whose amount is quantity × unit price, unless given. */
export function line(
  lineNumber: number,
  poLineNumber: number | null,
  quantity: string,
  unitPrice: string,
  extra: Partial<InvoiceLineForDecision> = {},
): InvoiceLineForDecision {
  const q = d(quantity);
  const p = d(unitPrice);
  return {
    lineNumber,
    poLineNumber,
    description: `line ${lineNumber}`,
    gtin: null,
    quantity: q,
    unitPrice: { amount: p, currency: 'USD' },
    lineAmount: { amount: q.multiply(p).roundHalfEven(4), currency: 'USD' },
    taxAmount: null,
    ...extra,
  };
}

/** 10 boxes of gloves at 8.50 (PO line 1) and 4 boxes of syringes at 25.00 (PO line 2). */
export const STANDARD_LINES = [line(1, 1, '10', '8.5000'), line(2, 2, '4', '25.0000')];

/** An invoice whose subtotal and total add up its lines (no tax), unless overridden. */
export function invoice(overrides: Partial<InvoiceForDecision> = {}): InvoiceForDecision {
  const lines = overrides.lines ?? STANDARD_LINES;
  const subtotal = lines.reduce((sum, l) => sum.add(l.lineAmount.amount), d('0.0000'));
  return {
    invoiceId: 'INV-5001',
    supplierId: 'SUP-1',
    invoiceNumber: 'A-00123',
    invoiceDate: '2025-06-06',
    facilityId: 'FAC-01',
    receivedAt: RECEIVED_AT,
    poNumber: 'PO-1001',
    lines,
    subtotal: { amount: subtotal, currency: 'USD' },
    taxAmount: usd('0.0000'),
    total: { amount: subtotal, currency: 'USD' },
    ...overrides,
  };
}

export function purchaseOrder(overrides: Partial<PurchaseOrderView> = {}): PurchaseOrderView {
  return {
    poNumber: 'PO-1001',
    supplierId: 'SUP-1',
    status: 'OPEN',
    currency: 'USD',
    lines: [
      { lineNumber: 1, quantity: d('10'), unitPrice: usd('8.5000') },
      { lineNumber: 2, quantity: d('4'), unitPrice: usd('25.0000') },
    ],
    ...overrides,
  };
}

export function receipt(receiptId: string, lines: Record<number, string>, poNumber = 'PO-1001'): ReceiptView {
  return {
    receiptId,
    poNumber,
    lines: Object.entries(lines).map(([poLineNumber, quantity]) => ({ poLineNumber: Number(poLineNumber), quantity: d(quantity) })),
  };
}

export const FULL_RECEIPT = receipt('RCV-77', { 1: '10', 2: '4' });

export function earlier(invoiceId: string, invoiceNumber: string, total: string, overrides: Partial<EarlierInvoice> = {}): EarlierInvoice {
  return { invoiceId, supplierId: 'SUP-1', invoiceNumber, invoiceDate: '2025-06-01', total: usd(total), ...overrides };
}

/** Everything in order for the standard invoice: active supplier, open PO, fully received, nothing invoiced before. */
export function decisionInput(overrides: Partial<InvoiceDecisionInput> = {}): InvoiceDecisionInput {
  return {
    invoice: invoice(),
    supplier: { status: 'ACTIVE' },
    earlierInvoices: [],
    purchaseOrder: purchaseOrder(),
    receipts: [FULL_RECEIPT],
    alreadyInvoiced: [],
    waitingUntil: null,
    ...overrides,
  };
}

export function config(
  defaults: Partial<Tolerance> = {},
  rest: Partial<Omit<InvoiceMatchConfig, 'tolerance'>> & { facilityOverrides?: InvoiceMatchConfig['tolerance']['facilityOverrides'] } = {},
): InvoiceMatchConfig {
  const { facilityOverrides = {}, ...others } = rest;
  return {
    ...DEFAULT_MATCH_CONFIG,
    ...others,
    tolerance: { defaults: { ...DEFAULT_MATCH_CONFIG.tolerance.defaults, ...defaults }, facilityOverrides },
  };
}

/** A moment after the invoice arrived, well inside the default 72 h receipt wait. */
export const SOON = new Date(RECEIVED_AT.getTime() + HOUR);
