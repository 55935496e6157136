import type { LedgerEntry } from './posting';
import { alterEntry, parseTamper } from './tamper';

describe('a tamper request', () => {
  it('when it alters an amount › names the document and the new amount', () => {
    expect(parseTamper({ action: 'alter', documentNumber: 'ENC-00000042', amount: '99.99' })).toEqual({
      ok: true,
      value: { action: 'alter', documentNumber: 'ENC-00000042', amount: '99.99', currency: null },
    });
  });

  it('when an alter changes nothing, or a delete carries an amount › is refused', () => {
    expect(parseTamper({ action: 'alter', documentNumber: 'ENC-00000042' })).toMatchObject({ ok: false, problems: [{ path: 'amount', code: 'MISSING' }] });
    expect(parseTamper({ action: 'delete', documentNumber: 'ENC-00000042', amount: '1' })).toMatchObject({
      ok: false,
      problems: [{ path: 'action', code: 'INCONSISTENT' }],
    });
  });

  it('when an entry is altered › its money fields and its kept record change together', () => {
    const entry = { amount: '10.00', currency: 'USD', record: { amount: '10.00', currency: 'USD', poNumber: 'PO-1' } } as unknown as LedgerEntry;
    expect(alterEntry(entry, '12.00', null)).toMatchObject({ amount: '12.00', currency: 'USD', record: { amount: '12.00', currency: 'USD', poNumber: 'PO-1' } });
  });
});
