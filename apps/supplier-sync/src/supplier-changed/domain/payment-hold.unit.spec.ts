import { decide, NOW, stored, synced } from './decide-test-helpers.fixture.spec';
import { confirmBankDetailsChange, detectBankChange } from './payment-hold';
import { isOnPaymentHold, type SupplierMaster } from './supplier-master';
import { ACCOUNT_2, erpVendor, IBAN_DE, ROUTING_BOFA } from './supplier-records.fixture.spec';
import { mergeSupplier } from './survivorship';

const original = stored(decide('erp', erpVendor()));
const changed = synced(decide('erp', erpVendor({ BANK: { ACCOUNT_NUMBER: ACCOUNT_2, ROUTING_NUMBER: ROUTING_BOFA }, LAST_CHANGED: '2025-03-01T11:00:00Z' }), [original]));
const held: SupplierMaster = changed.master;
const newToken = held.hold?.newBankAccount.token ?? '';
const later = new Date(NOW.getTime() + 3_600_000);

describe('detectBankChange', () => {
  it('is null for a new supplier’s first account', () => {
    expect(detectBankChange(null, mergeSupplier(original.systems))).toBeNull();
  });

  it('is null when the account is unchanged', () => {
    expect(detectBankChange(original, mergeSupplier(original.systems))).toBeNull();
  });

  it('reports a first account added to a known supplier', () => {
    const withoutBank = stored(decide('erp', erpVendor({ BANK: null })));
    const merged = mergeSupplier(original.systems);
    expect(detectBankChange(withoutBank, merged)).toEqual({ previousBankAccount: null, newBankAccount: merged.bankAccount });
  });

  it('is null when the account is removed: that cannot redirect a payment', () => {
    const withoutBank = stored(decide('erp', erpVendor({ BANK: null })));
    expect(detectBankChange(original, mergeSupplier(withoutBank.systems))).toBeNull();
  });
});

describe('isOnPaymentHold', () => {
  it('tells a held supplier from one that is not', () => {
    expect(isOnPaymentHold(held)).toBe(true);
    expect(isOnPaymentHold(original)).toBe(false);
    expect(isOnPaymentHold(null)).toBe(false);
  });
});

describe('confirmBankDetailsChange', () => {
  describe('when the account on hold is confirmed', () => {
    const decision = confirmBankDetailsChange(held, { confirmedBy: ' ap.supervisor ', confirmedAt: later, bankAccountToken: newToken });
    if (decision.kind !== 'released') throw new Error('expected a release');

    it('releases the hold and records who confirmed which account and when', () => {
      expect(decision.master.hold).toBeNull();
      expect(decision.master.lastHoldRelease).toEqual({
        confirmedBy: 'ap.supervisor',
        confirmedAt: later,
        placedAt: NOW,
        bankAccount: held.hold?.newBankAccount,
      });
      expect(decision.master.revision).toBe(held.revision + 1);
    });

    it('restores the merged status and keeps the new account', () => {
      expect(decision.master.supplier.status).toBe('ACTIVE');
      expect(decision.master.supplier.bankAccount?.token).toBe(newToken);
    });

    it('restores a block rather than activating a blocked supplier', () => {
      const blocked = synced(
        decide('erp', erpVendor({ STATUS: 'B', BANK: { IBAN: IBAN_DE }, LAST_CHANGED: '2025-03-01T12:00:00Z' }), [held]),
      ).master;
      const token = blocked.hold?.newBankAccount.token ?? '';
      const release = confirmBankDetailsChange(blocked, { confirmedBy: 'ap', confirmedAt: later, bankAccountToken: token });
      expect(release.kind === 'released' && release.master.supplier.status).toBe('ON_HOLD');
      expect(release.kind === 'released' && release.master.hold).toBeNull();
    });
  });

  describe('when the confirmation cannot release the hold', () => {
    it('refuses when there is no hold', () => {
      expect(confirmBankDetailsChange(original, { confirmedBy: 'ap', confirmedAt: later, bankAccountToken: newToken })).toMatchObject({
        kind: 'refused',
        reason: 'NOT_ON_HOLD',
      });
    });

    it('refuses a confirmation of another account than the one on hold', () => {
      const decision = confirmBankDetailsChange(held, { confirmedBy: 'ap', confirmedAt: later, bankAccountToken: 'tok-other' });
      expect(decision).toMatchObject({ kind: 'refused', reason: 'STALE_CONFIRMATION' });
      expect(decision.kind === 'refused' && decision.message).toContain('****6655');
    });

    it('refuses a confirmation that does not say who confirmed', () => {
      expect(confirmBankDetailsChange(held, { confirmedBy: '  ', confirmedAt: later, bankAccountToken: newToken })).toMatchObject({
        reason: 'CONFIRMER_MISSING',
      });
    });

    it('refuses a confirmation dated before the hold', () => {
      expect(
        confirmBankDetailsChange(held, { confirmedBy: 'ap', confirmedAt: new Date(NOW.getTime() - 1), bankAccountToken: newToken }),
      ).toMatchObject({ reason: 'CONFIRMED_BEFORE_HOLD' });
    });
  });
});
