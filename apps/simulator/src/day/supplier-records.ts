import type { DemoSupplier } from './network';

/** source.erp.vendor.v1: the ERP vendor master record (apps/supplier-sync/SOURCE.md). */
export function erpVendorRecord(supplier: DemoSupplier, changedAt: Date, bank = supplier.bank): object {
  return {
    VENDOR_ID: supplier.supplierId,
    NAME1: supplier.legalName,
    TAX_NUMBER: supplier.taxId,
    TAX_COUNTRY: 'US',
    DUNS: supplier.duns,
    STREET: supplier.address.line1,
    CITY: supplier.address.city,
    REGION: supplier.address.region,
    POSTAL_CODE: supplier.address.postalCode,
    COUNTRY: supplier.address.country,
    REMIT_TO: {
      STREET: `PO Box ${supplier.duns.slice(-4)}`,
      CITY: supplier.address.city,
      REGION: supplier.address.region,
      POSTAL_CODE: supplier.address.postalCode,
      COUNTRY: supplier.address.country,
    },
    PAYMENT_TERMS: supplier.paymentTermsCode,
    BANK: { ACCOUNT_NUMBER: bank.accountNumber, ROUTING_NUMBER: bank.routingNumber },
    STATUS: 'A',
    LAST_CHANGED: changedAt.toISOString(),
  };
}

/** source.purchasing.supplier.v1: the purchasing platform's record of the same supplier, under the network supplier number. */
export function purchasingSupplierRecord(supplier: DemoSupplier, updatedAt: Date): object {
  return {
    supplierId: supplier.supplierId,
    legalName: supplier.legalName.toUpperCase(),
    taxId: supplier.taxId,
    taxIdCountry: 'US',
    duns: supplier.duns,
    addresses: [{ type: 'ORDERING', ...supplier.address }],
    paymentTerms: supplier.paymentTermsCode,
    contact: { name: 'Customer Service', email: `orders@${supplier.supplierId.toLowerCase()}.example.com` },
    active: true,
    updatedAt: updatedAt.toISOString(),
  };
}
