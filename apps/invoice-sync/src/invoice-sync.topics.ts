import type { RetryTopology } from '@procurelink/messaging';

/** The topics invoice-sync touches, each with the optional test/environment prefix. */
export function invoiceSyncTopics(prefix: string) {
  return {
    apInvoices: `${prefix}source.ap.invoice.v1`,
    purchaseOrders: `${prefix}p2p.purchase-order.v1`,
    suppliers: `${prefix}p2p.supplier.v1`,
    invoices: `${prefix}p2p.invoice.v1`,
    group: `${prefix}procurelink.invoice-sync`,
  } as const;
}

/** One consumer group over the AP source topic and the canonical topics it reads. */
export function invoiceSyncTopology(prefix: string, delaysMs: readonly number[]): RetryTopology {
  const topics = invoiceSyncTopics(prefix);
  return { group: topics.group, sourceTopics: [topics.apInvoices, topics.purchaseOrders, topics.suppliers], delaysMs };
}
