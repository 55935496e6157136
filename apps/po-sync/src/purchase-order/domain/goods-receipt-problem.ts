import type { FieldProblem } from './field-problem';

/** What can be wrong with a GoodsReceived against its PO. A closed list. */
export const GOODS_RECEIPT_PROBLEM_CODES = [
  'UNKNOWN_PO',
  'PO_CANCELLED',
  'NO_LINES',
  'UNKNOWN_LINE',
  'INVALID_QUANTITY',
  'OVER_RECEIPT',
  'RETURN_EXCEEDS_RECEIVED',
  'ITEM_MISMATCH',
  'UOM_MISMATCH',
  'INVALID_EXPIRY_DATE',
  'EXPIRED_LOT',
  'SHORT_SHELF_LIFE',
  'MISSING_LOT',
  'MISSING_EXPIRY',
  'MISSING_SERIAL',
  'MISSING_UDI',
  'DUPLICATE_SERIAL',
] as const;

export type GoodsReceiptProblemCode = (typeof GOODS_RECEIPT_PROBLEM_CODES)[number];
export type GoodsReceiptProblem = FieldProblem<GoodsReceiptProblemCode>;
