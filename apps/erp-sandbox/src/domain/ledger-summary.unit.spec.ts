import { summariseLedger } from './ledger-summary';
import type { LedgerEntry } from './posting';

let sequence = 0;
function entry(fields: Partial<LedgerEntry>): LedgerEntry {
  sequence += 1;
  return {
    sequence,
    documentNumber: `ENC-${sequence}`,
    idempotencyKey: `k${sequence}`,
    fingerprint: 'f',
    kind: 'ENCUMBRANCE',
    businessKey: `PO-${sequence}`,
    subjectId: 'PO',
    facilityId: 'F1',
    currency: 'USD',
    amount: '0.10',
    direction: 'ENCUMBER',
    acceptedAt: '2026-03-01T10:00:00.000Z',
    record: {},
    ...fields,
  };
}

describe('summarising the ledger', () => {
  it('when amounts would drift as floats › totals them exactly as decimal strings', () => {
    const summary = summariseLedger([entry({ amount: '0.10' }), entry({ amount: '0.20' }), entry({ amount: '0.0001' })]);
    expect(summary.groups).toEqual([
      { kind: 'ENCUMBRANCE', facilityId: 'F1', day: '2026-03-01', currency: 'USD', direction: 'ENCUMBER', count: 3, total: '0.3001' },
    ]);
  });

  it('when postings differ in facility, day, currency or direction › keeps them in separate groups and never mixes currencies', () => {
    const summary = summariseLedger([
      entry({ amount: '1.00' }),
      entry({ amount: '2.00', currency: 'EUR' }),
      entry({ amount: '3.00', facilityId: 'F2' }),
      entry({ amount: '4.00', acceptedAt: '2026-03-02T00:00:00.000Z' }),
      entry({ amount: '5.00', direction: 'RELIEVE' }),
    ]);
    expect(summary.groups.map((g) => `${g.day} ${g.facilityId} ${g.currency} ${g.direction} ${g.total}`)).toEqual([
      '2026-03-01 F1 EUR ENCUMBER 2.00',
      '2026-03-01 F1 USD ENCUMBER 1.00',
      '2026-03-01 F1 USD RELIEVE 5.00',
      '2026-03-01 F2 USD ENCUMBER 3.00',
      '2026-03-02 F1 USD ENCUMBER 4.00',
    ]);
  });

  it('when postings carry no money › counts them with a null total', () => {
    const summary = summariseLedger([
      entry({ kind: 'VENDOR_UPSERT', amount: null, currency: null, direction: null, facilityId: null }),
      entry({ kind: 'AP_INVOICE', amount: '-5.00', direction: null }),
    ]);
    expect(summary.count).toBe(2);
    expect(summary.byKind).toEqual([
      { kind: 'AP_INVOICE', count: 1 },
      { kind: 'VENDOR_UPSERT', count: 1 },
    ]);
    expect(summary.groups.map((g) => [g.kind, g.total])).toEqual([
      ['AP_INVOICE', '-5.00'],
      ['VENDOR_UPSERT', null],
    ]);
  });
});
