import { stableEventId, type Address } from '@procurelink/canonical-schemas';
import { HEADERS, type OutboundRecord } from '@procurelink/messaging';
import { createHash } from 'node:crypto';
import type { SupplierMaster } from '../domain';
import { stableJson } from '../domain/stable-json';

export const PURCHASING_SUPPLIER_PUSH = 'PurchasingSupplierPush';

/** The JSON record pushed to the purchasing platform on target.purchasing.supplier.v1 (documented in SOURCE.md). */
export interface PurchasingSupplierPush {
  readonly supplierId: string;
  /** The purchasing platform's own id of the supplier, when it ever sent one. */
  readonly purchasingSupplierId: string | null;
  readonly revision: number;
  readonly legalName: string;
  readonly dbaName: string | null;
  readonly taxId: { readonly token: string; readonly maskedValue: string; readonly issuingCountry: string } | null;
  readonly duns: string | null;
  readonly active: boolean;
  readonly addresses: ReadonlyArray<{ readonly type: 'ORDERING' | 'REMIT_TO' } & Address>;
  readonly paymentTerms: string | null;
  readonly bankAccount: { readonly token: string; readonly maskedNumber: string; readonly bankCountry: string } | null;
  readonly contact: { readonly name: string | null; readonly email: string | null; readonly phone: string | null };
  readonly syncedAt: string;
}

/** The push for a supplier the purchasing platform lacks: its projection (`master.systems.purchasing.pushed`). */
export function toPurchasingPush(master: SupplierMaster): PurchasingSupplierPush {
  const projection = master.systems.purchasing.pushed;
  if (projection === null) throw new Error(`supplier ${master.supplierId} has nothing projected for purchasing`);
  const taxId = master.supplier.taxId;
  const bank = projection.bankAccountToken === null ? null : master.supplier.bankAccount;
  return {
    supplierId: master.supplierId,
    purchasingSupplierId: master.systems.purchasing.lastRecord?.sourceRecordId ?? null,
    revision: master.revision,
    legalName: projection.legalName,
    dbaName: projection.tradingName,
    taxId: projection.taxIdToken === null ? null : { token: taxId.token, maskedValue: taxId.maskedValue, issuingCountry: taxId.issuingCountry },
    duns: projection.dunsNumber,
    active: projection.status === 'ACTIVE',
    addresses: [
      ...projection.orderingAddresses.map((address) => ({ type: 'ORDERING' as const, ...address })),
      ...(projection.remitTo === null ? [] : [{ type: 'REMIT_TO' as const, ...projection.remitTo }]),
    ],
    paymentTerms: projection.paymentTermsCode,
    bankAccount: bank === null ? null : { token: bank.token, maskedNumber: bank.maskedNumber, bankCountry: bank.bankCountry },
    contact: projection.contact,
    syncedAt: master.updatedAt.toISOString(),
  };
}

/** The push as a record for target.purchasing.supplier.v1 (key: the canonical supplier id). */
export function purchasingPushRecord(topic: string, push: PurchasingSupplierPush): OutboundRecord {
  const { syncedAt: _ignored, ...content } = push;
  const hash = createHash('sha256').update(stableJson(content)).digest('hex');
  return {
    topic,
    key: push.supplierId,
    value: JSON.stringify(push),
    headers: { [HEADERS.eventType]: PURCHASING_SUPPLIER_PUSH, [HEADERS.eventId]: stableEventId(PURCHASING_SUPPLIER_PUSH, push.supplierId, hash) },
  };
}
