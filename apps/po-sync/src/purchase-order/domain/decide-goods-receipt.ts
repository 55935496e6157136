import { Decimal, type GoodsReceived, type Item, type ReceiptLine } from '@procurelink/canonical-schemas';
import { addDays, isCalendarDate, utcDateOf } from './calendar-date';
import type { GoodsReceiptProblem, GoodsReceiptProblemCode } from './goods-receipt-problem';
import type { ItemTrackingLookup } from './item-tracking';
import type { PurchaseOrderLineState, PurchaseOrderState } from './purchase-order-state';

/** The receiving rules po-sync is configured with (see parsePoSyncDecisionConfig). */
export interface ReceiptRules {
  /** How far above the ordered quantity a line may be received, in percent; 0 allows no over-receipt. */
  readonly overReceiptTolerancePercent: Decimal;
  /** Days of shelf life a received lot must have left; 0 refuses only lots already expired. */
  readonly minRemainingShelfLifeDays: number;
}

export interface GoodsReceiptContext {
  readonly trackingOf: ItemTrackingLookup;
  readonly rules: ReceiptRules;
}

/** The effect of an accepted receipt on one PO line. */
export interface ReceivedLine {
  readonly poLineNumber: number;
  /** What this receipt adds (negative for a return), summed over its lines for the PO line. */
  readonly quantity: Decimal;
  /** Received so far, this receipt included. */
  readonly receivedQuantity: Decimal;
  readonly orderedQuantity: Decimal;
}

/** What a GoodsReceived does. A receipt is accepted whole or not at all. Never thrown. */
export type GoodsReceiptDecision =
  | { readonly kind: 'accepted'; readonly next: PurchaseOrderState; readonly received: readonly ReceivedLine[] }
  | { readonly kind: 'duplicate'; readonly receiptId: string }
  | { readonly kind: 'rejected'; readonly problems: readonly GoodsReceiptProblem[] };

const HUNDRED = Decimal.of(100n, 0);

/**
 * Checks a receipt against the PO lines it receives: the PO and each line must exist; the item
 * (GTIN, else item id) and unit of measure must match the line; the line may not be received
 * beyond the over-receipt tolerance (lines of one receipt for the same PO line add up) nor
 * returned below zero; a lot must not be expired on the (UTC) receipt date nor have less than
 * the minimum shelf life left; lot, expiry, serial and UDI must be present when the item's
 * tracking flags require them. A receipt id already applied is a duplicate.
 */
export function decideGoodsReceipt(state: PurchaseOrderState | null, receipt: GoodsReceived, context: GoodsReceiptContext): GoodsReceiptDecision {
  if (state === null) return reject('poNumber', 'UNKNOWN_PO', `purchase order ${receipt.poNumber} is not known`);
  if (state.receiptIds.includes(receipt.receiptId)) return { kind: 'duplicate', receiptId: receipt.receiptId };
  if (state.status === 'CANCELLED') return reject('poNumber', 'PO_CANCELLED', `purchase order ${receipt.poNumber} is cancelled`);
  if (receipt.lines.length === 0) return reject('lines', 'NO_LINES', 'a receipt needs at least one line');

  const problems: GoodsReceiptProblem[] = [];
  const poLines = new Map(state.lines.map((line) => [line.lineNumber, line]));
  const running = new Map(state.lines.map((line) => [line.lineNumber, line.receivedQuantity]));
  const serials = new Set<string>();
  const receiptDate = utcDateOf(receipt.receivedAt);

  receipt.lines.forEach((line, index) => {
    const add = (field: string, code: GoodsReceiptProblemCode, message: string) =>
      problems.push({ path: `lines[${index}]${field === '' ? '' : `.${field}`}`, code, message });
    const poLine = poLines.get(line.poLineNumber);
    if (poLine === undefined) {
      add('poLineNumber', 'UNKNOWN_LINE', `purchase order ${receipt.poNumber} has no line ${line.poLineNumber}`);
      return;
    }
    checkItem(line.item, poLine, add);
    checkQuantity(line, poLine, running, context.rules, add);
    checkTracking(line, poLine, context.trackingOf, serials, add);
    checkExpiry(line, receiptDate, context.rules.minRemainingShelfLifeDays, add);
  });
  if (problems.length > 0) return { kind: 'rejected', problems };

  const received = state.lines.flatMap((line): ReceivedLine[] => {
    const after = running.get(line.lineNumber) ?? line.receivedQuantity;
    if (!receipt.lines.some((receiptLine) => receiptLine.poLineNumber === line.lineNumber)) return [];
    return [{ poLineNumber: line.lineNumber, quantity: after.subtract(line.receivedQuantity), receivedQuantity: after, orderedQuantity: line.orderedQuantity }];
  });
  const next: PurchaseOrderState = {
    ...state,
    lines: state.lines.map((line) => ({ ...line, receivedQuantity: running.get(line.lineNumber) ?? line.receivedQuantity })),
    receiptIds: [...state.receiptIds, receipt.receiptId],
  };
  return { kind: 'accepted', next, received };
}

type Add = (field: string, code: GoodsReceiptProblemCode, message: string) => void;

function reject(path: string, code: GoodsReceiptProblemCode, message: string): GoodsReceiptDecision {
  return { kind: 'rejected', problems: [{ path, code, message }] };
}

function checkItem(item: Item, poLine: PurchaseOrderLineState, add: Add): void {
  const ordered = poLine.item;
  if (item.gtin !== null && ordered.gtin !== null) {
    if (normalGtin(item.gtin) !== normalGtin(ordered.gtin)) {
      add('item.gtin', 'ITEM_MISMATCH', `GTIN ${item.gtin} received, PO line ${poLine.lineNumber} ordered GTIN ${ordered.gtin}`);
    }
  } else if (item.itemId !== null && ordered.itemId !== null && item.itemId !== ordered.itemId) {
    add('item.itemId', 'ITEM_MISMATCH', `item ${item.itemId} received, PO line ${poLine.lineNumber} ordered item ${ordered.itemId}`);
  }
  if (normalUom(item.unitOfMeasure) !== normalUom(ordered.unitOfMeasure)) {
    add('item.unitOfMeasure', 'UOM_MISMATCH', `received in ${item.unitOfMeasure}, PO line ${poLine.lineNumber} is ordered in ${ordered.unitOfMeasure}`);
  }
}

function checkQuantity(line: ReceiptLine, poLine: PurchaseOrderLineState, running: Map<number, Decimal>, rules: ReceiptRules, add: Add): void {
  if (line.quantity.isZero()) {
    add('quantity', 'INVALID_QUANTITY', 'a receipt line must receive (or return) more than zero');
    return;
  }
  const total = (running.get(poLine.lineNumber) ?? poLine.receivedQuantity).add(line.quantity);
  running.set(poLine.lineNumber, total);
  const uom = poLine.item.unitOfMeasure;
  const limit = poLine.orderedQuantity.multiply(HUNDRED.add(rules.overReceiptTolerancePercent));
  if (!line.quantity.isNegative() && total.multiply(HUNDRED).greaterThan(limit)) {
    add(
      'quantity',
      'OVER_RECEIPT',
      `PO line ${poLine.lineNumber} would have ${total.toString()} ${uom} received of ${poLine.orderedQuantity.toString()} ordered, beyond the ${rules.overReceiptTolerancePercent.toString()}% tolerance`,
    );
  }
  if (line.quantity.isNegative() && total.isNegative()) {
    add('quantity', 'RETURN_EXCEEDS_RECEIVED', `PO line ${poLine.lineNumber} would have ${total.toString()} ${uom} received: more returned than received`);
  }
}

function checkTracking(line: ReceiptLine, poLine: PurchaseOrderLineState, trackingOf: ItemTrackingLookup, serials: Set<string>, add: Add): void {
  const tracking = trackingOf(poLine.item);
  const missing = (value: string | null) => value === null || value.trim() === '';
  const item = `item ${poLine.item.itemId ?? poLine.item.gtin ?? poLine.item.description}`;
  if (tracking.lotRequired && missing(line.lotNumber)) add('lotNumber', 'MISSING_LOT', `${item} is lot-tracked: a lot number is required`);
  if (tracking.expiryRequired && missing(line.expiryDate)) add('expiryDate', 'MISSING_EXPIRY', `${item} requires an expiry date`);
  if (tracking.serialRequired && missing(line.serialNumber)) add('serialNumber', 'MISSING_SERIAL', `${item} is serialised: a serial number is required`);
  if (tracking.udiRequired && missing(line.udi)) add('udi', 'MISSING_UDI', `${item} requires its UDI to be scanned`);
  if (line.serialNumber !== null && line.serialNumber.trim() !== '') {
    const key = `${poLine.lineNumber}\u0000${line.serialNumber.trim()}`;
    if (serials.has(key)) add('serialNumber', 'DUPLICATE_SERIAL', `serial ${line.serialNumber} appears twice for PO line ${poLine.lineNumber}`);
    serials.add(key);
  }
}

function checkExpiry(line: ReceiptLine, receiptDate: string, minShelfLifeDays: number, add: Add): void {
  if (line.expiryDate === null || line.expiryDate.trim() === '') return;
  if (!isCalendarDate(line.expiryDate)) {
    add('expiryDate', 'INVALID_EXPIRY_DATE', `"${line.expiryDate}" is not a calendar date YYYY-MM-DD`);
    return;
  }
  // A return may send back expired stock: only what comes in is checked.
  if (line.quantity.isNegative()) return;
  if (line.expiryDate < receiptDate) {
    add('expiryDate', 'EXPIRED_LOT', `lot ${line.lotNumber ?? '(none)'} expired on ${line.expiryDate}, before it was received on ${receiptDate}`);
    return;
  }
  const earliest = addDays(receiptDate, minShelfLifeDays);
  if (line.expiryDate < earliest) {
    add('expiryDate', 'SHORT_SHELF_LIFE', `lot ${line.lotNumber ?? '(none)'} expires on ${line.expiryDate}, less than ${minShelfLifeDays} days after receipt on ${receiptDate}`);
  }
}

/** GTIN-8/12/13/14 compared as GTIN-14: 012345678905 and 00012345678905 are the same item. */
function normalGtin(gtin: string): string {
  return gtin.trim().padStart(14, '0');
}

function normalUom(unit: string): string {
  return unit.trim().toUpperCase();
}
