import { Decimal, type Item } from '@procurelink/canonical-schemas';
import type { EncumbranceCoding, PurchaseOrderState } from '../domain';

/** How a PO state is stored: plain JSON, money and quantities as decimal strings. */
export interface PurchaseOrderStateJson {
  readonly poNumber: string;
  readonly supplierId: string | null;
  readonly revision: number;
  readonly status: 'OPEN' | 'CANCELLED';
  readonly lastRevisionEvent?: 'APPROVED' | 'CHANGED';
  readonly lines: ReadonlyArray<{
    readonly lineNumber: number;
    readonly item: Item;
    readonly orderedQuantity: string;
    readonly receivedQuantity: string;
    readonly coding: EncumbranceCoding;
    readonly encumbered: string;
  }>;
  readonly receiptIds: readonly string[];
}

export function stateToJson(state: PurchaseOrderState): PurchaseOrderStateJson {
  return {
    ...state,
    lines: state.lines.map((line) => ({
      ...line,
      orderedQuantity: line.orderedQuantity.toString(),
      receivedQuantity: line.receivedQuantity.toString(),
      encumbered: line.encumbered.toString(),
    })),
  };
}

export function stateFromJson(json: PurchaseOrderStateJson): PurchaseOrderState {
  return {
    ...json,
    lines: json.lines.map((line) => ({
      ...line,
      orderedQuantity: Decimal.parse(line.orderedQuantity),
      receivedQuantity: Decimal.parse(line.receivedQuantity),
      encumbered: Decimal.parse(line.encumbered),
    })),
  };
}
