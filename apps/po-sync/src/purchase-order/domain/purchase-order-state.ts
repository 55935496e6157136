import type { Decimal, Item } from '@procurelink/canonical-schemas';
import type { EncumbranceCoding } from './encumbrance-posting';

/** One PO line as po-sync keeps it: what was ordered, received and encumbered. */
export interface PurchaseOrderLineState {
  readonly lineNumber: number;
  readonly item: Item;
  readonly orderedQuantity: Decimal;
  /** Accepted receipts minus returns, in the item's unit of measure. */
  readonly receivedQuantity: Decimal;
  readonly coding: EncumbranceCoding;
  /** What stands encumbered for the line, net of every posting po-sync made. */
  readonly encumbered: Decimal;
}

/** The state po-sync keeps per PO (in Redis, rebuildable from the canonical topics). */
export interface PurchaseOrderState {
  readonly poNumber: string;
  /** Null only for a PO known solely from its cancellation. */
  readonly supplierId: string | null;
  /** The last revision posted. */
  readonly revision: number;
  readonly status: 'OPEN' | 'CANCELLED';
  /**
   * The event that set the current lines: an approval or a change. Absent on a PO known solely
   * from its cancellation, and on states stored before this field existed.
   */
  readonly lastRevisionEvent?: 'APPROVED' | 'CHANGED';
  readonly lines: readonly PurchaseOrderLineState[];
  /** Receipts applied, so a redelivered receipt is recognised. */
  readonly receiptIds: readonly string[];
}
