import { decideInvoice, type InvoiceDecisionInput } from './decide-invoice';
import {
  FULL_RECEIPT,
  HOUR,
  RECEIVED_AT,
  SOON,
  config,
  d,
  decisionInput,
  earlier,
  invoice,
  line,
  purchaseOrder,
  receipt,
  usd,
} from './decision-fixtures.fixture.spec';
import type { InvoiceException, InvoiceOutcome } from './invoice-outcome';
import type { InvoiceMatchConfig } from './match-config';

const decide = (overrides: Partial<InvoiceDecisionInput> = {}, cfg: InvoiceMatchConfig = config(), now = SOON) =>
  decideInvoice(decisionInput(overrides), { config: cfg, now });

function exceptionOf(outcome: InvoiceOutcome): InvoiceException {
  if (outcome.kind !== 'exception') throw new Error(`expected an exception, got ${outcome.kind}`);
  return outcome.exception;
}

function reasonOf(overrides: Partial<InvoiceDecisionInput>, cfg?: InvoiceMatchConfig, now?: Date): string {
  const { outcome } = decide(overrides, cfg, now);
  return outcome.kind === 'exception' ? outcome.exception.reason : outcome.kind;
}

/** The standard invoice with the gloves line (PO line 1, PO price 8.5000) at another unit price. */
const glovesAt = (unitPrice: string, facilityId = 'FAC-01') =>
  invoice({ facilityId, lines: [line(1, 1, '10', unitPrice), line(2, 2, '4', '25.0000')] });

describe('decideInvoice', () => {
  describe('when the invoice matches its PO and receipts', () => {
    const { outcome, businessKey } = decide();

    it('decides matched, with the receipts, the invoice total and what it bills per PO line', () => {
      expect(outcome.kind).toBe('matched');
      if (outcome.kind !== 'matched') return;
      expect(outcome.poNumber).toBe('PO-1001');
      expect(outcome.receiptIds).toEqual(['RCV-77']);
      expect(outcome.matchedAmount.amount.toString()).toBe('185.0000');
      expect(outcome.billed.map((b) => [b.poLineNumber, b.quantity.toString()])).toEqual([
        [1, '10'],
        [2, '4'],
      ]);
      expect(outcome.nonPoLineNumbers).toEqual([]);
    });

    it('gives the business key: supplier, normalised number, amount and currency', () => {
      expect(businessKey).toBe('invoice:SUP-1:A123:185:USD');
    });
  });

  describe('when the invoice is not a valid document', () => {
    it('without lines › raises INVALID_INVOICE', () => {
      const exception = exceptionOf(decide({ invoice: invoice({ lines: [] }) }).outcome);
      expect(exception.reason).toBe('INVALID_INVOICE');
      if (exception.reason === 'INVALID_INVOICE') expect(exception.problems.map((p) => p.code)).toEqual(['NO_LINES']);
    });

    it('with a negative quantity on a PO line › raises INVALID_INVOICE', () => {
      const lines = [line(1, 1, '-10', '8.5000'), line(2, 2, '4', '25.0000')];
      const exception = exceptionOf(decide({ invoice: invoice({ lines }) }).outcome);
      expect(exception.reason).toBe('INVALID_INVOICE');
      if (exception.reason === 'INVALID_INVOICE') expect(exception.problems.map((p) => p.code)).toEqual(['NON_POSITIVE_QUANTITY']);
    });

    it('whose total does not add up to its lines › raises INVALID_INVOICE', () => {
      const exception = exceptionOf(decide({ invoice: invoice({ total: usd('190.0000') }) }).outcome);
      expect(exception.reason).toBe('INVALID_INVOICE');
      expect(exception.detail).toContain('the total says 190.0000');
    });

    it('is refused before the supplier is looked at', () => {
      expect(reasonOf({ invoice: invoice({ lines: [] }), supplier: null })).toBe('INVALID_INVOICE');
    });
  });

  describe('when the supplier may not be invoiced', () => {
    it.each([
      ['inactive', 'INACTIVE_SUPPLIER', { status: 'INACTIVE' as const }],
      ['of a status this service does not know', 'INACTIVE_SUPPLIER', { status: 'OTHER' as const }],
      ['missing from the supplier master', 'INACTIVE_SUPPLIER', null],
      ['on hold', 'SUPPLIER_ON_HOLD', { status: 'ON_HOLD' as const }],
    ])('%s › raises %s', (_, reason, supplier) => {
      expect(reasonOf({ supplier })).toBe(reason);
    });

    it('on hold only for payments (its bank details changed) › is matched like an active supplier', () => {
      expect(reasonOf({ supplier: { status: 'ON_HOLD', paymentsHeldOnly: true } })).toBe('matched');
    });

    it('is decided before duplicates are looked for', () => {
      expect(reasonOf({ supplier: { status: 'ON_HOLD' }, earlierInvoices: [earlier('INV-4000', 'A 123', '185.00')] })).toBe(
        'SUPPLIER_ON_HOLD',
      );
    });
  });

  describe('when the supplier sent the invoice before', () => {
    it('with the same number in another spelling and the same amount › raises DUPLICATE naming the earlier invoice', () => {
      const exception = exceptionOf(decide({ earlierInvoices: [earlier('INV-4000', 'a 123', '185.00')] }).outcome);
      expect(exception.reason).toBe('DUPLICATE');
      if (exception.reason === 'DUPLICATE') expect(exception.duplicateOf).toBe('INV-4000');
    });

    it('with a similar number, the same amount, days apart › raises NEAR_DUPLICATE and does not match', () => {
      const exception = exceptionOf(decide({ earlierInvoices: [earlier('INV-4000', 'A-132', '185.00')] }).outcome);
      expect(exception.reason).toBe('NEAR_DUPLICATE');
      if (exception.reason !== 'NEAR_DUPLICATE') return;
      expect(exception.duplicateOf).toBe('INV-4000');
      expect(exception.why).toEqual({ similarity: { rule: 'transposed-digits' }, numbers: ['A123', 'A132'], daysApart: 5 });
      expect(exception.detail).toContain('two digits transposed');
    });

    it('is decided before the PO is looked up, so a duplicate of a since-closed PO is still a DUPLICATE', () => {
      expect(reasonOf({ earlierInvoices: [earlier('INV-4000', 'A123', '185')], purchaseOrder: purchaseOrder({ status: 'CLOSED' }) })).toBe(
        'DUPLICATE',
      );
    });

    it('but the earlier record is this very invoice (a redelivery) › does not call it a duplicate', () => {
      expect(reasonOf({ earlierInvoices: [earlier('INV-5001', 'A-00123', '185.00')] })).toBe('matched');
    });
  });

  describe('when the PO cannot be invoiced', () => {
    it('the invoice names no PO › raises UNKNOWN_PO', () => {
      expect(reasonOf({ invoice: invoice({ poNumber: null }) })).toBe('UNKNOWN_PO');
    });

    it('the PO is not known › raises UNKNOWN_PO', () => {
      expect(reasonOf({ purchaseOrder: null })).toBe('UNKNOWN_PO');
    });

    it('the PO belongs to another supplier › raises UNKNOWN_PO', () => {
      const exception = exceptionOf(decide({ purchaseOrder: purchaseOrder({ supplierId: 'SUP-9' }) }).outcome);
      expect(exception.reason).toBe('UNKNOWN_PO');
      expect(exception.detail).toContain('another supplier');
    });

    it('a line bills a PO line the order does not have › raises UNKNOWN_PO naming the line', () => {
      const lines = [line(1, 1, '10', '8.5000'), line(2, 7, '4', '25.0000')];
      const exception = exceptionOf(decide({ invoice: invoice({ lines }) }).outcome);
      expect(exception.reason).toBe('UNKNOWN_PO');
      if (exception.reason === 'UNKNOWN_PO') expect(exception.unknownPoLines).toEqual([7]);
    });

    it.each(['CLOSED', 'CANCELLED'] as const)('the PO is %s › raises CLOSED_PO', (status) => {
      expect(reasonOf({ purchaseOrder: purchaseOrder({ status }) })).toBe('CLOSED_PO');
    });

    it('the PO is in another currency › raises CURRENCY_MISMATCH', () => {
      const exception = exceptionOf(decide({ purchaseOrder: purchaseOrder({ currency: 'EUR' }) }).outcome);
      expect(exception).toMatchObject({ reason: 'CURRENCY_MISMATCH', invoiceCurrency: 'USD', poCurrency: 'EUR' });
    });

    it('a closed PO is reported before a currency mismatch', () => {
      expect(reasonOf({ purchaseOrder: purchaseOrder({ status: 'CLOSED', currency: 'EUR' }) })).toBe('CLOSED_PO');
    });
  });

  describe('when the invoice price differs from the PO price (default tolerance 2 %)', () => {
    it('exactly 2 % above › matches', () => {
      expect(reasonOf({ invoice: glovesAt('8.6700') })).toBe('matched');
    });

    it('below the PO price › matches', () => {
      expect(reasonOf({ invoice: glovesAt('8.0000') })).toBe('matched');
    });

    it('just over 2 % above › raises a PRICE_VARIANCE exception with invoiced and PO price, variance and percent', () => {
      const exception = exceptionOf(decide({ invoice: glovesAt('8.6701') }).outcome);
      expect(exception.reason).toBe('PRICE_VARIANCE');
      if (exception.reason !== 'PRICE_VARIANCE') return;
      expect(exception.lines).toHaveLength(1);
      const [variance] = exception.lines;
      expect(variance?.invoiceLineNumber).toBe(1);
      expect(variance?.poLineNumber).toBe(1);
      expect(variance?.invoicedUnitPrice.toString()).toBe('8.6701');
      expect(variance?.poUnitPrice.toString()).toBe('8.5000');
      expect(variance?.varianceAmount.toString()).toBe('0.1701');
      expect(variance?.variancePercent?.toString()).toBe('2.0012');
      expect(variance?.extendedVariance.toString()).toBe('1.7010');
      expect(exception.variance.amount).toEqual({ amount: d('1.7010'), currency: 'USD' });
      expect(exception.variance.percent?.toString()).toBe('2.0012');
      expect(exception.detail).toBe('line 1: unit price 8.6701 is 2.0012% above the PO line 1 price 8.5000');
    });

    it('with a per-facility override of 5 % › matches at 5 % for that facility only', () => {
      const cfg = config({}, { facilityOverrides: { 'FAC-02': { pricePercent: d('5') } } });
      expect(reasonOf({ invoice: glovesAt('8.9250', 'FAC-02') }, cfg)).toBe('matched');
      expect(reasonOf({ invoice: glovesAt('8.9251', 'FAC-02') }, cfg)).toBe('PRICE_VARIANCE');
      expect(reasonOf({ invoice: glovesAt('8.9250', 'FAC-01') }, cfg)).toBe('PRICE_VARIANCE');
    });

    it('with an absolute tolerance of 0.05 as well › the stricter limit decides', () => {
      const cfg = config({ priceAbsolute: d('0.05') });
      expect(reasonOf({ invoice: glovesAt('8.5500') }, cfg)).toBe('matched');
      expect(reasonOf({ invoice: glovesAt('8.5501') }, cfg)).toBe('PRICE_VARIANCE');
    });

    it('and the goods are not received yet › raises PRICE_VARIANCE at once rather than waiting', () => {
      expect(reasonOf({ invoice: glovesAt('9.0000'), receipts: [] })).toBe('PRICE_VARIANCE');
    });

    it('with the price right but too many billed › PRICE_VARIANCE is reported first', () => {
      const lines = [line(1, 1, '20', '9.0000'), line(2, 2, '4', '25.0000')];
      expect(reasonOf({ invoice: invoice({ lines }) })).toBe('PRICE_VARIANCE');
    });
  });

  describe('when more is billed than was received (default quantity tolerance 0 %)', () => {
    const glovesQty = (quantity: string) => invoice({ lines: [line(1, 1, quantity, '8.5000')] });
    const invoicedBefore = (quantity: string) => [{ poNumber: 'PO-1001', poLineNumber: 1, quantity: d(quantity) }];

    it('counting earlier invoices, exactly up to what was received › matches', () => {
      expect(reasonOf({ invoice: glovesQty('6'), alreadyInvoiced: invoicedBefore('4') })).toBe('matched');
    });

    it('counting earlier invoices, beyond what was received and ordered › raises QUANTITY_VARIANCE with the figures', () => {
      const exception = exceptionOf(decide({ invoice: glovesQty('6'), alreadyInvoiced: invoicedBefore('6') }).outcome);
      expect(exception.reason).toBe('QUANTITY_VARIANCE');
      if (exception.reason !== 'QUANTITY_VARIANCE') return;
      const [position] = exception.lines;
      expect(position?.poLineNumber).toBe(1);
      expect(position?.previouslyInvoiced.toString()).toBe('6');
      expect(position?.invoiced.toString()).toBe('6');
      expect(position?.cumulative.toString()).toBe('12');
      expect(position?.received.toString()).toBe('10');
      expect(position?.excess.toString()).toBe('2');
      expect(position?.excessPercent?.toString()).toBe('20.0000');
      expect(exception.variance.amount).toEqual({ amount: d('17.0000'), currency: 'USD' });
      expect(exception.variance.percent?.toString()).toBe('20.0000');
      expect(exception.detail).toContain('PO line 1: billed 12 (6 on earlier invoices), received 10, ordered 10');
    });

    it('ignores quantities invoiced against another PO', () => {
      const other = [{ poNumber: 'PO-2002', poLineNumber: 1, quantity: d('10') }];
      expect(reasonOf({ invoice: glovesQty('10'), alreadyInvoiced: other })).toBe('matched');
    });

    it('adds up two invoice lines billing the same PO line', () => {
      const lines = [line(1, 1, '6', '8.5000'), line(2, 1, '5', '8.5000')];
      const exception = exceptionOf(decide({ invoice: invoice({ lines }) }).outcome);
      expect(exception.reason).toBe('QUANTITY_VARIANCE');
      if (exception.reason === 'QUANTITY_VARIANCE') expect(exception.lines[0]?.invoiceLineNumbers).toEqual([1, 2]);
    });

    it('with a 10 % quantity tolerance › matches at exactly 10 % over and raises QUANTITY_VARIANCE just beyond', () => {
      const cfg = config({ quantityPercent: d('10') });
      expect(reasonOf({ invoice: glovesQty('11') }, cfg)).toBe('matched');
      expect(reasonOf({ invoice: glovesQty('11.0001') }, cfg)).toBe('QUANTITY_VARIANCE');
    });

    it('with a per-facility quantity override › applies it to that facility', () => {
      const cfg = config({}, { facilityOverrides: { 'FAC-02': { quantityPercent: d('10') } } });
      const lines = [line(1, 1, '11', '8.5000')];
      expect(reasonOf({ invoice: invoice({ lines, facilityId: 'FAC-02' }) }, cfg)).toBe('matched');
      expect(reasonOf({ invoice: invoice({ lines, facilityId: 'FAC-01' }) }, cfg)).toBe('QUANTITY_VARIANCE');
    });

    it('beyond what was ordered while nothing is received yet › raises QUANTITY_VARIANCE at once', () => {
      expect(reasonOf({ invoice: glovesQty('12'), receipts: [] })).toBe('QUANTITY_VARIANCE');
    });
  });

  describe('when the goods are not (all) received yet', () => {
    it('with no receipt at all › waits until received-at + 72 h, listing what is missing', () => {
      const { outcome } = decide({ receipts: [] });
      expect(outcome.kind).toBe('await-receipt');
      if (outcome.kind !== 'await-receipt') return;
      expect(outcome.until).toEqual(new Date(RECEIVED_AT.getTime() + 72 * HOUR));
      expect(outcome.shortfalls.map((s) => [s.poLineNumber, s.cumulative.toString(), s.received.toString()])).toEqual([
        [1, '10', '0'],
        [2, '4', '0'],
      ]);
    });

    it('with a partial receipt › waits for the rest', () => {
      const { outcome } = decide({ receipts: [receipt('RCV-1', { 1: '5', 2: '4' })] });
      expect(outcome.kind).toBe('await-receipt');
      if (outcome.kind === 'await-receipt') expect(outcome.shortfalls.map((s) => s.poLineNumber)).toEqual([1]);
    });

    it('with a return that takes the received quantity below what is billed › waits', () => {
      const returned = receipt('RCV-2', { 1: '-2' });
      expect(reasonOf({ receipts: [FULL_RECEIPT, returned] })).toBe('await-receipt');
    });

    it('uses the configured wait', () => {
      const { outcome } = decide({ receipts: [] }, config({}, { receiptWaitHours: 24 }));
      expect(outcome.kind === 'await-receipt' && outcome.until).toEqual(new Date(RECEIVED_AT.getTime() + 24 * HOUR));
    });

    it('keeps the deadline set when it first waited', () => {
      const waitingUntil = new Date('2025-06-08T00:00:00.000Z');
      const { outcome } = decide({ receipts: [], waitingUntil });
      expect(outcome.kind === 'await-receipt' && outcome.until).toEqual(waitingUntil);
    });

    it('one millisecond before the deadline › still waits', () => {
      const deadline = RECEIVED_AT.getTime() + 72 * HOUR;
      expect(reasonOf({ receipts: [] }, config(), new Date(deadline - 1))).toBe('await-receipt');
    });

    it('at the deadline › raises NO_RECEIPT with what was missing', () => {
      const deadline = new Date(RECEIVED_AT.getTime() + 72 * HOUR);
      const exception = exceptionOf(decide({ receipts: [receipt('RCV-1', { 1: '5', 2: '4' })] }, config(), deadline).outcome);
      expect(exception.reason).toBe('NO_RECEIPT');
      if (exception.reason !== 'NO_RECEIPT') return;
      expect(exception.waitedUntil).toEqual(deadline);
      expect(exception.shortfalls.map((s) => s.poLineNumber)).toEqual([1]);
    });

    it('and the receipt arrives before the deadline › matches when decided again', () => {
      const first = decide({ receipts: [] });
      expect(first.outcome.kind).toBe('await-receipt');
      const until = first.outcome.kind === 'await-receipt' ? first.outcome.until : null;
      const again = decide({ receipts: [FULL_RECEIPT], waitingUntil: until }, config(), new Date(RECEIVED_AT.getTime() + 10 * HOUR));
      expect(again.outcome.kind).toBe('matched');
      expect(again.businessKey).toBe(first.businessKey);
    });

    it('and the receipt arrives after the deadline but before the sweep › still matches', () => {
      const late = new Date(RECEIVED_AT.getTime() + 100 * HOUR);
      expect(reasonOf({ waitingUntil: new Date(RECEIVED_AT.getTime() + 72 * HOUR) }, config(), late)).toBe('matched');
    });
  });

  describe('when the invoice carries lines without a PO line (freight, fees, credits)', () => {
    const lines = [line(1, 1, '10', '8.5000'), line(2, 2, '4', '25.0000'), line(3, null, '1', '12.0000'), line(4, null, '-1', '5.0000')];

    it('matches the PO lines and posts the others with the invoice', () => {
      const { outcome } = decide({ invoice: invoice({ lines }) });
      expect(outcome.kind).toBe('matched');
      if (outcome.kind !== 'matched') return;
      expect(outcome.nonPoLineNumbers).toEqual([3, 4]);
      expect(outcome.matchedAmount.amount.toString()).toBe('192.0000');
      expect(outcome.billed.map((b) => b.poLineNumber)).toEqual([1, 2]);
    });
  });

  describe('lists as receipt ids', () => {
    it('only receipts of the PO that hold a billed PO line', () => {
      const receipts = [receipt('RCV-1', { 1: '10' }), receipt('RCV-2', { 2: '4' }), receipt('RCV-3', { 1: '1' }, 'PO-9999')];
      const glovesOnly = invoice({ lines: [line(1, 1, '10', '8.5000')] });
      const { outcome } = decide({ invoice: glovesOnly, receipts });
      expect(outcome.kind === 'matched' && outcome.receiptIds).toEqual(['RCV-1']);
    });
  });
});
