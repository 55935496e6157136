import { Decimal } from '@procurelink/canonical-schemas';
import { BUYERS, ITEMS, SUPPLIERS, type Buyer, type CatalogueItem, type DemoSupplier } from './network';
import type { Random } from './random';

/** A purchase order as the simulator plans it, before it is written in any source shape. */
export interface PlannedLine {
  readonly lineNumber: number;
  readonly item: CatalogueItem;
  readonly quantity: Decimal;
  readonly unitPrice: Decimal;
  readonly buyer: Buyer;
}

export interface PlannedPo {
  readonly poNumber: string;
  readonly revision: number;
  readonly supplier: DemoSupplier;
  readonly buyer: Buyer;
  readonly orderDate: string;
  readonly lines: readonly PlannedLine[];
}

export function lineAmount(line: Pick<PlannedLine, 'quantity' | 'unitPrice'>): Decimal {
  return line.quantity.multiply(line.unitPrice).roundHalfEven(2);
}

export function poTotal(po: Pick<PlannedPo, 'lines'>): Decimal {
  return po.lines.reduce((sum, line) => sum.add(lineAmount(line)), Decimal.zero(2));
}

function itemById(itemId: string): CatalogueItem {
  const item = ITEMS.find((candidate) => candidate.itemId === itemId);
  if (!item) throw new Error(`unknown item ${itemId}`);
  return item;
}

/** `count` approved purchase orders spread over the network's buyers and suppliers. */
export function planPurchaseOrders(random: Random, count: number, day: string, firstNumber: number): PlannedPo[] {
  return Array.from({ length: count }, (_, index) => {
    const supplier = SUPPLIERS[index % SUPPLIERS.length] as DemoSupplier;
    const buyer = BUYERS[(index * 5 + random.int(0, BUYERS.length - 1)) % BUYERS.length] as Buyer;
    const items = supplier.sells.map(itemById);
    // A serialised item is ordered one at a time, so an order of it alone would bill the same total
    // every time (and rightly look like a near duplicate): it always comes with a consumable line.
    const serialisedFirst = (items[0]?.maxQuantity ?? 0) === 1 && items.length > 1;
    const lineCount = serialisedFirst ? 2 : random.int(1, Math.min(3, items.length + 1));
    const lines = Array.from({ length: lineCount }, (_, i): PlannedLine => {
      const item = items[i % items.length] as CatalogueItem;
      const quantity = item.maxQuantity === 1 ? 1 : random.int(1, Math.max(1, Math.floor(item.maxQuantity / 4)));
      return { lineNumber: i + 1, item, quantity: Decimal.parse(String(quantity)), unitPrice: Decimal.parse(item.unitPrice), buyer };
    });
    return { poNumber: `PO-${firstNumber + index}`, revision: 1, supplier, buyer, orderDate: day, lines };
  }).reduce<PlannedPo[]>((planned, po) => [...planned, withUniqueTotal(po, planned)], []);
}

/**
 * Orders of one supplier with the same total would make their invoices near duplicates of each
 * other (the duplicate check is right to flag them): one more unit on the first consumable line
 * until the total is the supplier's only one.
 */
function withUniqueTotal(po: PlannedPo, earlier: readonly PlannedPo[]): PlannedPo {
  const taken = new Set(earlier.filter((other) => other.supplier.supplierId === po.supplier.supplierId).map((other) => poTotal(other).toString()));
  const consumable = po.lines.findIndex((line) => line.item.maxQuantity > 1);
  let unique = po;
  while (consumable >= 0 && taken.has(poTotal(unique).toString())) {
    unique = { ...unique, lines: unique.lines.map((line, i) => (i === consumable ? { ...line, quantity: line.quantity.add(Decimal.parse('1')) } : line)) };
  }
  return unique;
}

/** The same order at its next revision, the first line's quantity raised. */
export function raiseFirstLine(po: PlannedPo, by: number): PlannedPo {
  return {
    ...po,
    revision: po.revision + 1,
    lines: po.lines.map((line, i) => (i === 0 ? { ...line, quantity: line.quantity.add(Decimal.parse(String(by))) } : line)),
  };
}
