import { parseErpVendorRecord } from './erp-vendor-record';
import { parsePurchasingSupplierRecord } from './purchasing-supplier-record';
import type { SystemState } from './supplier-master';
import { erpVendor, purchasingSupplier, testTokeniser } from './supplier-records.fixture.spec';
import { toSnapshot, type SupplierSnapshot } from './supplier-snapshot';
import { mergeSupplier } from './survivorship';

function erp(overrides: Record<string, unknown> = {}): SupplierSnapshot {
  const parsed = parseErpVendorRecord(erpVendor(overrides));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return toSnapshot(parsed.value, testTokeniser);
}

function purchasing(overrides: Record<string, unknown> = {}): SupplierSnapshot {
  const parsed = parsePurchasingSupplierRecord(purchasingSupplier(overrides));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return toSnapshot(parsed.value, testTokeniser);
}

const state = (lastRecord: SupplierSnapshot | null, statusEchoed = false): SystemState => ({ lastRecord, pushed: null, statusEchoed });
const merge = (e: SupplierSnapshot | null, p: SupplierSnapshot | null) => mergeSupplier({ erp: state(e), purchasing: state(p) });

describe('mergeSupplier', () => {
  describe('finance fields (legal name, tax id, remit-to, terms, bank)', () => {
    it('come from the ERP, the system of record for finance', () => {
      const e = erp();
      const merged = merge(e, purchasing({ legalName: 'Acme Med Sup', paymentTerms: 'NET60', updatedAt: '2030-01-01T00:00:00Z' }));
      expect(merged.legalName).toBe('Acme Medical Supply, Inc.');
      expect(merged.taxId).toEqual(e.taxId);
      expect(merged.remitTo).toEqual(e.remitTo);
      expect(merged.paymentTerms?.code).toBe('2/10NET30');
      expect(merged.bankAccount).toEqual(e.bankAccount);
    });

    it('come from purchasing when the ERP record lacks them', () => {
      const p = purchasing();
      const merged = merge(erp({ REMIT_TO: null, BANK: null, PAYMENT_TERMS: null }), p);
      expect(merged.remitTo).toEqual(p.remitTo);
      expect(merged.bankAccount).toEqual(p.bankAccount);
      expect(merged.paymentTerms?.code).toBe('NET30');
    });
  });

  describe('purchasing fields (DUNS, ordering addresses)', () => {
    it('come from purchasing', () => {
      const p = purchasing({ duns: '080000001' });
      const merged = merge(erp({ LAST_CHANGED: '2030-01-01T00:00:00Z' }), p);
      expect(merged.dunsNumber).toBe('080000001');
      expect(merged.orderingAddresses).toEqual(p.orderingAddresses);
    });

    it('come from the ERP when there is no purchasing record or it lacks them', () => {
      const e = erp();
      expect(merge(e, null).orderingAddresses).toEqual(e.orderingAddresses);
      expect(merge(e, purchasing({ duns: null })).dunsNumber).toBe('150483782');
    });
  });

  describe('contact fields and the trading name', () => {
    it('take the most recent non-empty value, field by field', () => {
      const merged = merge(
        erp({ EMAIL: 'new@acme.example', PHONE: null, NAME2: 'Acme New', LAST_CHANGED: '2025-03-05T00:00:00Z' }),
        purchasing({ contact: { name: 'Dana', email: 'old@acme.example', phone: '+1 555 0000' }, dbaName: 'Acme Old', updatedAt: '2025-03-01T00:00:00Z' }),
      );
      expect(merged.contact).toEqual({ name: 'Dana', email: 'new@acme.example', phone: '+1 555 0000' });
      expect(merged.tradingName).toBe('Acme New');
    });

    it('prefer the ERP on a tie', () => {
      const merged = merge(erp({ EMAIL: 'erp@acme.example' }), purchasing({ contact: { email: 'p@acme.example' }, updatedAt: '2025-03-01T10:00:00Z' }));
      expect(merged.contact.email).toBe('erp@acme.example');
    });
  });

  describe('status', () => {
    it.each([
      ['A', true, 'ACTIVE'],
      ['A', false, 'INACTIVE'],
      ['I', true, 'INACTIVE'],
      ['B', true, 'BLOCKED'],
      ['B', false, 'BLOCKED'],
    ])("is the most restrictive: ERP '%s' with purchasing active=%s gives %s", (erpStatus, active, status) => {
      expect(merge(erp({ STATUS: erpStatus }), purchasing({ active })).status).toBe(status);
    });

    it('ignores a status that only echoes what Procurelink pushed', () => {
      expect(mergeSupplier({ erp: state(erp({ STATUS: 'A' })), purchasing: state(purchasing({ active: false }), true) }).status).toBe('ACTIVE');
    });

    it('uses the echoed statuses when no system stated its own', () => {
      expect(mergeSupplier({ erp: state(null), purchasing: state(purchasing({ active: false }), true) }).status).toBe('INACTIVE');
    });
  });
});
