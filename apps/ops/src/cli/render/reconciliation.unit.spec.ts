import { mismatchCount, renderReconciliation, runFailure } from './reconciliation';

const total = (kind: string, source: [number, string], target: [number, string], mismatches: number) => ({
  kind,
  facilityId: null,
  day: '2025-03-01',
  currency: 'USD',
  source: { count: source[0], amount: source[1] },
  target: { count: target[0], amount: target[1] },
  mismatchCount: mismatches,
});

const report = {
  id: '12',
  day: '2025-03-01',
  facilityId: null,
  trigger: 'API',
  requestedBy: 'procurelink-dev',
  status: 'SUCCEEDED',
  startedAt: '2025-03-02T06:00:00.000Z',
  finishedAt: '2025-03-02T06:00:01.250Z',
  mismatchCount: 1,
  error: null,
  totals: [total('ENCUMBRANCES', [12, '10450.2500'], [12, '10450.2500'], 0), total('AP_INVOICES', [9, '8120.0000'], [9, '8020.0000'], 1)],
  mismatches: [{ kind: 'AP_INVOICES', facilityId: 'F-02', day: '2025-03-01', docType: 'INVOICE', docId: 'INV-7', difference: 'AMOUNT', sourceValue: '220.0000', targetValue: '120.0000', detail: 'ERP amount differs' }],
};

describe('reconciliation reports for people', () => {
  it('prints the run, totals per check with exact amounts, and each mismatched document', () => {
    const [title, head, totals, mismatches] = renderReconciliation(report).split('\n\n');
    expect(title).toBe('Reconciliation 12');
    expect(head).toMatch(/ {2}finished at\s+2025-03-02 06:00:01\.250Z/);
    expect(head).toMatch(/^ {2}id\s+12\n {2}day\s+2025-03-01\n {2}facility id\s+-\n {2}status\s+SUCCEEDED\n {2}mismatch count\s+1/);
    expect(totals).toMatch(/^Totals\n {2}KIND\s+FACILITY ID\s+DAY\s+CURRENCY\s+SOURCE COUNT\s+TARGET COUNT\s+SOURCE AMOUNT\s+TARGET AMOUNT\s+MISMATCH COUNT\n/);
    expect(totals).toMatch(/ {2}ENCUMBRANCES\s+-\s+2025-03-01\s+USD\s+12\s+12\s+10450\.2500\s+10450\.2500\s+0\n {2}AP_INVOICES\s+-\s+2025-03-01\s+USD\s+9\s+9\s+8120\.0000\s+8020\.0000\s+1$/);
    expect(mismatches).toMatch(/^Mismatched documents \(1\)\n {2}KIND\s+DOC TYPE\s+DOC ID\s+FACILITY ID\s+DIFFERENCE\s+SOURCE VALUE\s+TARGET VALUE\s+DETAIL\s+DAY\n {2}AP_INVOICES\s+INVOICE\s+INV-7\s+F-02\s+AMOUNT\s+220\.0000\s+120\.0000\s+ERP amount differs\s+2025-03-01$/);
    expect(mismatchCount(report)).toBe(1);
    expect(runFailure(report)).toBeUndefined();
  });

  it('says when everything matches', () => {
    const clean = { ...report, mismatchCount: 0, mismatches: [], totals: [total('PAYMENT_STATUSES', [3, '0'], [3, '0'], 0)] };
    expect(renderReconciliation(clean)).toContain('No mismatched documents.');
    expect(mismatchCount(clean)).toBe(0);
  });

  it('counts mismatches the service totals even when it lists none, and tells a failed run', () => {
    expect(mismatchCount({ mismatchCount: 4, mismatches: [] })).toBe(4);
    expect(runFailure({ status: 'FAILED', error: 'ERP ledger unreachable' })).toBe('ERP ledger unreachable');
    expect(renderReconciliation({ ...report, status: 'FAILED', error: 'ERP ledger unreachable', mismatchCount: 0, mismatches: [], totals: [] })).not.toContain('No mismatched documents.');
  });
});
