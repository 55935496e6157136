import {
  envelopeFor,
  type Facility,
  type Item,
  type PurchaseOrderApproved,
  type PurchaseOrderCancelled,
  type PurchaseOrderChanged,
  type PurchaseOrderLine,
} from '@procurelink/canonical-schemas';
import type { PurchaseOrderRevisionEvent } from '../domain';
import type { ReferenceDirectory } from '../reference/reference-file';
import type { PurchasingPoCancelRecord, PurchasingPoLine, PurchasingPoRevisionRecord, SourceItem } from '../source';
import { correlationIdOf, PURCHASING_SYSTEM } from './source-identity';

/** What a mapping needs besides the record: the names in the reference data and the tenant. */
export interface MappingContext {
  readonly directory: Pick<ReferenceDirectory, 'facility' | 'departmentName' | 'costCentreName' | 'glAccountName'>;
  readonly tenant: string;
}

/**
 * An APPROVED or CHANGED purchasing record as the canonical event. Codes are kept as sent; names
 * and the ship-to address come from the reference data (the code stands in for an unknown one:
 * validation then refuses the revision, so such an event is never published).
 */
export function toPurchaseOrderRevision(record: PurchasingPoRevisionRecord, context: MappingContext): PurchaseOrderRevisionEvent {
  const eventType = record.action === 'APPROVED' ? 'PurchaseOrderApproved' : 'PurchaseOrderChanged';
  const envelope = envelopeFor({
    eventType,
    idParts: [PURCHASING_SYSTEM, record.poNumber, record.revision],
    occurredAt: record.occurredAt,
    sourceSystem: PURCHASING_SYSTEM,
    sourceRecordId: record.poNumber,
    correlationId: record.correlationId ?? correlationIdOf(record.poNumber),
    facilityId: record.shipToFacilityId,
    tenant: context.tenant,
  });
  const common = {
    envelope,
    poNumber: record.poNumber,
    revision: record.revision,
    supplierId: record.supplierId,
    shipTo: facilityOf(record.shipToFacilityId, context),
    lines: record.lines.map((line) => lineOf(line, record.currency, context)),
    totalAmount: { amount: record.totalAmount, currency: record.currency },
  };
  if (eventType === 'PurchaseOrderApproved') {
    const value: PurchaseOrderApproved = { ...common, orderDate: record.orderDate, approvedAt: record.occurredAt };
    return { eventType, value };
  }
  const value: PurchaseOrderChanged = { ...common, changeReason: record.changeReason };
  return { eventType, value };
}

export function toPurchaseOrderCancelled(record: PurchasingPoCancelRecord, facilityId: string, context: Pick<MappingContext, 'tenant'>): PurchaseOrderCancelled {
  return {
    envelope: envelopeFor({
      eventType: 'PurchaseOrderCancelled',
      idParts: [PURCHASING_SYSTEM, record.poNumber, record.revision],
      occurredAt: record.occurredAt,
      sourceSystem: PURCHASING_SYSTEM,
      sourceRecordId: record.poNumber,
      correlationId: record.correlationId ?? correlationIdOf(record.poNumber),
      facilityId,
      tenant: context.tenant,
    }),
    poNumber: record.poNumber,
    revision: record.revision,
    reason: record.reason,
    cancelledAt: record.occurredAt,
  };
}

function facilityOf(facilityId: string, context: MappingContext): Facility {
  const row = context.directory.facility(facilityId);
  if (row === undefined) {
    return { facilityId, name: facilityId, legalEntity: 'UNKNOWN', address: { line1: '', line2: null, city: '', region: null, postalCode: '', country: 'ZZ' } };
  }
  return { facilityId, name: row.name, legalEntity: row.legalEntity, address: row.address };
}

function lineOf(line: PurchasingPoLine, currency: string, context: MappingContext): PurchaseOrderLine {
  const { directory } = context;
  return {
    lineNumber: line.lineNumber,
    item: itemOf(line.item),
    quantity: line.quantity,
    unitPrice: { amount: line.unitPrice, currency },
    lineAmount: { amount: line.lineAmount, currency },
    department: { departmentId: line.departmentId, name: directory.departmentName(line.departmentId) ?? line.departmentId, facilityId: line.facilityId },
    costCentre: { code: line.costCentre, name: directory.costCentreName(line.costCentre) ?? line.costCentre },
    glAccount: { accountNumber: line.glAccount, name: directory.glAccountName(line.glAccount) ?? line.glAccount },
    requestedDeliveryDate: line.requestedDeliveryDate,
  };
}

export function itemOf(item: SourceItem): Item {
  return { ...item };
}
