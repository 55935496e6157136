import type { LedgerEntry } from '../play/ports';
import { duplicatesByBusinessKey, invoiceOutcomeLines, ledgerLines, topicGrowth } from './summarise';

const entry = (kind: LedgerEntry['kind'], businessKey: string, extra: Partial<LedgerEntry> = {}): LedgerEntry => ({
  sequence: 1,
  kind,
  documentNumber: 'X-1',
  businessKey,
  idempotencyKey: businessKey,
  subjectId: businessKey,
  facilityId: null,
  currency: null,
  amount: null,
  direction: null,
  acceptedAt: '2026-01-01T00:00:00Z',
  record: {},
  ...extra,
});

describe('the run summary', () => {
  it('counts only the topics that grew during the run', () => {
    expect(topicGrowth({ a: 5, b: 2 }, { a: 7, b: 2, c: 1 })).toEqual([
      { topic: 'a', added: 2 },
      { topic: 'c', added: 1 },
    ]);
  });

  it('counts ledger postings by kind, encumbrances by direction and payments by status', () => {
    const lines = ledgerLines([
      entry('ENCUMBRANCE', 'e1', { direction: 'ENCUMBER' }),
      entry('ENCUMBRANCE', 'e2', { direction: 'ENCUMBER' }),
      entry('ENCUMBRANCE', 'e3', { direction: 'RELEASE' }),
      entry('PAYMENT_STATUS', 'p1', { record: { status: 'COMPLETED' } }),
    ]);
    expect(lines).toContain(`  ${'ENCUMBRANCE ENCUMBER'.padEnd(28)} 2`);
    expect(lines).toContain(`  ${'ENCUMBRANCE RELEASE'.padEnd(28)} 1`);
    expect(lines).toContain(`  ${'PAYMENT_STATUS COMPLETED'.padEnd(28)} 1`);
    expect(lines.at(-1)).toBe('  no business key posted twice');
  });

  it('names a business key the ERP accepted twice', () => {
    expect(duplicatesByBusinessKey([entry('AP_INVOICE', 'INV-1'), entry('AP_INVOICE', 'INV-1'), entry('AP_INVOICE', 'INV-2')])).toEqual(['INV-1']);
  });

  it('does not count a supplier updated by a second change as doubled, only the same change twice', () => {
    const first = entry('VENDOR_UPSERT', 'V-1', { idempotencyKey: 'vendor:V-1:a' });
    const second = entry('VENDOR_UPSERT', 'V-1', { idempotencyKey: 'vendor:V-1:b' });
    expect(duplicatesByBusinessKey([first, second])).toEqual([]);
    expect(duplicatesByBusinessKey([first, first])).toEqual(['vendor:V-1:a']);
  });

  it('counts invoice outcomes: postings, and exceptions by reason', () => {
    expect(
      invoiceOutcomeLines([
        { eventType: 'InvoiceReceived' },
        { eventType: 'InvoicePosted' },
        { eventType: 'InvoiceException', reason: 'DUPLICATE' },
        { eventType: 'InvoiceException', reason: 'DUPLICATE' },
      ]),
    ).toEqual([`  ${'InvoiceException DUPLICATE'.padEnd(28)} 2`, `  ${'InvoicePosted'.padEnd(28)} 1`]);
  });
});
