// The source shapes po-sync reads (apps/po-sync/SOURCE.md): parsers returning problems with field
// paths, for the Kafka consumers and the future HTTP system API alike.
export type { ParseResult, SourceProblem } from './field-reader';
export {
  PO_ACTIONS,
  parsePurchasingPoRecord,
  type PoAction,
  type PurchasingPoCancelRecord,
  type PurchasingPoLine,
  type PurchasingPoRecord,
  type PurchasingPoRevisionRecord,
  type SourceItem,
} from './purchasing-po-record';
export { parseInventoryReceiptRecord, type InventoryReceiptLine, type InventoryReceiptRecord } from './inventory-receipt-record';
export { describeProblems } from './describe-problems';
