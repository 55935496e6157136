/** The source topics the simulated systems write to (the services' SOURCE.md files describe each shape). */
export const SOURCE_TOPICS = {
  erpVendor: 'source.erp.vendor.v1',
  purchasingSupplier: 'source.purchasing.supplier.v1',
  purchaseOrder: 'source.purchasing.purchase-order.v1',
  goodsReceipt: 'source.inventory.goods-receipt.v1',
  apInvoice: 'source.ap.invoice.v1',
  erpPayment: 'source.erp.payment.v1',
} as const;

export type SourceTopic = (typeof SOURCE_TOPICS)[keyof typeof SOURCE_TOPICS];
