import { Decimal } from '@procurelink/canonical-schemas';
import { projectCanonicalEvent } from './canonical-projection';
import { chainEvents, chainIds, envelopeOf } from './chain-events.fixture.spec';

const meta = { topic: 'p2p.purchase-order.v1', partition: 2, offset: '41', traceId: 'trace-1', recordedAt: new Date('2026-03-09T11:00:00Z') };
const ids = chainIds('1');
const events = chainEvents(ids);

describe('projecting canonical events onto documents', () => {
  it('a PO approval › the PO document APPROVED with supplier, facility, exact amount, chain and trace, and its event row', () => {
    const projection = projectCanonicalEvent('PurchaseOrderApproved', events.approved, meta);
    expect(projection?.document).toMatchObject({
      docType: 'PURCHASE_ORDER', docId: 'PO-1', poNumber: 'PO-1', chainId: 'chain-PO-1', stage: 'APPROVED', facilityId: 'FAC-NORTH', supplierId: 'SUP-1', amount: '125.00', currency: 'USD', traceId: 'trace-1',
    });
    expect(projection?.event).toMatchObject({ eventId: 'evt-PurchaseOrderApproved-PO-1', eventType: 'PurchaseOrderApproved', topic: meta.topic, partition: 2, offset: '41', sourceSystem: 'test' });
    expect(projection?.event.summary).toMatchObject({ revision: 1, lines: 1, totalAmount: { amount: '125.00', currency: 'USD' } });
  });

  it('a receipt › a RECEIPT document of the PO, facility from the envelope', () => {
    expect(projectCanonicalEvent('GoodsReceived', events.received, meta)?.document).toMatchObject({ docType: 'RECEIPT', docId: 'GR-1', poNumber: 'PO-1', stage: 'RECEIVED', facilityId: 'FAC-NORTH', chainId: 'chain-PO-1' });
  });

  it('an invoice exception › EXCEPTION with the reason and detail; a later posting clears it', () => {
    const exception = {
      envelope: envelopeOf(ids, 'InvoiceException', 2), invoiceId: ids.invoiceId, supplierId: ids.supplierId, poNumber: ids.poNumber, reason: 'PRICE_VARIANCE' as const,
      detail: 'unit price 13.00 above 12.50', duplicateOfInvoiceId: null, varianceAmount: { amount: Decimal.parse('5.00'), currency: 'USD' }, variancePercent: Decimal.parse('4.0'),
    };
    expect(projectCanonicalEvent('InvoiceException', exception, meta)?.document).toMatchObject({ stage: 'EXCEPTION', exception: { reason: 'PRICE_VARIANCE', detail: 'unit price 13.00 above 12.50' } });
    expect(projectCanonicalEvent('InvoicePosted', events.invoicePosted, meta)?.document).toMatchObject({ stage: 'POSTED', erpDocument: 'AP-INV-1', exception: null });
  });

  it('a payment schedule › never stores the bank account in clear, only its masked form', () => {
    const projection = projectCanonicalEvent('PaymentScheduled', events.paymentScheduled, meta);
    expect(projection?.document).toMatchObject({ docType: 'PAYMENT', docId: 'PMT-1', stage: 'SCHEDULED', amount: '125.00' });
    expect(JSON.stringify(projection?.event.summary)).not.toContain('tok_1');
    expect(projection?.event.summary).toMatchObject({ invoiceIds: ['INV-1'] });
  });

  it('a supplier sync › keeps status and masked values only, never the tax id token', () => {
    const supplier = {
      envelope: envelopeOf(ids, 'SupplierSynced', 0), supplierId: ids.supplierId,
      supplier: {
        legalName: 'Acme', tradingName: null, taxId: { token: 'tok_tax_secret', maskedValue: '*****6789', issuingCountry: 'US' }, dunsNumber: '123456789', status: 'ON_HOLD' as const, addresses: [],
        remitTo: { line1: 'x', line2: null, city: 'c', region: null, postalCode: '1', country: 'US' }, paymentTerms: { code: 'N30', netDays: 30, discountPercent: null, discountDays: null }, bankAccount: null,
      },
    };
    const projection = projectCanonicalEvent('SupplierSynced', supplier, meta);
    expect(projection?.document).toMatchObject({ docType: 'SUPPLIER', docId: 'SUP-1', stage: 'ON_HOLD' });
    expect(JSON.stringify(projection)).not.toContain('tok_tax_secret');
  });

  it('an event type ops does not know › nothing (the handler skips it)', () => {
    expect(projectCanonicalEvent('SomethingNew', { envelope: events.approved.envelope }, meta)).toBeUndefined();
  });
});
