import { envelopeFor, type InvoiceLine, type InvoiceReceived, type Money } from '@procurelink/canonical-schemas';
import type { ApInvoiceLineRecord, ApInvoiceRecord } from '../source';
import { AP_AUTOMATION_SYSTEM, correlationIdOf } from './source-identity';

export interface MappingContext {
  readonly tenant: string;
}

/** An AP automation invoice as the canonical InvoiceReceived: occurredAt is the capture time, the facility is in the envelope. */
export function toInvoiceReceived(record: ApInvoiceRecord, context: MappingContext): InvoiceReceived {
  const money = (amount: ApInvoiceRecord['total']): Money => ({ amount, currency: record.currency });
  return {
    envelope: envelopeFor({
      eventType: 'InvoiceReceived',
      idParts: [AP_AUTOMATION_SYSTEM, record.invoiceId],
      occurredAt: record.capturedAt,
      sourceSystem: AP_AUTOMATION_SYSTEM,
      sourceRecordId: record.invoiceId,
      correlationId: correlationIdOf(record.poNumber, record.invoiceId),
      facilityId: record.facilityId,
      tenant: context.tenant,
    }),
    invoiceId: record.invoiceId,
    supplierId: record.supplierId,
    supplierInvoiceNumber: record.supplierInvoiceNumber,
    poNumber: record.poNumber,
    invoiceDate: record.invoiceDate,
    dueDate: record.dueDate,
    lines: record.lines.map((line) => toInvoiceLine(line, money)),
    subtotal: money(record.subtotal),
    taxAmount: money(record.taxAmount),
    totalAmount: money(record.total),
  };
}

function toInvoiceLine(line: ApInvoiceLineRecord, money: (amount: ApInvoiceRecord['total']) => Money): InvoiceLine {
  const item =
    line.gtin === null
      ? null
      : {
          itemId: null,
          description: line.description,
          gtin: line.gtin,
          unspsc: null,
          manufacturerName: null,
          manufacturerPartNumber: null,
          supplierPartNumber: null,
          unitOfMeasure: line.unitOfMeasure ?? 'EA',
        };
  return {
    lineNumber: line.lineNumber,
    poLineNumber: line.poLineNumber,
    description: line.description,
    item,
    quantity: line.quantity,
    unitPrice: money(line.unitPrice),
    lineAmount: money(line.lineAmount),
    taxAmount: line.taxAmount === null ? null : money(line.taxAmount),
  };
}
