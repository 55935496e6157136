import { envelopeFor, type Envelope } from '@procurelink/canonical-schemas';
import { confirmBankDetailsChange, decideSupplierChange, type SupplierMaster } from '../domain';
import { ACCOUNT_2, ROUTING_CHASE, erpVendor, testTokeniser } from '../domain/supplier-records.fixture.spec';
import { projectSupplierEvent, type SupplierTopicEvent } from './project-supplier-event';

const at = (minutes: number) => new Date(Date.UTC(2026, 2, 2, 9, minutes));
const env = (eventType: 'SupplierSynced' | 'SupplierBankDetailsChanged', minutes: number, sourceSystem = 'erp'): Envelope =>
  envelopeFor({ eventType, idParts: [minutes], occurredAt: at(minutes), sourceSystem, sourceRecordId: 'V100234', correlationId: 'SUP-1', facilityId: 'NETWORK', tenant: 't' });

function decide(record: Record<string, unknown>, candidates: SupplierMaster[], minutes: number) {
  const decision = decideSupplierChange({ source: 'erp', record }, { tokeniser: testTokeniser, candidates, now: at(minutes), newSupplierId: () => 'SUP-1' });
  if (decision.kind !== 'synced') throw new Error(decision.kind);
  return decision;
}

function eventsOf(drafts: readonly { eventType: string }[], minutes: number, sourceSystem = 'erp'): SupplierTopicEvent[] {
  return drafts.map((draft) => {
    const { eventType, ...rest } = draft as { eventType: 'SupplierSynced' | 'SupplierBankDetailsChanged' };
    return { eventType, value: { ...rest, envelope: env(eventType, minutes, sourceSystem) } } as SupplierTopicEvent;
  });
}

const fold = (state: SupplierMaster | null, events: SupplierTopicEvent[]) => events.reduce<SupplierMaster | null>((s, e) => projectSupplierEvent(s, e), state);

describe('projecting p2p.supplier.v1 into the supplier master', () => {
  it('a SupplierSynced › stores the published supplier, its revision and the record id of the system that sent it', () => {
    const created = decide(erpVendor(), [], 0);
    const master = fold(null, eventsOf(created.events, 0))!;
    expect(master.supplier).toEqual(created.supplier);
    expect(master.revision).toBe(1);
    expect(master.systems.erp.lastRecord?.sourceRecordId).toBe('V100234');
    expect(master.systems.purchasing.lastRecord).toBeNull();
    expect(master.hold).toBeNull();
  });

  it('a bank change then its confirmation › holds, then releases with the restored status, as the live state did', () => {
    const created = decide(erpVendor(), [], 0);
    const changed = decide(erpVendor({ BANK: { ACCOUNT_NUMBER: ACCOUNT_2, ROUTING_NUMBER: ROUTING_CHASE }, LAST_CHANGED: '2025-03-02T10:00:00Z' }), [created.master], 5);
    const held = fold(null, [...eventsOf(created.events, 0), ...eventsOf(changed.events, 5)])!;
    expect(held.hold?.newBankAccount).toEqual(changed.master.hold?.newBankAccount);
    expect(held.hold?.placedAt).toEqual(at(5));
    expect(held.supplier.status).toBe('ON_HOLD');
    expect(held.systems.erp.lastRecord?.status).toBe('ACTIVE');

    const release = confirmBankDetailsChange(changed.master, { confirmedBy: 'ap.lead', confirmedAt: at(9), bankAccountToken: changed.master.hold!.newBankAccount.token });
    if (release.kind !== 'released') throw new Error(release.reason);
    const released = fold(held, eventsOf(release.events, 9, 'procurelink'))!;
    expect(released.hold).toBeNull();
    expect(released.supplier.status).toBe('ACTIVE');
    expect(released.lastHoldRelease?.placedAt).toEqual(at(5));
    expect(released.revision).toBe(3);
  });

  it('a rebuilt master › still matches the next record of the same supplier and is never taken for newer than it', () => {
    const created = decide(erpVendor(), [], 0);
    const rebuilt = fold(null, eventsOf(created.events, 0))!;
    const next = decideSupplierChange({ source: 'erp', record: erpVendor({ NAME2: 'Acme Ortho' }) }, { tokeniser: testTokeniser, candidates: [rebuilt], now: at(20), newSupplierId: () => 'SUP-NEW' });
    expect(next.kind).toBe('synced');
    if (next.kind === 'synced') expect(next.supplierId).toBe('SUP-1');
  });
});
