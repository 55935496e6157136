// Purchase orders and receipts: po-sync's pure decisions. No transport, no I/O.
export type { FieldProblem } from './field-problem';
export { referenceDataFrom, type DepartmentReference, type ReferenceData, type ReferenceEntry, type ReferenceTables } from './reference-data';
export type { PurchaseOrderRevision, PurchaseOrderRevisionEvent } from './purchase-order-event';
export {
  PURCHASE_ORDER_PROBLEM_CODES,
  validatePurchaseOrder,
  type PurchaseOrderProblem,
  type PurchaseOrderProblemCode,
} from './validate-purchase-order';
export {
  encumbranceKey,
  type EncumbranceCause,
  type EncumbranceCoding,
  type EncumbranceDirection,
  type EncumbrancePosting,
} from './encumbrance-posting';
export { encumbranceDelta, sameCoding, type LineEncumbrance, type PostingDraft } from './encumbrance-delta';
export type { PurchaseOrderLineState, PurchaseOrderState } from './purchase-order-state';
export type { PurchaseOrderDecision, PurchaseOrderIgnoredReason } from './purchase-order-decision';
export { codingOf, decidePurchaseOrderRevision } from './decide-purchase-order-revision';
export { decidePurchaseOrderCancellation } from './decide-purchase-order-cancellation';
export { UNTRACKED, type ItemTracking, type ItemTrackingLookup } from './item-tracking';
export { GOODS_RECEIPT_PROBLEM_CODES, type GoodsReceiptProblem, type GoodsReceiptProblemCode } from './goods-receipt-problem';
export {
  decideGoodsReceipt,
  type GoodsReceiptContext,
  type GoodsReceiptDecision,
  type ReceiptRules,
  type ReceivedLine,
} from './decide-goods-receipt';
export {
  PO_SYNC_DECISION_SETTINGS,
  parsePoSyncDecisionConfig,
  type PoSyncConfigResult,
  type PoSyncDecisionConfig,
} from './po-sync-config';
