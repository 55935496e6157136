// Property-based fuzzing (fast-check) of supplier-sync's whole pure path for both source shapes:
// parse → lookup keys → match, merge, validate (decideSupplierChange), against an empty master and
// against a master that already holds the supplier. Every input ends as data — synced, unchanged,
// ambiguous or rejected with coded problems — never a throw. Case counts go to FUZZ_REPORT.
// eslint-disable-next-line @nx/enforce-module-boundaries -- the shared fuzz helpers live in test/faults (spec files only)
import { badInputsLike, fuzz } from '../../../../../test/faults/fuzz';
import { decideSupplierChange, PROBLEM_CODES, supplierLookupKeys, type Problem, type SourceSystem, type SupplierMaster } from '.';
import { erpVendor, purchasingSupplier, testTokeniser } from './supplier-records.fixture.spec';

const now = new Date('2026-03-01T12:00:00Z');
const KINDS = ['synced', 'unchanged', 'ambiguous', 'rejected'];

function expectCoded(problems: readonly Problem[]): void {
  expect(problems.length).toBeGreaterThan(0);
  for (const p of problems) expect([PROBLEM_CODES.includes(p.code), typeof p.path]).toEqual([true, 'string']);
}

/** The master the valid ERP record creates: later records are matched and merged into it. */
function existingMaster(): SupplierMaster {
  const decision = decideSupplierChange({ source: 'erp', record: erpVendor() }, { tokeniser: testTokeniser, candidates: [], now, newSupplierId: () => 'SUP-1' });
  if (decision.kind !== 'synced') throw new Error(JSON.stringify(decision));
  return decision.master;
}

describe.each<[SourceSystem, Record<string, unknown>]>([
  ['erp', erpVendor()],
  ['purchasing', purchasingSupplier()],
])('%s supplier records under fuzzing', (source, valid) => {
  it(`when ${source} records are broken in thousands of ways › each is decided (synced, unchanged, ambiguous) or rejected with coded problems, never a throw`, () => {
    const master = existingMaster();
    const cases = fuzz(`supplier-sync: ${source} supplier record → parse, keys, match, merge, validate`, badInputsLike(valid), (record) => {
      const input = { source, record };
      const keys = supplierLookupKeys(input, testTokeniser);
      if (keys.kind === 'rejected') expectCoded(keys.problems);
      for (const candidates of [[], [master]]) {
        const decision = decideSupplierChange(input, { tokeniser: testTokeniser, candidates, now, newSupplierId: () => 'SUP-2' });
        expect(KINDS).toContain(decision.kind);
        if (decision.kind === 'rejected') expectCoded(decision.problems);
      }
    });
    expect(cases).toBeGreaterThanOrEqual(1000);
  });
});
