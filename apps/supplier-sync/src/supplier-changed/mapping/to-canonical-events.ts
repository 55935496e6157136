import { envelopeFor, type CanonicalCodec, type Envelope, type SupplierBankDetailsChanged, type SupplierSynced } from '@procurelink/canonical-schemas';
import { HEADERS, type OutboundRecord } from '@procurelink/messaging';
import { SUPPLIER_BANK_DETAILS_CHANGED, SUPPLIER_SYNCED, type PaymentHold, type SupplierEventDraft } from '../domain';

export type CanonicalEncoder = Pick<CanonicalCodec, 'encode'>;

/** What the envelopes of one decision share. */
export interface EnvelopeContext {
  readonly supplierId: string;
  /** The revision of the stored supplier after the change. */
  readonly revision: number;
  /** When Procurelink decided (also the hold's placedAt and the master's updatedAt). */
  readonly occurredAt: Date;
  /** The system whose record caused the change, or `procurelink` for an API confirmation. */
  readonly sourceSystem: string;
  readonly sourceRecordId: string;
  readonly causationId: string | null;
  readonly tenant: string;
  readonly facilityId: string;
}

/**
 * The id of a bank-details change: the event id of its SupplierBankDetailsChanged, derived from
 * the hold alone (supplier, new account token, time placed), so the confirmation API and the
 * status lookup can name it without storing it separately.
 */
export function bankChangeEnvelope(supplierId: string, hold: Pick<PaymentHold, 'newBankAccount' | 'placedAt'>, base: Omit<EnvelopeContext, 'supplierId' | 'revision' | 'occurredAt'>): Envelope {
  return envelopeFor({
    eventType: SUPPLIER_BANK_DETAILS_CHANGED,
    idParts: [supplierId, hold.newBankAccount.token, hold.placedAt.toISOString()],
    occurredAt: hold.placedAt,
    sourceSystem: base.sourceSystem,
    sourceRecordId: base.sourceRecordId,
    correlationId: supplierId,
    causationId: base.causationId,
    facilityId: base.facilityId,
    tenant: base.tenant,
  });
}

export function bankChangeId(supplierId: string, hold: Pick<PaymentHold, 'newBankAccount' | 'placedAt'>): string {
  return bankChangeEnvelope(supplierId, hold, { sourceSystem: '', sourceRecordId: '', causationId: null, tenant: '', facilityId: '' }).eventId;
}

/** The canonical events a decision asked for, enveloped (stable ids) and encoded for p2p.supplier.v1, in order. */
export function canonicalRecords(encoder: CanonicalEncoder, drafts: readonly SupplierEventDraft[], context: EnvelopeContext): OutboundRecord[] {
  return drafts.map((draft) => {
    const encoded =
      draft.eventType === SUPPLIER_SYNCED
        ? encoder.encode(SUPPLIER_SYNCED, toSynced(draft, context))
        : encoder.encode(SUPPLIER_BANK_DETAILS_CHANGED, toBankChanged(draft, context));
    return { topic: encoded.topic, key: encoded.key, value: encoded.value, headers: { [HEADERS.eventType]: encoded.eventType, [HEADERS.eventId]: encoded.eventId } };
  });
}

function toSynced(draft: Extract<SupplierEventDraft, { eventType: 'SupplierSynced' }>, context: EnvelopeContext): SupplierSynced {
  const envelope = envelopeFor({
    eventType: SUPPLIER_SYNCED,
    idParts: [draft.supplierId, context.revision],
    occurredAt: context.occurredAt,
    sourceSystem: context.sourceSystem,
    sourceRecordId: context.sourceRecordId,
    correlationId: draft.supplierId,
    causationId: context.causationId,
    facilityId: context.facilityId,
    tenant: context.tenant,
  });
  return { envelope, supplierId: draft.supplierId, supplier: draft.supplier };
}

function toBankChanged(draft: Extract<SupplierEventDraft, { eventType: 'SupplierBankDetailsChanged' }>, context: EnvelopeContext): SupplierBankDetailsChanged {
  const envelope = bankChangeEnvelope(draft.supplierId, { newBankAccount: draft.newBankAccount, placedAt: context.occurredAt }, context);
  return {
    envelope,
    supplierId: draft.supplierId,
    previousBankAccount: draft.previousBankAccount,
    newBankAccount: draft.newBankAccount,
    paymentsHeld: draft.paymentsHeld,
  };
}
