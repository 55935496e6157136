import type { Decimal } from '@procurelink/canonical-schemas';
import { FieldReader, type ParseResult, type SourceProblem } from './field-reader';
import { parseItem, type SourceItem } from './purchasing-po-record';

export interface InventoryReceiptLine {
  readonly receiptLineNumber: number;
  readonly poLineNumber: number;
  readonly item: SourceItem;
  /** Negative for a return. */
  readonly quantityReceived: Decimal;
  readonly lotNumber: string | null;
  readonly expiryDate: string | null;
  readonly serialNumber: string | null;
  readonly udi: string | null;
}

/** A record of source.inventory.goods-receipt.v1, parsed. See apps/po-sync/SOURCE.md. */
export interface InventoryReceiptRecord {
  readonly receiptId: string;
  readonly poNumber: string;
  readonly facilityId: string;
  readonly receivedAt: Date;
  readonly receivingLocation: string | null;
  readonly lines: readonly InventoryReceiptLine[];
}

/** Parses an inventory goods-receipt record; every problem is reported with its field path. */
export function parseInventoryReceiptRecord(value: unknown): ParseResult<InventoryReceiptRecord> {
  const problems: SourceProblem[] = [];
  const read = FieldReader.root(value, problems);
  if (read === undefined) return { ok: false, problems };
  const record: InventoryReceiptRecord = {
    receiptId: read.identifier('receiptId'),
    poNumber: read.identifier('poNumber'),
    facilityId: read.identifier('facilityId'),
    receivedAt: read.instant('receivedAt'),
    receivingLocation: read.text('receivingLocation', { optional: true, max: 80 }),
    lines: read.list('lines', { min: 1, max: 1000 }).map(parseLine),
  };
  return problems.length > 0 ? { ok: false, problems } : { ok: true, record };
}

function parseLine(read: FieldReader, index: number): InventoryReceiptLine {
  const item = read.object_('item');
  return {
    receiptLineNumber: read.has('receiptLineNumber') ? read.integer('receiptLineNumber', 1, 100_000) : index + 1,
    poLineNumber: read.integer('poLineNumber', 1, 100_000),
    item: item === undefined ? { itemId: null, description: '', gtin: null, unspsc: null, manufacturerName: null, manufacturerPartNumber: null, supplierPartNumber: null, unitOfMeasure: '' } : parseItem(item, { descriptionRequired: false }),
    quantityReceived: read.decimal('quantityReceived', { allowNegative: true }),
    lotNumber: read.text('lotNumber', { optional: true, max: 80 }),
    expiryDate: read.date('expiryDate', { optional: true }),
    serialNumber: read.text('serialNumber', { optional: true, max: 80 }),
    udi: read.text('udi', { optional: true, max: 255 }),
  };
}
