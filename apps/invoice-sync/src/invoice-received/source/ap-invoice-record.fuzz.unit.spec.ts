// Property-based fuzzing of invoice-sync's source path (parse → map → business key → three-way
// match → ERP request) with thousands of broken AP automation invoices: every input ends as a
// parsed invoice or problems with a path (dead-lettered as INVALID_INPUT), never a throw; what
// parses is decided (posted, an exception with a reason, or a wait) without a throw.
import { Decimal } from '@procurelink/canonical-schemas';
import { classify, invalidInput } from '@procurelink/messaging';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the shared fuzz helpers live in test/faults (spec files only)
import { badInputsLike, fuzz } from '../../../../../test/faults/fuzz';
import { DEFAULT_MATCH_CONFIG, decideInvoice, invoiceBusinessKey, invoiceForDecision } from '../domain';
import { erpIdempotencyKey, toApInvoiceRequest, toInvoiceReceived } from '../mapping';
import { describeProblems, parseApInvoiceRecord } from '.';

const validInvoice = {
  invoiceId: 'INV-9001',
  supplierId: 'V-10001',
  supplierInvoiceNumber: 'SI-4471',
  invoiceDate: '2026-03-05',
  dueDate: '2026-04-04',
  facilityId: 'FAC-NORTH',
  poNumber: 'PO-9001',
  currency: 'USD',
  capturedAt: '2026-03-05T09:30:00Z',
  lines: [
    { lineNumber: 1, poLineNumber: 1, description: 'Gloves', gtin: '00812345678905', unitOfMeasure: 'BX', quantity: '20', unitPrice: '8.95', lineAmount: '179.00' },
    { lineNumber: 2, poLineNumber: 2, description: 'Saline', gtin: '00812345678912', unitOfMeasure: 'EA', quantity: '12', unitPrice: '2.50', lineAmount: '30.00' },
  ],
  subtotal: '209.00',
  taxAmount: '0.00',
  total: '209.00',
};
const usd = (amount: string) => ({ amount: Decimal.parse(amount), currency: 'USD' });
const lookups = {
  supplier: { status: 'ACTIVE' as const },
  earlierInvoices: [{ invoiceId: 'INV-8000', supplierId: 'V-10001', invoiceNumber: 'SI-4417', invoiceDate: '2026-03-01', total: usd('210.00') }],
  purchaseOrder: {
    poNumber: 'PO-9001',
    supplierId: 'V-10001',
    status: 'OPEN' as const,
    currency: 'USD',
    lines: [
      { lineNumber: 1, quantity: Decimal.parse('20'), unitPrice: usd('8.95') },
      { lineNumber: 2, quantity: Decimal.parse('12'), unitPrice: usd('2.50') },
    ],
  },
  receipts: [{ receiptId: 'GR-9001', poNumber: 'PO-9001', lines: [{ poLineNumber: 1, quantity: Decimal.parse('20') }, { poLineNumber: 2, quantity: Decimal.parse('12') }] }],
  alreadyInvoiced: [],
  waitingUntil: null,
};
const OUTCOMES = ['matched', 'exception', 'await-receipt'];

describe('AP automation invoices under fuzzing', () => {
  it('the valid invoice the mutations start from parses and matches', () => {
    const parsed = parseApInvoiceRecord(validInvoice);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const view = invoiceForDecision(toInvoiceReceived(parsed.record, { tenant: 'demo-health' }));
    expect(decideInvoice({ ...lookups, invoice: view }, { config: DEFAULT_MATCH_CONFIG, now: new Date('2026-03-05T10:00:00Z') }).outcome.kind).toBe('matched');
  });

  it('when invoices are broken in thousands of ways › each parses or is refused with problems (INVALID_INPUT), and what parses is matched, excepted or kept waiting without a throw', () => {
    const cases = fuzz('invoice-sync: AP invoice → parse, map, business key, three-way match, ERP request', badInputsLike(validInvoice), (raw) => {
      const parsed = parseApInvoiceRecord(raw);
      if (!parsed.ok) {
        expect(parsed.problems.length).toBeGreaterThan(0);
        for (const p of parsed.problems) expect([typeof p.path, /\S/.test(p.message)]).toEqual(['string', true]);
        expect(classify(invalidInput(describeProblems(parsed.problems))).code).toBe('INVALID_INPUT');
        return;
      }
      const invoice = toInvoiceReceived(parsed.record, { tenant: 'demo-health' });
      const view = invoiceForDecision(invoice);
      const key = invoiceBusinessKey(view);
      expect(key).toMatch(/^invoice:/);
      const decision = decideInvoice({ ...lookups, invoice: view }, { config: DEFAULT_MATCH_CONFIG, now: new Date('2026-03-05T10:00:00Z') });
      expect(OUTCOMES).toContain(decision.outcome.kind);
      if (decision.outcome.kind === 'matched') {
        toApInvoiceRequest(invoice);
        expect(erpIdempotencyKey(key).length).toBeGreaterThan(0);
      }
    });
    expect(cases).toBeGreaterThanOrEqual(1000);
  });
});
