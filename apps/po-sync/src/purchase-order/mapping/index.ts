export { toPurchaseOrderCancelled, toPurchaseOrderRevision, type MappingContext } from './to-canonical-purchase-order';
export { toGoodsReceived } from './to-goods-received';
export { correlationIdOf, poRecordEventId, rawPoEventId, rawReceiptEventId, receiptRecordEventId, INVENTORY_SYSTEM, PURCHASING_SYSTEM } from './source-identity';
