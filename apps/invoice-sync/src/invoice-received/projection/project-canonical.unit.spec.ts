import { Decimal, type InvoiceReceived, type PurchaseOrderApproved } from '@procurelink/canonical-schemas';
import { parseApInvoiceRecord } from '../source';
import { apInvoiceJson } from '../mapping/ap-invoice-fixture.fixture.spec';
import { toInvoiceReceived } from '../mapping';
import { billedQuantities, projectInvoice, projectPurchaseOrder, projectSupplierStanding, receiptOf } from './project-canonical';
import { applyCanonicalEvent, emptyRebuiltState, invoiceWrites } from './rebuild-state';
import { invoiceRecordFromJson, purchaseOrderFromJson, toJson } from './state-json';

const d = Decimal.parse;
const usd = (amount: string) => ({ amount: d(amount), currency: 'USD' });

function approved(revision: number, quantity = '10'): PurchaseOrderApproved {
  return {
    envelope: {} as PurchaseOrderApproved['envelope'],
    poNumber: 'PO-1',
    revision,
    supplierId: 'SUP-1',
    orderDate: '2026-03-01',
    approvedAt: new Date(),
    shipTo: {} as PurchaseOrderApproved['shipTo'],
    lines: [{ lineNumber: 1, quantity: d(quantity), unitPrice: usd('12.50') } as PurchaseOrderApproved['lines'][number]],
    totalAmount: usd('125.00'),
  };
}

function invoice(overrides: Record<string, unknown> = {}): InvoiceReceived {
  const result = parseApInvoiceRecord(apInvoiceJson(overrides));
  if (!result.ok) throw new Error('fixture does not parse');
  return toInvoiceReceived(result.record, { tenant: 't' });
}

describe('projectPurchaseOrder', () => {
  it('an approval › an OPEN view with its lines, prices and currency', () => {
    const view = projectPurchaseOrder(null, { eventType: 'PurchaseOrderApproved', value: approved(0) });
    expect(view).toEqual({ poNumber: 'PO-1', supplierId: 'SUP-1', status: 'OPEN', currency: 'USD', revision: 0, lines: [{ lineNumber: 1, quantity: d('10'), unitPrice: usd('12.50') }] });
  });

  it('a change › replaces the view; an older revision arriving late › changes nothing', () => {
    const v0 = projectPurchaseOrder(null, { eventType: 'PurchaseOrderApproved', value: approved(0) });
    const v1 = projectPurchaseOrder(v0, { eventType: 'PurchaseOrderChanged', value: { ...approved(1, '14'), changeReason: null } });
    expect(v1.lines[0]?.quantity.toString()).toBe('14');
    expect(projectPurchaseOrder(v1, { eventType: 'PurchaseOrderApproved', value: approved(0) })).toBe(v1);
  });

  it('a cancellation › CANCELLED, lines kept', () => {
    const v0 = projectPurchaseOrder(null, { eventType: 'PurchaseOrderApproved', value: approved(0) });
    const cancelled = projectPurchaseOrder(v0, {
      eventType: 'PurchaseOrderCancelled',
      value: { envelope: v0 as never, poNumber: 'PO-1', revision: 1, reason: 'not needed', cancelledAt: new Date() },
    });
    expect(cancelled).toMatchObject({ status: 'CANCELLED', revision: 1, lines: v0.lines });
  });
});

describe('receiptOf and projectSupplierStanding', () => {
  it('keep what the match needs', () => {
    const receipt = receiptOf({ poNumber: 'PO-1', receiptId: 'R-1', lines: [{ poLineNumber: 1, quantity: d('4') }] } as never);
    expect(receipt).toEqual({ receiptId: 'R-1', poNumber: 'PO-1', lines: [{ poLineNumber: 1, quantity: d('4') }] });
    expect(projectSupplierStanding(null, { eventType: 'SupplierSynced', value: { supplierId: 'S', supplier: { status: 'ON_HOLD' } } as never })).toEqual({ status: 'ON_HOLD' });
  });
});

function exceptionEvent(reason: string, extra: Record<string, unknown> = {}): never {
  const envelope = { occurredAt: new Date('2026-03-06T10:00:00Z') };
  return { envelope, invoiceId: 'APX-2026-000123', reason, detail: `found ${reason}`, duplicateOfInvoiceId: null, varianceAmount: null, variancePercent: null, ...extra } as never;
}

describe('projectInvoice', () => {
  const received = invoice();

  it('Received → Matched → Posted › posted with the ERP document', () => {
    let record = projectInvoice(null, { eventType: 'InvoiceReceived', value: received });
    record = projectInvoice(record, { eventType: 'InvoiceMatched', value: { invoiceId: received.invoiceId } as never });
    record = projectInvoice(record, { eventType: 'InvoicePosted', value: { invoiceId: received.invoiceId, erpDocumentNumber: 'APV-00000007' } as never });
    expect(record).toMatchObject({ status: 'posted', erpDocumentNumber: 'APV-00000007', exceptionReason: null });
  });

  it('an exception › keeps its reason; a posted invoice stays posted whatever comes late', () => {
    const base = projectInvoice(null, { eventType: 'InvoiceReceived', value: received });
    expect(projectInvoice(base, { eventType: 'InvoiceException', value: exceptionEvent('PRICE_VARIANCE') })).toMatchObject({ status: 'exception', exceptionReason: 'PRICE_VARIANCE' });
    const posted = projectInvoice(base, { eventType: 'InvoicePosted', value: { erpDocumentNumber: 'APV-1' } as never });
    expect(projectInvoice(posted, { eventType: 'InvoiceException', value: exceptionEvent('DUPLICATE') })).toBe(posted);
    expect(projectInvoice(posted, { eventType: 'InvoiceReceived', value: received })).toBe(posted);
  });

  it('an exception › keeps its detail, the invoice it duplicates, the variance and when it was raised', () => {
    const base = projectInvoice(null, { eventType: 'InvoiceReceived', value: received });
    const duplicate = projectInvoice(base, { eventType: 'InvoiceException', value: exceptionEvent('NEAR_DUPLICATE', { duplicateOfInvoiceId: 'AP-0' }) });
    expect(duplicate?.exception).toEqual({
      reason: 'NEAR_DUPLICATE',
      detail: 'found NEAR_DUPLICATE',
      duplicateOfInvoiceId: 'AP-0',
      varianceAmount: null,
      variancePercent: null,
      raisedAt: new Date('2026-03-06T10:00:00Z'),
    });
    const variance = projectInvoice(base, { eventType: 'InvoiceException', value: exceptionEvent('PRICE_VARIANCE', { varianceAmount: usd('12.5000'), variancePercent: d('4.1667') }) });
    expect([variance?.exception?.varianceAmount?.amount.toString(), variance?.exception?.variancePercent?.toString()]).toEqual(['12.5000', '4.1667']);
  });

  it('Matched and Posted › record when they happened', () => {
    let record = projectInvoice(null, { eventType: 'InvoiceReceived', value: received });
    record = projectInvoice(record, { eventType: 'InvoiceMatched', value: { matchedAt: new Date('2026-03-06T10:00:00Z') } as never });
    record = projectInvoice(record, { eventType: 'InvoicePosted', value: { erpDocumentNumber: 'APV-2', postedAt: new Date('2026-03-06T10:00:01Z') } as never });
    expect([record?.matchedAt?.toISOString(), record?.postedAt?.toISOString(), record?.exception]).toEqual(['2026-03-06T10:00:00.000Z', '2026-03-06T10:00:01.000Z', null]);
  });

  it('an event for an invoice never received › ignored', () => {
    expect(projectInvoice(null, { eventType: 'InvoicePosted', value: { erpDocumentNumber: 'APV-1' } as never })).toBeNull();
  });
});

describe('billedQuantities', () => {
  it('sums quantities per PO line and leaves out non-PO lines', () => {
    const lines = [
      { lineNumber: 1, poLineNumber: 2, description: 'a', quantity: '3', unitPrice: '1.00', lineAmount: '3.00' },
      { lineNumber: 2, poLineNumber: 2, description: 'b', quantity: '1.5', unitPrice: '1.00', lineAmount: '1.50' },
      { lineNumber: 3, poLineNumber: null, description: 'freight', quantity: '1', unitPrice: '5.00', lineAmount: '5.00' },
    ];
    const billed = billedQuantities(invoice({ lines, subtotal: '9.50', taxAmount: '0.00', total: '9.50' }));
    expect(billed.map((b) => [b.poNumber, b.poLineNumber, b.quantity.toString()])).toEqual([['PO-1001', 2, '4.5']]);
  });
});

describe('state JSON', () => {
  it('an invoice record and a PO view › round-trip with exact decimals and instants', () => {
    const record = projectInvoice(null, { eventType: 'InvoiceReceived', value: invoice() });
    expect(invoiceRecordFromJson(toJson(record))).toEqual(record);
    const decided = projectInvoice(record, { eventType: 'InvoiceException', value: exceptionEvent('QUANTITY_VARIANCE', { varianceAmount: usd('-3.1000'), variancePercent: d('10.0000') }) });
    expect(invoiceRecordFromJson(toJson(decided))).toEqual(decided);
    const view = projectPurchaseOrder(null, { eventType: 'PurchaseOrderApproved', value: approved(3) });
    expect(purchaseOrderFromJson(toJson(view))).toEqual(view);
  });

  it('a record written before the exception and timestamps were kept › reads them as null', () => {
    const record = projectInvoice(null, { eventType: 'InvoiceReceived', value: invoice() });
    const { matchedAt: _m, postedAt: _p, exception: _e, ...old } = JSON.parse(toJson(record)) as Record<string, unknown>;
    expect(invoiceRecordFromJson(JSON.stringify({ ...old, status: 'exception', exceptionReason: 'NO_RECEIPT' }))).toMatchObject({ matchedAt: null, postedAt: null, exception: null, exceptionReason: 'NO_RECEIPT' });
  });
});

describe('rebuild from the canonical topics', () => {
  it('folds PO, receipt, supplier and invoice events › posted invoices bill their lines, received ones wait again', () => {
    const state = emptyRebuiltState();
    applyCanonicalEvent(state, 'PurchaseOrderApproved', approved(0));
    applyCanonicalEvent(state, 'GoodsReceived', { poNumber: 'PO-1', receiptId: 'R-1', lines: [{ poLineNumber: 1, quantity: d('10') }] });
    applyCanonicalEvent(state, 'SupplierSynced', { supplierId: 'SUP-MEDLINE', supplier: { status: 'ACTIVE' } });
    applyCanonicalEvent(state, 'SupplierBankDetailsChanged', { supplierId: 'SUP-MEDLINE', paymentsHeld: true });
    applyCanonicalEvent(state, 'SupplierSynced', { supplierId: 'SUP-MEDLINE', supplier: { status: 'ON_HOLD' } });
    applyCanonicalEvent(state, 'PaymentScheduled', {});
    const waiting = invoice({ invoiceId: 'AP-WAIT', supplierInvoiceNumber: 'W-1' });
    const posted = invoice({ invoiceId: 'AP-POSTED' });
    applyCanonicalEvent(state, 'InvoiceReceived', waiting);
    applyCanonicalEvent(state, 'InvoiceReceived', posted);
    applyCanonicalEvent(state, 'InvoiceMatched', { invoiceId: 'AP-POSTED' });
    applyCanonicalEvent(state, 'InvoicePosted', { invoiceId: 'AP-POSTED', erpDocumentNumber: 'APV-9' });

    expect([state.purchaseOrders.size, state.receipts.size, state.suppliers.size, state.invoices.size, state.ignored]).toEqual([1, 1, 1, 2, 1]);
    expect(state.suppliers.get('SUP-MEDLINE')).toEqual({ status: 'ON_HOLD', paymentsHeldOnly: true });
    const writes = invoiceWrites(state, 72);
    expect(writes.map((w) => [w.record.invoice.invoiceId, w.record.status, w.billed.length, w.waiting?.poNumber ?? null])).toEqual([
      ['AP-POSTED', 'posted', 1, null],
      ['AP-WAIT', 'received', 0, 'PO-1001'],
    ]);
    expect(writes[1]?.waiting?.until).toEqual(new Date(waiting.envelope.occurredAt.getTime() + 72 * 3_600_000));
  });
});

describe('a supplier whose bank details changed', () => {
  const synced = (status: string) => ({ eventType: 'SupplierSynced' as const, value: { supplierId: 'S', supplier: { status } } as never });
  const bankChange = { eventType: 'SupplierBankDetailsChanged' as const, value: { supplierId: 'S', paymentsHeld: true } as never };

  it('is on hold for payments only: the ON_HOLD that follows the change keeps the mark', () => {
    const held = projectSupplierStanding(projectSupplierStanding({ status: 'ACTIVE' }, bankChange), synced('ON_HOLD'));
    expect(held).toEqual({ status: 'ON_HOLD', paymentsHeldOnly: true });
  });

  it('loses the mark when the hold is released (a SupplierSynced that is not ON_HOLD)', () => {
    const held = projectSupplierStanding({ status: 'ACTIVE' }, bankChange);
    expect(projectSupplierStanding(held, synced('ACTIVE'))).toEqual({ status: 'ACTIVE' });
  });

  it('a supplier blocked in the master without a bank change stays plainly ON_HOLD', () => {
    expect(projectSupplierStanding({ status: 'ACTIVE' }, synced('ON_HOLD'))).toEqual({ status: 'ON_HOLD' });
  });
});
