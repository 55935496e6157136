import { decideSupplierChange, type SupplierChangeDecision, type SupplierMaster } from '../domain';
import { CLEAR_VALUES, purchasingSupplier, testTokeniser } from '../domain/supplier-records.fixture.spec';
import { bankChangeId } from './to-canonical-events';
import { purchasingPushRecord, toPurchasingPush } from './to-purchasing-push';
import { toVendorUpsert, vendorIdempotencyKey } from './to-vendor-upsert';

const NOW = new Date('2026-03-02T09:00:00Z');

function synced(decision: SupplierChangeDecision): Extract<SupplierChangeDecision, { kind: 'synced' }> {
  if (decision.kind !== 'synced') throw new Error(`expected synced, got ${decision.kind}`);
  return decision;
}

const fromPurchasing = (overrides = {}, candidates: SupplierMaster[] = [], now = NOW) =>
  synced(decideSupplierChange({ source: 'purchasing', record: purchasingSupplier(overrides) }, { tokeniser: testTokeniser, candidates, now, newSupplierId: () => 'SUP-1' }));

describe('mapping a supplier decision to the target systems', () => {
  it('when purchasing creates a supplier › the ERP lacks it and gets a vendor upsert of references only', () => {
    const decision = fromPurchasing();
    expect(decision.pushTo).toContain('erp');
    const upsert = toVendorUpsert(decision.master);
    expect(upsert).toMatchObject({ supplierId: 'SUP-1', legalName: 'ACME MEDICAL SUPPLY INC', status: 'ACTIVE', paymentTermsCode: 'NET30' });
    expect(upsert.remitTo).toMatchObject({ city: 'CHICAGO', country: 'US' });
    expect(upsert.bankAccount?.maskedNumber).toBe('****7788');
    const text = JSON.stringify(upsert);
    for (const clear of CLEAR_VALUES) expect(text).not.toContain(clear);
  });

  it('the vendor idempotency key › is the same for the same change and differs for a new one', () => {
    const first = fromPurchasing();
    const key = vendorIdempotencyKey(first.master, toVendorUpsert(first.master));
    expect(key).toMatch(/^vendor:SUP-1:[0-9a-f]{24}$/);
    expect(vendorIdempotencyKey(first.master, toVendorUpsert(first.master))).toBe(key);
    const renamed = fromPurchasing({ legalName: 'Acme Medical Holdings', updatedAt: '2025-03-02T09:00:00Z' }, [first.master]);
    expect(vendorIdempotencyKey(renamed.master, toVendorUpsert(renamed.master))).not.toBe(key);
  });

  it('a purchasing push › is JSON keyed by the supplier id, with masked references and no clear value', () => {
    const created = fromPurchasing();
    // An ERP-only change makes purchasing lack it: a new account from purchasing's point of view.
    const decision = synced(
      decideSupplierChange(
        { source: 'erp', record: { VENDOR_ID: 'V1', NAME1: 'Acme Medical Supply Inc', TAX_NUMBER: '12-3456789', STREET: '100 Main St', CITY: 'Springfield', REGION: 'IL', POSTAL_CODE: '62704', COUNTRY: 'US', REMIT_TO: { STREET: 'PO Box 9000', CITY: 'Chicago', REGION: 'IL', POSTAL_CODE: '60601', COUNTRY: 'US' }, PAYMENT_TERMS: 'NET45', BANK: { IBAN: 'DE89370400440532013000' }, STATUS: 'A', LAST_CHANGED: '2025-03-03T10:00:00Z' } },
        { tokeniser: testTokeniser, candidates: [created.master], now: NOW, newSupplierId: () => 'SUP-X' },
      ),
    );
    expect(decision.supplierId).toBe('SUP-1');
    expect(decision.pushTo).toContain('purchasing');
    const push = toPurchasingPush(decision.master);
    expect(push).toMatchObject({ supplierId: 'SUP-1', purchasingSupplierId: 'SUP-77', active: true, paymentTerms: 'NET45' });
    expect(push.bankAccount?.maskedNumber).toBe('****3000');
    const record = purchasingPushRecord('target.purchasing.supplier.v1', push);
    expect(record.key).toBe('SUP-1');
    for (const clear of [...CLEAR_VALUES, '370400440532013000']) expect(String(record.value)).not.toContain(clear);
    expect(decision.hold).not.toBeNull();
    expect(bankChangeId('SUP-1', decision.hold!)).toMatch(/^[0-9a-f-]{36}$/);
  });
});
