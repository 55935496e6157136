import type { Envelope, Supplier } from '@procurelink/canonical-schemas';
import { paymentHoldOf, projectSupplierHold, type SupplierEvent, type SupplierHoldState } from './supplier-hold-projection';

const envelope = (minutes: number): Envelope => ({
  eventId: `e-${minutes}`,
  eventType: 'x',
  occurredAt: new Date(Date.UTC(2026, 2, 2, 9, minutes)),
  sourceSystem: 'erp',
  sourceRecordId: 'SUP-1',
  correlationId: 'SUP-1',
  causationId: null,
  facilityId: 'FAC',
  tenant: 't',
});
const account = { token: 'tok_account_1', maskedNumber: '****1234', bankCountry: 'US' };
const bankChange = (minutes: number, paymentsHeld = true): SupplierEvent => ({
  eventType: 'SupplierBankDetailsChanged',
  value: { envelope: envelope(minutes), supplierId: 'SUP-1', previousBankAccount: null, newBankAccount: account, paymentsHeld },
});
const synced = (minutes: number, status: Supplier['status']): SupplierEvent => ({
  eventType: 'SupplierSynced',
  value: { envelope: envelope(minutes), supplierId: 'SUP-1', supplier: { status } as Supplier },
});

function fold(events: readonly SupplierEvent[]): SupplierHoldState | null {
  let state: SupplierHoldState | null = null;
  for (const event of events) {
    const result = projectSupplierHold(state, event);
    if (result.kind === 'applied') state = result.state;
  }
  return state;
}

describe('projecting supplier payment holds from p2p.supplier.v1', () => {
  it('when the bank details change with payments held › the supplier is on hold for BANK_DETAILS_UNCONFIRMED since the change', () => {
    expect(paymentHoldOf(fold([synced(0, 'ON_HOLD'), bankChange(0)]))).toEqual({
      supplierId: 'SUP-1',
      reason: 'BANK_DETAILS_UNCONFIRMED',
      since: envelope(0).occurredAt,
    });
  });

  it('when supplier-sync publishes the restored status › the hold is released', () => {
    expect(paymentHoldOf(fold([synced(0, 'ON_HOLD'), bankChange(0), synced(5, 'ACTIVE')]))).toBeNull();
  });

  it('when the supplier master itself is ON_HOLD without a bank change › SUPPLIER_ON_HOLD since it was first seen on hold', () => {
    expect(paymentHoldOf(fold([synced(1, 'ON_HOLD'), synced(3, 'ON_HOLD')]))).toMatchObject({ reason: 'SUPPLIER_ON_HOLD', since: envelope(1).occurredAt });
  });

  it('when a bank change says payments are not held › no hold', () => {
    expect(paymentHoldOf(fold([bankChange(0, false)]))).toBeNull();
  });

  it('when an event is older than the state › it is stale and changes nothing', () => {
    const state = fold([bankChange(10)]);
    expect(projectSupplierHold(state, synced(5, 'ACTIVE'))).toMatchObject({ kind: 'stale', reason: expect.stringContaining('older') });
  });

  it('when the supplier is unknown › no hold', () => {
    expect(paymentHoldOf(null)).toBeNull();
  });
});
