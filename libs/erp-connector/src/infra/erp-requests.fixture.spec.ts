import type { ApInvoiceRequest, EncumbranceRequest, PaymentStatusRequest, VendorUpsert } from '../ports';

/** Valid requests of the four capabilities with identifiers unique to one test run, for the ERP client specs. */
export function erpRequests(runPrefix: string) {
  const run = `${runPrefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  let sequence = 0;
  const unique = (prefix: string): string => `${prefix}-${run}-${(sequence += 1)}`;
  return {
    unique,
    vendor: (): VendorUpsert => ({
      supplierId: unique('SUP'),
      legalName: 'Northwind Medical Supply LLC',
      status: 'ACTIVE',
      remitTo: { line1: '1 Harbor Way', city: 'Boston', region: 'MA', postalCode: '02110', country: 'US' },
      bankAccount: { token: 'tok_vault_abcdefgh', maskedNumber: '****4321', bankCountry: 'US' },
    }),
    encumbrance: (amount = '1250.50'): EncumbranceRequest => ({
      poNumber: unique('PO'),
      revision: 1,
      lineNumber: 1,
      glAccount: '5100-100',
      costCentre: 'CC-200',
      facilityId: 'FAC-NORTH',
      amount,
      currency: 'USD',
      direction: 'ENCUMBER',
    }),
    apInvoice: (): ApInvoiceRequest => ({
      invoiceId: unique('INV'),
      supplierId: 'SUP-1',
      poNumber: 'PO-1',
      amount: '110.00',
      taxAmount: '10.00',
      currency: 'USD',
      lines: [{ lineNumber: 1, description: 'gloves', quantity: '10', amount: '100.00' }],
    }),
    paymentStatus: (): PaymentStatusRequest => ({
      paymentId: unique('PAY:EFT'), // ':' is a legal identifier character that must travel URL-encoded
      supplierId: 'SUP-1',
      status: 'COMPLETED',
      statusAt: '2026-03-01T10:00:00Z',
      amount: '110.00',
      currency: 'USD',
    }),
  };
}
