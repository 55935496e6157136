import type { RetryTopology } from '@procurelink/messaging';

/** The topics po-sync touches, each with the optional test/environment prefix. */
export function poSyncTopics(prefix: string) {
  return {
    purchaseOrders: `${prefix}source.purchasing.purchase-order.v1`,
    goodsReceipts: `${prefix}source.inventory.goods-receipt.v1`,
    canonical: `${prefix}p2p.purchase-order.v1`,
    group: `${prefix}procurelink.po-sync`,
  } as const;
}

export function poSyncTopology(prefix: string, delaysMs: readonly number[]): RetryTopology {
  const topics = poSyncTopics(prefix);
  return { group: topics.group, sourceTopics: [topics.purchaseOrders, topics.goodsReceipts], delaysMs };
}
