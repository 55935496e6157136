import type { RetryTopology } from '@procurelink/messaging';

/** The topics supplier-sync touches, each with the optional test/environment prefix. */
export function supplierSyncTopics(prefix: string) {
  return {
    erpVendors: `${prefix}source.erp.vendor.v1`,
    purchasingSuppliers: `${prefix}source.purchasing.supplier.v1`,
    purchasingTarget: `${prefix}target.purchasing.supplier.v1`,
    canonical: `${prefix}p2p.supplier.v1`,
    group: `${prefix}procurelink.supplier-sync`,
  } as const;
}

export function supplierSyncTopology(prefix: string, delaysMs: readonly number[]): RetryTopology {
  const topics = supplierSyncTopics(prefix);
  return { group: topics.group, sourceTopics: [topics.erpVendors, topics.purchasingSuppliers], delaysMs };
}

/** Event types the JSON decoder gives the source records. */
export const ERP_VENDOR_RECORD = 'ErpVendorRecord';
export const PURCHASING_SUPPLIER_RECORD = 'PurchasingSupplierRecord';
