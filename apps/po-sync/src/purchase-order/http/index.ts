// po-sync's governed HTTP system API: the controllers and their route docs (OpenAPI).
import { GOODS_RECEIPT_ROUTES } from './goods-receipts.routes';
import { PURCHASE_ORDER_ROUTES } from './purchase-orders.routes';

export { GoodsReceiptsController } from './goods-receipts.controller';
export { PurchaseOrdersController } from './purchase-orders.controller';
export { purchaseOrderStatus, type PurchaseOrderLineStatus, type PurchaseOrderStatus } from './purchase-order-status';

export const PO_SYNC_ROUTES = [...PURCHASE_ORDER_ROUTES, ...GOODS_RECEIPT_ROUTES];
