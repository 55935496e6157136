import type { Decimal } from '@procurelink/canonical-schemas';
import { FieldReader, type ParseResult, type SourceProblem } from './field-reader';

/** The purchasing platform's action on a PO: the record says which. */
export const PO_ACTIONS = ['APPROVED', 'CHANGED', 'CANCELLED'] as const;
export type PoAction = (typeof PO_ACTIONS)[number];

/** An item as the purchasing platform (and inventory) describes it. */
export interface SourceItem {
  readonly itemId: string | null;
  readonly description: string;
  readonly gtin: string | null;
  readonly unspsc: string | null;
  readonly manufacturerName: string | null;
  readonly manufacturerPartNumber: string | null;
  readonly supplierPartNumber: string | null;
  readonly unitOfMeasure: string;
}

export interface PurchasingPoLine {
  readonly lineNumber: number;
  readonly item: SourceItem;
  readonly quantity: Decimal;
  readonly unitPrice: Decimal;
  readonly lineAmount: Decimal;
  /** The facility whose department is charged; the ship-to facility when the record leaves it out. */
  readonly facilityId: string;
  readonly departmentId: string;
  readonly costCentre: string;
  readonly glAccount: string;
  readonly requestedDeliveryDate: string | null;
}

interface PoRecordBase {
  readonly poNumber: string;
  readonly revision: number;
  readonly occurredAt: Date;
  readonly correlationId: string | null;
}

/** APPROVED or CHANGED: the complete order at this revision. */
export interface PurchasingPoRevisionRecord extends PoRecordBase {
  readonly action: 'APPROVED' | 'CHANGED';
  readonly supplierId: string;
  readonly orderDate: string;
  readonly changeReason: string | null;
  readonly currency: string;
  readonly totalAmount: Decimal;
  readonly shipToFacilityId: string;
  readonly lines: readonly PurchasingPoLine[];
}

export interface PurchasingPoCancelRecord extends PoRecordBase {
  readonly action: 'CANCELLED';
  readonly reason: string;
}

/** A record of source.purchasing.purchase-order.v1, parsed. See apps/po-sync/SOURCE.md. */
export type PurchasingPoRecord = PurchasingPoRevisionRecord | PurchasingPoCancelRecord;

const GTIN = /^(\d{8}|\d{12}|\d{13}|\d{14})$/;

/** Parses a purchasing PO record; every problem is reported with its field path. */
export function parsePurchasingPoRecord(value: unknown): ParseResult<PurchasingPoRecord> {
  const problems: SourceProblem[] = [];
  const read = FieldReader.root(value, problems);
  if (read === undefined) return { ok: false, problems };
  const action = read.oneOf('action', PO_ACTIONS);
  const base: PoRecordBase = {
    poNumber: read.identifier('poNumber'),
    revision: read.integer('revision', 0, 1_000_000),
    occurredAt: read.instant('occurredAt'),
    correlationId: read.optionalIdentifier('correlationId'),
  };
  if (action === undefined) return { ok: false, problems };
  if (action === 'CANCELLED') {
    const record: PurchasingPoCancelRecord = { ...base, action, reason: read.text('reason', { optional: true, max: 500 }) ?? 'cancelled in purchasing' };
    return problems.length > 0 ? { ok: false, problems } : { ok: true, record };
  }
  const shipTo = read.object_('shipTo');
  const shipToFacilityId = shipTo?.identifier('facilityId') ?? '';
  const record: PurchasingPoRevisionRecord = {
    ...base,
    action,
    supplierId: read.identifier('supplierId'),
    orderDate: read.date('orderDate'),
    changeReason: read.text('changeReason', { optional: true, max: 500 }),
    currency: read.currency('currency'),
    totalAmount: read.decimal('totalAmount'),
    shipToFacilityId,
    lines: read.list('lines', { min: 1, max: 1000 }).map((line) => parseLine(line, shipToFacilityId)),
  };
  return problems.length > 0 ? { ok: false, problems } : { ok: true, record };
}

function parseLine(read: FieldReader, shipToFacilityId: string): PurchasingPoLine {
  const item = read.object_('item');
  return {
    lineNumber: read.integer('lineNumber', 1, 100_000),
    item: item === undefined ? emptyItem() : parseItem(item, { descriptionRequired: true }),
    quantity: read.decimal('quantity'),
    unitPrice: read.decimal('unitPrice', { allowNegative: true }),
    lineAmount: read.decimal('lineAmount', { allowNegative: true }),
    facilityId: read.optionalIdentifier('facilityId') ?? shipToFacilityId,
    departmentId: read.identifier('departmentId'),
    costCentre: read.identifier('costCentre'),
    glAccount: read.identifier('glAccount'),
    requestedDeliveryDate: read.date('requestedDeliveryDate', { optional: true }),
  };
}

/** An item: unit of measure required, GTIN 8/12/13/14 digits when given. Shared with goods receipts. */
export function parseItem(read: FieldReader, options: { descriptionRequired: boolean }): SourceItem {
  const gtin = read.text('gtin', { optional: true, max: 14 });
  if (gtin !== null && !GTIN.test(gtin)) read.problem('gtin', 'must be a GTIN of 8, 12, 13 or 14 digits');
  const unspsc = read.text('unspsc', { optional: true, max: 8 });
  if (unspsc !== null && !/^\d{8}$/.test(unspsc)) read.problem('unspsc', 'must be an 8-digit UNSPSC code');
  const item: SourceItem = {
    itemId: read.optionalIdentifier('itemId'),
    description: options.descriptionRequired ? read.text('description') : (read.text('description', { optional: true }) ?? ''),
    gtin,
    unspsc,
    manufacturerName: read.text('manufacturerName', { optional: true, max: 200 }),
    manufacturerPartNumber: read.text('manufacturerPartNumber', { optional: true, max: 80 }),
    supplierPartNumber: read.text('supplierPartNumber', { optional: true, max: 80 }),
    unitOfMeasure: read.text('unitOfMeasure', { max: 3 }),
  };
  if (item.itemId === null && item.gtin === null) read.problem('itemId', 'an item needs an itemId or a gtin');
  return item;
}

function emptyItem(): SourceItem {
  return { itemId: null, description: '', gtin: null, unspsc: null, manufacturerName: null, manufacturerPartNumber: null, supplierPartNumber: null, unitOfMeasure: '' };
}
