// The rule that matters most for a supplier master: a clear bank account or tax id never leaves
// the domain. This scenario drives every kind of outcome and searches everything that comes out.
import { inspect } from 'node:util';
import { decideSupplierChange, supplierLookupKeys, type SupplierChangeDecision } from './decide-supplier-change';
import { decide, NOW, stored, synced } from './decide-test-helpers.fixture.spec';
import { masterKeys } from './lookup-keys';
import { confirmBankDetailsChange } from './payment-hold';
import { formatProblem } from './problem';
import {
  ACCOUNT_1,
  ACCOUNT_2,
  CLEAR_VALUES,
  EIN_OTHER,
  erpVendor,
  IBAN_GB,
  purchasingSupplier,
  ROUTING_BOFA,
  ROUTING_CHASE,
  testTokeniser,
} from './supplier-records.fixture.spec';

describe('a whole supplier scenario', () => {
  const outputs: unknown[] = [];
  const keep = (decision: SupplierChangeDecision) => {
    outputs.push(decision);
    if (decision.kind === 'rejected') outputs.push(decision.problems.map(formatProblem));
    return decision;
  };

  const created = synced(keep(decide('erp', erpVendor())));
  const merged = synced(keep(decide('purchasing', purchasingSupplier({ bankAccount: { iban: IBAN_GB }, updatedAt: '2025-03-01T11:00:00Z' }), [created.master])));
  const changed = synced(
    keep(decide('erp', erpVendor({ BANK: { ACCOUNT_NUMBER: ACCOUNT_2, ROUTING_NUMBER: ROUTING_BOFA }, LAST_CHANGED: '2025-03-01T12:00:00Z' }), [merged.master])),
  );
  keep(decide('erp', erpVendor({ BANK: { ACCOUNT_NUMBER: ACCOUNT_2, ROUTING_NUMBER: ROUTING_BOFA }, LAST_CHANGED: '2025-03-01T12:00:00Z' }), [changed.master]));
  keep(decide('purchasing', purchasingSupplier({ bankAccount: { iban: 'GB82WEST12345698765433' } }), [changed.master]));
  keep(decide('purchasing', purchasingSupplier({ bankAccount: { accountNumber: `${ACCOUNT_1}X`, routingNumber: ROUTING_CHASE } })));
  keep(decide('erp', erpVendor({ TAX_NUMBER: '12-34567' })));
  keep(decide('erp', erpVendor({ VENDOR_ID: 'V999' }), [changed.master]));
  keep(decide('erp', erpVendor({ TAX_NUMBER: EIN_OTHER, LAST_CHANGED: '2025-03-01T13:00:00Z' }), [changed.master, { ...stored(decide('erp', erpVendor({ VENDOR_ID: 'V2', TAX_NUMBER: EIN_OTHER }))), supplierId: 'SUP-2' }]));
  keep(decide('purchasing', purchasingSupplier({ taxId: null, addresses: [{ type: 'ORDERING', line1: '1 A St', city: 'X', postalCode: '62704', country: 'US' }] })));
  keep(
    decideSupplierChange(
      { source: 'erp', record: erpVendor({ TAX_NUMBER: '12-3456789', VENDOR_ID: 'V3' }) },
      { tokeniser: testTokeniser, candidates: [], now: NOW, newSupplierId: () => 'SUP-3' },
    ),
  );
  outputs.push(confirmBankDetailsChange(changed.master, { confirmedBy: 'ap', confirmedAt: NOW, bankAccountToken: changed.hold?.newBankAccount.token ?? '' }));
  outputs.push(confirmBankDetailsChange(changed.master, { confirmedBy: 'ap', confirmedAt: NOW, bankAccountToken: 'wrong' }));
  outputs.push(supplierLookupKeys({ source: 'purchasing', record: purchasingSupplier() }, testTokeniser));
  outputs.push(supplierLookupKeys({ source: 'erp', record: erpVendor({ BANK: { IBAN: 'GB82WEST12345698765433' } }) }, testTokeniser));
  outputs.push(masterKeys(changed.master));

  it('covers every kind of outcome', () => {
    const kinds = outputs.map((output) => (output as { kind?: string }).kind).filter((kind) => kind !== undefined);
    expect(new Set(kinds)).toEqual(new Set(['synced', 'unchanged', 'rejected', 'ambiguous', 'released', 'refused', 'keys']));
    expect(changed.events.map((event) => event.eventType)).toContain('SupplierBankDetailsChanged');
  });

  it.each([
    ['JSON', (value: unknown) => JSON.stringify(value)],
    ['util.inspect', (value: unknown) => inspect(value, { depth: null, maxArrayLength: null, maxStringLength: null })],
  ])('holds no clear bank account, routing-and-account pair or tax id in its %s form', (_form, serialise) => {
    const text = serialise(outputs);
    const clear = [...CLEAR_VALUES, '12345698765432', '1234567', `${ACCOUNT_1}X`, `${ROUTING_CHASE}:${ACCOUNT_1}`, `${ROUTING_BOFA}:${ACCOUNT_2}`];
    const found = clear.filter((value) => text.includes(value));
    expect(found).toEqual([]);
    // The masked forms are there, so the search looked at real output.
    expect(text).toContain('****7788');
    expect(text).toContain('****6655');
    expect(text).toContain('*****6789');
  });
});
