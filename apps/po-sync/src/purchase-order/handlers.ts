import type { HandlerMap } from '@procurelink/messaging';
import type { GoodsReceiptFlow } from './goods-receipt-flow';
import type { PurchaseOrderFlow } from './purchase-order-flow';

/** Source event types (from the topic) → the flow that handles them. Thin: decode is done, pass on. */
export function poSyncHandlers(purchaseOrders: PurchaseOrderFlow, receipts: GoodsReceiptFlow): HandlerMap {
  return {
    PurchasingPurchaseOrder: (event) => purchaseOrders.handle(event.value, (records) => event.publish(records)),
    InventoryGoodsReceipt: (event) => receipts.handle(event.value, (records) => event.publish(records)),
  };
}
