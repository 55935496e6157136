import { DEFAULT_LEDGER_LIMIT, matchesFilter, parseLedgerQuery } from './ledger-query';
import type { LedgerEntry } from './posting';

const ENTRY: LedgerEntry = {
  sequence: 5,
  documentNumber: 'APV-00000005',
  idempotencyKey: 'k',
  fingerprint: 'f',
  kind: 'AP_INVOICE',
  businessKey: 'INV-7',
  subjectId: 'INV-7',
  facilityId: 'F1',
  currency: 'USD',
  amount: '1.00',
  direction: null,
  acceptedAt: '2026-03-01T10:00:00.000Z',
  record: {},
};

describe('reading a ledger query', () => {
  it('when nothing is asked › matches everything up to the default limit', () => {
    const parsed = parseLedgerQuery({});
    expect(parsed).toMatchObject({ ok: true, value: { kind: null, since: null, limit: DEFAULT_LEDGER_LIMIT } });
    expect(parsed.ok && matchesFilter(ENTRY, parsed.value)).toBe(true);
  });

  it('when kind, business key and since are given › an entry must meet all of them', () => {
    const parsed = parseLedgerQuery({ kind: 'AP_INVOICE', businessKey: 'INV-7', since: '2026-03-01T10:00:00Z' });
    expect(parsed.ok && matchesFilter(ENTRY, parsed.value)).toBe(true);
    const later = parseLedgerQuery({ kind: 'AP_INVOICE', since: '2026-03-01T10:00:00.001Z' });
    expect(later.ok && matchesFilter(ENTRY, later.value)).toBe(false);
    const other = parseLedgerQuery({ businessKey: 'INV-8' });
    expect(other.ok && matchesFilter(ENTRY, other.value)).toBe(false);
  });

  it('when afterSequence is given › only later entries match', () => {
    const at5 = parseLedgerQuery({ afterSequence: '5' });
    const at4 = parseLedgerQuery({ afterSequence: '4' });
    expect(at5.ok && matchesFilter(ENTRY, at5.value)).toBe(false);
    expect(at4.ok && matchesFilter(ENTRY, at4.value)).toBe(true);
  });

  it('when a parameter is unknown › refuses it by name before reading the rest', () => {
    const parsed = parseLedgerQuery({ kind: 'INVOICE', colour: 'red' });
    expect(!parsed.ok && parsed.problems.map((p) => `${p.path}:${p.code}`)).toEqual(['query.colour:UNKNOWN_FIELD']);
  });

  it('when a parameter is repeated › refuses it as DUPLICATE', () => {
    const parsed = parseLedgerQuery({ businessKey: ['a', 'b'] });
    expect(!parsed.ok && parsed.problems.map((p) => `${p.path}:${p.code}`)).toEqual(['query.businessKey:DUPLICATE']);
  });

  it('when values are malformed › reports each at query.<name>', () => {
    const parsed = parseLedgerQuery({ kind: 'INVOICE', since: 'yesterday', limit: '0' });
    expect(!parsed.ok && parsed.problems.map((p) => `${p.path}:${p.code}`)).toEqual([
      'query.kind:UNKNOWN_CODE',
      'query.since:MALFORMED',
      'query.limit:OUT_OF_RANGE',
    ]);
  });
});
