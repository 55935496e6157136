import type { Address, BankAccountRef } from '@procurelink/canonical-schemas';
import type { VendorUpsert } from '@procurelink/erp-connector';
import { createHash } from 'node:crypto';
import type { SupplierMaster, SupplierProjection } from '../domain';
import { stableJson } from '../domain/stable-json';

const ERP_STATUS = { ACTIVE: 'ACTIVE', INACTIVE: 'INACTIVE', BLOCKED: 'ON_HOLD' } as const;

function vendorAddress(address: Address): VendorUpsert['remitTo'] {
  return {
    line1: address.line1,
    ...(address.line2 === null ? {} : { line2: address.line2 }),
    city: address.city,
    ...(address.region === null ? {} : { region: address.region }),
    postalCode: address.postalCode,
    country: address.country,
  };
}

/**
 * The ERP vendor upsert for a supplier the ERP lacks: what the decision projected for the ERP
 * (`master.systems.erp.pushed`). The status is the merged one (BLOCKED → ON_HOLD) — a payment hold
 * is never pushed as a status. The bank account goes as a reference (token, mask, country) only.
 */
export function toVendorUpsert(master: SupplierMaster): VendorUpsert {
  const projection: SupplierProjection | null = master.systems.erp.pushed;
  if (projection === null) throw new Error(`supplier ${master.supplierId} has nothing projected for the ERP`);
  if (projection.remitTo === null) throw new Error(`supplier ${master.supplierId} has no remit-to for the ERP`);
  const bank: BankAccountRef | null = projection.bankAccountToken === null ? null : master.supplier.bankAccount;
  return {
    supplierId: master.supplierId,
    legalName: projection.legalName,
    ...(projection.tradingName === null ? {} : { tradingName: projection.tradingName }),
    status: ERP_STATUS[projection.status],
    remitTo: vendorAddress(projection.remitTo),
    bankAccount: bank === null ? null : { token: bank.token, maskedNumber: bank.maskedNumber, bankCountry: bank.bankCountry },
    ...(projection.paymentTermsCode === null ? {} : { paymentTermsCode: projection.paymentTermsCode }),
  };
}

/**
 * `vendor:<supplierId>:<hash>`: the hash covers the vendor record and the supplier revision, so a
 * re-run of the same change replays the ERP's original posting, while a new change — even one back
 * to values the ERP held before (A → B → A) — posts again.
 */
export function vendorIdempotencyKey(master: SupplierMaster, upsert: VendorUpsert): string {
  const hash = createHash('sha256').update(stableJson({ revision: master.revision, upsert })).digest('hex').slice(0, 24);
  return `vendor:${master.supplierId}:${hash}`;
}
