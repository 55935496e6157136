import { decide, NOW, stored, synced } from './decide-test-helpers.fixture.spec';
import { confirmBankDetailsChange } from './payment-hold';
import { ACCOUNT_2, EIN_OTHER, erpVendor, purchasingSupplier, ROUTING_BOFA, testTokeniser } from './supplier-records.fixture.spec';
import { isOnPaymentHold } from './supplier-master';

const erpOnly = () => stored(decide('erp', erpVendor()));
const later = (minutes: number) => new Date(Date.parse('2025-03-01T10:00:00Z') + minutes * 60_000).toISOString();

/** The purchasing record that says exactly what Procurelink pushed to it after erpVendor(). */
function purchasingEcho(overrides: Record<string, unknown> = {}) {
  return purchasingSupplier({
    legalName: 'Acme Medical Supply, Inc.',
    paymentTerms: '2/10NET30',
    addresses: [
      { type: 'ORDERING', line1: '100 MAIN ST', line2: 'STE 200', city: 'SPRINGFIELD', region: 'IL', postalCode: '62704', country: 'US' },
      { type: 'REMIT_TO', line1: 'PO BOX 9000', city: 'CHICAGO', region: 'IL', postalCode: '60601-1234', country: 'US' },
    ],
    contact: { email: 'ar@acme-medical.example', phone: '+1 217 555 0100' },
    updatedAt: later(5),
    ...overrides,
  });
}

describe('decideSupplierChange', () => {
  describe('when the ERP sends a supplier nobody knows', () => {
    const decision = synced(decide('erp', erpVendor()));

    it('creates a new canonical supplier with a new id and no match rule', () => {
      expect(decision.supplierId).toBe('SUP-NEW-1');
      expect(decision.match).toBeNull();
      expect(decision.master.revision).toBe(1);
      expect(decision.master.updatedAt).toEqual(NOW);
    });

    it('publishes SupplierSynced with the normalised supplier and references instead of clear numbers', () => {
      expect(decision.events).toEqual([{ eventType: 'SupplierSynced', supplierId: 'SUP-NEW-1', supplier: decision.supplier }]);
      expect(decision.supplier).toMatchObject({
        legalName: 'Acme Medical Supply, Inc.',
        tradingName: 'Acme Surgical',
        taxId: { token: testTokeniser.tokenise('US:123456789', 'tax-id'), maskedValue: '*****6789', issuingCountry: 'US' },
        dunsNumber: '150483782',
        status: 'ACTIVE',
        addresses: [{ line1: '100 MAIN ST', line2: 'STE 200', city: 'SPRINGFIELD', region: 'IL', postalCode: '62704', country: 'US' }],
        remitTo: { line1: 'PO BOX 9000', line2: null, city: 'CHICAGO', region: 'IL', postalCode: '60601-1234', country: 'US' },
        paymentTerms: { code: '2/10NET30', netDays: 30, discountDays: 10 },
        bankAccount: { maskedNumber: '****7788', bankCountry: 'US' },
      });
    });

    it('pushes to the purchasing platform, which lacks the supplier, and not back to the ERP', () => {
      expect(decision.pushTo).toEqual(['purchasing']);
      expect(decision.master.systems.purchasing.pushed).not.toBeNull();
      expect(decision.master.systems.erp.pushed).toBeNull();
    });

    it('does not hold payments for a new supplier’s first bank account', () => {
      expect(decision.hold).toBeNull();
      expect(decision.events.map((event) => event.eventType)).not.toContain('SupplierBankDetailsChanged');
    });
  });

  describe('when the purchasing platform sends the same supplier', () => {
    const master = erpOnly();
    const decision = synced(
      decide(
        'purchasing',
        purchasingSupplier({
          duns: '080000001',
          addresses: [
            { type: 'ORDERING', line1: '250 Distribution Way', city: 'Springfield', region: 'IL', postalCode: '62711', country: 'US' },
            { type: 'REMIT_TO', line1: 'P.O. Box 1', city: 'Chicago', postalCode: '60601', country: 'US' },
          ],
          bankAccount: { accountNumber: ACCOUNT_2, routingNumber: ROUTING_BOFA },
          updatedAt: later(30),
        }),
        [master],
      ),
    );

    it('links it to the ERP’s supplier by tax id', () => {
      expect(decision.supplierId).toBe(master.supplierId);
      expect(decision.match).toEqual({ rule: 'TAX_ID', confidence: 0.99 });
    });

    it('takes legal name, tax id, remit-to, terms and bank from the ERP and DUNS and ordering address from purchasing', () => {
      expect(decision.supplier).toMatchObject({
        legalName: 'Acme Medical Supply, Inc.',
        taxId: master.supplier.taxId,
        remitTo: master.supplier.remitTo,
        paymentTerms: { code: '2/10NET30' },
        bankAccount: master.supplier.bankAccount,
        dunsNumber: '080000001',
        addresses: [{ line1: '250 DISTRIBUTION WAY', postalCode: '62711' }],
      });
      expect(decision.master.contact).toEqual({ name: 'Dana Reyes', email: 'dana.reyes@acme-medical.example', phone: '+1 217 555 0101' });
    });

    it('does not treat purchasing’s different bank account as a change: the ERP’s account survives', () => {
      expect(decision.hold).toBeNull();
      expect(decision.events.map((event) => event.eventType)).toEqual(['SupplierSynced']);
    });

    it('pushes to both systems: each lacks something the other one owns', () => {
      expect(decision.pushTo).toEqual(['erp', 'purchasing']);
      expect(decision.master.revision).toBe(2);
    });
  });

  describe('when a record is delivered again', () => {
    it('is unchanged as a REPLAY and leaves nothing to store', () => {
      expect(decide('erp', erpVendor(), [erpOnly()])).toEqual({ kind: 'unchanged', supplierId: 'SUP-NEW-1', reason: 'REPLAY', master: null });
    });

    it('is unchanged as STALE when the system already sent a newer version', () => {
      const master = stored(decide('erp', erpVendor({ LAST_CHANGED: later(60), CITY: 'Peoria' })));
      expect(decide('erp', erpVendor(), [master])).toMatchObject({ kind: 'unchanged', reason: 'STALE', master: null });
    });
  });

  describe('when a system echoes back what Procurelink pushed to it', () => {
    it('is unchanged with NO_EFFECT, pushes nothing, and stores the record as the system’s latest', () => {
      const decision = decide('purchasing', purchasingEcho(), [erpOnly()]);
      expect(decision).toMatchObject({ kind: 'unchanged', reason: 'NO_EFFECT' });
      const master = stored(decision);
      expect(master.systems.purchasing.lastRecord?.sourceRecordId).toBe('SUP-77');
      expect(master.systems.purchasing.pushed).toBeNull();
      expect(master.revision).toBe(1);
    });
  });

  describe('when the bank account of a known supplier changes', () => {
    const master = erpOnly();
    const decision = synced(
      decide('erp', erpVendor({ BANK: { ACCOUNT_NUMBER: ACCOUNT_2, ROUTING_NUMBER: ROUTING_BOFA }, LAST_CHANGED: later(60) }), [master]),
    );

    it('publishes SupplierBankDetailsChanged with both accounts masked and payments held', () => {
      expect(decision.events.map((event) => event.eventType)).toEqual(['SupplierSynced', 'SupplierBankDetailsChanged']);
      expect(decision.events[1]).toEqual({
        eventType: 'SupplierBankDetailsChanged',
        supplierId: master.supplierId,
        previousBankAccount: master.supplier.bankAccount,
        newBankAccount: { token: expect.any(String), maskedNumber: '****6655', bankCountry: 'US' },
        paymentsHeld: true,
      });
    });

    it('puts the supplier on payment hold, published as status ON_HOLD', () => {
      expect(decision.hold).toEqual({
        reason: 'BANK_DETAILS_CHANGED',
        placedAt: NOW,
        sourceSystem: 'erp',
        previousBankAccount: master.supplier.bankAccount,
        newBankAccount: decision.supplier.bankAccount,
      });
      expect(decision.supplier.status).toBe('ON_HOLD');
      expect(isOnPaymentHold(decision.master)).toBe(true);
    });

    it('does not push the hold to the systems as a status: they keep the source status', () => {
      expect(decision.master.systems.purchasing.pushed?.status).toBe('ACTIVE');
    });

    it('keeps the hold through later changes until it is confirmed', () => {
      const next = synced(decide('erp', erpVendor({ BANK: { ACCOUNT_NUMBER: ACCOUNT_2, ROUTING_NUMBER: ROUTING_BOFA }, CITY: 'Peoria', LAST_CHANGED: later(90) }), [decision.master]));
      expect(next.hold).toEqual(decision.hold);
      expect(next.supplier.status).toBe('ON_HOLD');
      expect(next.events.map((event) => event.eventType)).toEqual(['SupplierSynced']);
    });

    it('releases the hold when the new account is confirmed, publishing the restored status', () => {
      const token = decision.supplier.bankAccount?.token ?? '';
      const release = confirmBankDetailsChange(decision.master, { confirmedBy: 'ap.supervisor@hospital.example', confirmedAt: NOW, bankAccountToken: token });
      expect(release.kind).toBe('released');
      if (release.kind !== 'released') return;
      expect(release.master.supplier.status).toBe('ACTIVE');
      expect(isOnPaymentHold(release.master)).toBe(false);
      expect(release.events).toEqual([{ eventType: 'SupplierSynced', supplierId: master.supplierId, supplier: release.master.supplier }]);
    });
  });

  describe('when the ERP blocks the supplier', () => {
    const blocked = synced(decide('erp', erpVendor({ STATUS: 'B', LAST_CHANGED: later(60) }), [stored(decide('purchasing', purchasingEcho(), [erpOnly()]))]));

    it('publishes ON_HOLD: the most restrictive status wins over purchasing’s active', () => {
      expect(blocked.supplier.status).toBe('ON_HOLD');
      expect(blocked.hold).toBeNull();
    });

    it('pushes the block to purchasing as inactive, the only way it can hold it', () => {
      expect(blocked.pushTo).toEqual(['purchasing']);
      expect(blocked.master.systems.purchasing.pushed?.status).toBe('INACTIVE');
    });

    it('lets the ERP reactivate the supplier even after purchasing echoed the pushed inactive status', () => {
      const echoed = stored(decide('purchasing', purchasingEcho({ active: false, updatedAt: later(65) }), [blocked.master]));
      expect(echoed.systems.purchasing.statusEchoed).toBe(true);
      const reactivated = synced(decide('erp', erpVendor({ STATUS: 'A', LAST_CHANGED: later(120) }), [echoed]));
      expect(reactivated.supplier.status).toBe('ACTIVE');
      expect(reactivated.pushTo).toEqual(['purchasing']);
    });

    it('keeps the supplier inactive when purchasing deactivated it on its own', () => {
      const master = stored(decide('purchasing', purchasingEcho({ active: false }), [erpOnly()]));
      expect(master.supplier.status).toBe('INACTIVE');
      expect(master.systems.purchasing.statusEchoed).toBe(false);
      expect(synced(decide('erp', erpVendor({ CITY: 'Peoria', LAST_CHANGED: later(120) }), [master])).supplier.status).toBe('INACTIVE');
    });
  });

  describe('when the record cannot be linked to one supplier', () => {
    it('is ambiguous when its tax id names one supplier and its own id another', () => {
      const first = erpOnly();
      const second = stored(decide('erp', erpVendor({ VENDOR_ID: 'V200', TAX_NUMBER: EIN_OTHER, NAME1: 'Other Corp', DUNS: null, STREET: '9 Elm Road' })));
      const decision = decide('erp', erpVendor({ TAX_NUMBER: EIN_OTHER, LAST_CHANGED: later(10) }), [first, { ...second, supplierId: 'SUP-B' }]);
      expect(decision).toEqual({
        kind: 'ambiguous',
        reason: 'CONFLICTING_RULES',
        candidates: [
          { supplierId: 'SUP-NEW-1', rule: 'SOURCE_RECORD_ID' },
          { supplierId: 'SUP-B', rule: 'TAX_ID' },
        ],
      });
    });
  });

  describe('when the record is not acceptable', () => {
    it('is rejected at the PARSE stage with the parser’s problems', () => {
      expect(decide('erp', { VENDOR_ID: 'V1' })).toMatchObject({ kind: 'rejected', stage: 'PARSE' });
    });

    it('is rejected at the VALIDATION stage when the merged supplier lacks a tax id and a remit-to address', () => {
      const decision = decide(
        'purchasing',
        purchasingSupplier({ taxId: null, addresses: [{ type: 'ORDERING', line1: '1 A St', city: 'X', postalCode: '62704', country: 'US' }] }),
      );
      expect(decision).toEqual({
        kind: 'rejected',
        stage: 'VALIDATION',
        problems: [
          { path: 'taxId', code: 'MISSING', message: 'no system gave a tax id for this supplier' },
          { path: 'remitTo', code: 'MISSING', message: 'no system gave a remit-to address for this supplier' },
        ],
      });
    });

    it('accepts the same purchasing record once the ERP has supplied what it lacks', () => {
      const decision = decide(
        'purchasing',
        purchasingSupplier({ taxId: null, addresses: [{ type: 'ORDERING', line1: '100 Main St', city: 'Springfield', postalCode: '62704', country: 'US' }] }),
        [erpOnly()],
      );
      expect(synced(decision).match).toEqual({ rule: 'DUNS', confidence: 0.95 });
    });
  });
});
