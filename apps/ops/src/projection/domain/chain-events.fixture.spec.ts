// One procure-to-pay chain as canonical events (PO approved → receipt → invoice received, posted →
// payment scheduled), for the unit and int tiers. Ids derive from `run`, so every run is its own.
import { Decimal, type CanonicalEventMap, type CanonicalEventType, type Envelope, type Item, type Money } from '@procurelink/canonical-schemas';

const money = (amount: string): Money => ({ amount: Decimal.parse(amount), currency: 'USD' });
const item: Item = { itemId: 'ITM-9', description: 'Nitrile exam gloves', gtin: null, unspsc: null, manufacturerName: null, manufacturerPartNumber: null, supplierPartNumber: null, unitOfMeasure: 'BX' };
const address = { line1: '1 Hospital Way', line2: null, city: 'Springfield', region: 'IL', postalCode: '62701', country: 'US' };

export interface ChainIds {
  readonly poNumber: string;
  readonly receiptId: string;
  readonly invoiceId: string;
  readonly paymentId: string;
  readonly supplierId: string;
  readonly facilityId: string;
  readonly chainId: string;
}

export function chainIds(run: string): ChainIds {
  return { poNumber: `PO-${run}`, receiptId: `GR-${run}`, invoiceId: `INV-${run}`, paymentId: `PMT-${run}`, supplierId: `SUP-${run}`, facilityId: 'FAC-NORTH', chainId: `chain-PO-${run}` };
}

export function envelopeOf(ids: ChainIds, eventType: CanonicalEventType, minute: number): Envelope {
  return {
    eventId: `evt-${eventType}-${ids.poNumber}`,
    eventType,
    occurredAt: new Date(Date.UTC(2026, 2, 9, 10, minute)),
    sourceSystem: 'test',
    sourceRecordId: `src-${eventType}`,
    correlationId: ids.chainId,
    causationId: null,
    facilityId: ids.facilityId,
    tenant: 'demo-health',
  };
}

export function chainEvents(ids: ChainIds) {
  const line = { lineNumber: 1, item, quantity: Decimal.parse('10'), unitPrice: money('12.5'), lineAmount: money('125.00'), department: { departmentId: 'D1', name: 'Ward', facilityId: ids.facilityId }, costCentre: { code: 'CC1', name: 'CC' }, glAccount: { accountNumber: '500100', name: 'Supplies' }, requestedDeliveryDate: null };
  const approved: CanonicalEventMap['PurchaseOrderApproved'] = {
    envelope: envelopeOf(ids, 'PurchaseOrderApproved', 0), poNumber: ids.poNumber, revision: 1, supplierId: ids.supplierId, orderDate: '2026-03-09', approvedAt: new Date(Date.UTC(2026, 2, 9, 10, 0)),
    shipTo: { facilityId: ids.facilityId, name: 'North', legalEntity: '1000', address }, lines: [line], totalAmount: money('125.00'),
  };
  const received: CanonicalEventMap['GoodsReceived'] = {
    envelope: envelopeOf(ids, 'GoodsReceived', 1), poNumber: ids.poNumber, receiptId: ids.receiptId, receivedAt: new Date(Date.UTC(2026, 2, 9, 10, 1)), receivingLocation: null,
    lines: [{ receiptLineNumber: 1, poLineNumber: 1, item, quantity: Decimal.parse('10'), lotNumber: 'LOT1', expiryDate: null, serialNumber: null, udi: null }],
  };
  const invoiceReceived: CanonicalEventMap['InvoiceReceived'] = {
    envelope: envelopeOf(ids, 'InvoiceReceived', 2), invoiceId: ids.invoiceId, supplierId: ids.supplierId, supplierInvoiceNumber: `S-${ids.invoiceId}`, poNumber: ids.poNumber, invoiceDate: '2026-03-09', dueDate: null,
    lines: [{ lineNumber: 1, poLineNumber: 1, description: 'gloves', item: null, quantity: Decimal.parse('10'), unitPrice: money('12.5'), lineAmount: money('125.00'), taxAmount: null }],
    subtotal: money('125.00'), taxAmount: money('0.00'), totalAmount: money('125.00'),
  };
  const invoicePosted: CanonicalEventMap['InvoicePosted'] = {
    envelope: envelopeOf(ids, 'InvoicePosted', 3), invoiceId: ids.invoiceId, supplierId: ids.supplierId, erpDocumentNumber: `AP-${ids.invoiceId}`, postingDate: '2026-03-09', postedAt: new Date(Date.UTC(2026, 2, 9, 10, 3)), totalAmount: money('125.00'),
  };
  const paymentScheduled: CanonicalEventMap['PaymentScheduled'] = {
    envelope: envelopeOf(ids, 'PaymentScheduled', 4), paymentId: ids.paymentId, supplierId: ids.supplierId, invoiceIds: [ids.invoiceId], amount: money('125.00'), method: 'ACH', scheduledDate: '2026-03-20',
    bankAccount: { token: 'tok_1', maskedNumber: '****4321', bankCountry: 'US' },
  };
  return { approved, received, invoiceReceived, invoicePosted, paymentScheduled };
}
