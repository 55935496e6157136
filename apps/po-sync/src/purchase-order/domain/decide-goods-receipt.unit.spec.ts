import type { Item } from '@procurelink/canonical-schemas';
import { decideGoodsReceipt, type GoodsReceiptContext, type GoodsReceiptDecision } from './decide-goods-receipt';
import { decidePurchaseOrderRevision } from './decide-purchase-order-revision';
import { UNTRACKED, type ItemTracking } from './item-tracking';
import type { PurchaseOrderState } from './purchase-order-state';
import { approved, dec, GLOVES, line, PO_NUMBER, receipt, receiptLine, REFERENCE } from './purchase-order.fixture.spec';

// Line 1: 10 BX of ITM-1 (no GTIN). Line 2: 4 BX of gloves with GTIN 00812345678905. Line 3: 2 EA of a serialised implant.
const IMPLANT: Item = { ...GLOVES, itemId: 'ITM-IMPLANT', description: 'Hip implant', gtin: null, unitOfMeasure: 'EA' };
const poLines = [line(1), line(2, { quantity: '4', item: GLOVES }), line(3, { quantity: '2', unitPrice: '900.00', item: IMPLANT })];

function openPo(): PurchaseOrderState {
  const decision = decidePurchaseOrderRevision(null, approved(0, poLines), REFERENCE);
  if (decision.kind !== 'posted') throw new Error(JSON.stringify(decision));
  return decision.next;
}

const IMPLANT_TRACKING: ItemTracking = { lotRequired: true, expiryRequired: true, serialRequired: true, udiRequired: true };

function context(tolerance = '0', minRemainingShelfLifeDays = 0, tracking: (item: Item) => ItemTracking = () => UNTRACKED): GoodsReceiptContext {
  return { trackingOf: tracking, rules: { overReceiptTolerancePercent: dec(tolerance), minRemainingShelfLifeDays } };
}

const implantLine = (receiptLineNumber: number, serialNumber: string | null) =>
  receiptLine(receiptLineNumber, 3, '1', {
    item: IMPLANT,
    lotNumber: 'LOT-77',
    expiryDate: '2027-01-31',
    serialNumber,
    udi: `(01)00812345000017(17)270131(10)LOT-77(21)${serialNumber ?? ''}`,
  });

/** The problems as "path CODE" strings, or the outcome kind when there are none. */
function problemsOf(decision: GoodsReceiptDecision): readonly string[] {
  return decision.kind === 'rejected' ? decision.problems.map((problem) => `${problem.path} ${problem.code}`) : [decision.kind];
}

describe('decideGoodsReceipt', () => {
  describe('when the receipt matches its PO lines', () => {
    const state = openPo();
    const decision = decideGoodsReceipt(state, receipt('GR-1', [receiptLine(1, 1, '6'), receiptLine(2, 2, '4', { item: GLOVES })]), context());

    it('› accepts it and returns the new received quantities', () => {
      if (decision.kind !== 'accepted') throw new Error(JSON.stringify(decision));
      expect(decision.next.lines.map((each) => [each.lineNumber, each.receivedQuantity.toString()])).toEqual([
        [1, '6'],
        [2, '4'],
        [3, '0'],
      ]);
      expect(decision.next.receiptIds).toEqual(['GR-1']);
      expect(decision.received.map((each) => [each.poLineNumber, each.quantity.toString(), each.receivedQuantity.toString(), each.orderedQuantity.toString()])).toEqual([
        [1, '6', '6', '10'],
        [2, '4', '4', '4'],
      ]);
    });

    it('› leaves the state it was given untouched', () => {
      expect(state.lines.map((each) => each.receivedQuantity.toString())).toEqual(['0', '0', '0']);
      expect(state.receiptIds).toEqual([]);
    });

    it('› the same receipt again › is a duplicate', () => {
      if (decision.kind !== 'accepted') throw new Error(JSON.stringify(decision));
      expect(decideGoodsReceipt(decision.next, receipt('GR-1', [receiptLine(1, 1, '6')]), context())).toEqual({ kind: 'duplicate', receiptId: 'GR-1' });
    });
  });

  describe('when the PO is unknown', () => {
    it('› rejects it as UNKNOWN_PO', () => {
      expect(decideGoodsReceipt(null, receipt('GR-1', [receiptLine(1, 1, '1')]), context())).toEqual({
        kind: 'rejected',
        problems: [{ path: 'poNumber', code: 'UNKNOWN_PO', message: `purchase order ${PO_NUMBER} is not known` }],
      });
    });
  });

  describe('when the PO is cancelled', () => {
    it('› rejects it as PO_CANCELLED', () => {
      expect(problemsOf(decideGoodsReceipt({ ...openPo(), status: 'CANCELLED' }, receipt('GR-1', [receiptLine(1, 1, '1')]), context()))).toEqual([
        'poNumber PO_CANCELLED',
      ]);
    });
  });

  describe('when the receipt has no lines', () => {
    it('› rejects it as NO_LINES', () => {
      expect(problemsOf(decideGoodsReceipt(openPo(), receipt('GR-1', []), context()))).toEqual(['lines NO_LINES']);
    });
  });

  describe('when a line names a PO line that does not exist', () => {
    it('› rejects it as UNKNOWN_LINE at lines[i].poLineNumber', () => {
      expect(problemsOf(decideGoodsReceipt(openPo(), receipt('GR-1', [receiptLine(1, 1, '1'), receiptLine(2, 9, '1')]), context()))).toEqual([
        'lines[1].poLineNumber UNKNOWN_LINE',
      ]);
    });
  });

  describe('over-receipt', () => {
    it('› with the default 0% tolerance › receiving exactly what was ordered is accepted', () => {
      expect(decideGoodsReceipt(openPo(), receipt('GR-1', [receiptLine(1, 1, '10')]), context()).kind).toBe('accepted');
    });

    it('› with the default 0% tolerance › one unit more is an OVER_RECEIPT', () => {
      const decision = decideGoodsReceipt(openPo(), receipt('GR-1', [receiptLine(1, 1, '10.5')]), context());
      expect(decision).toEqual({
        kind: 'rejected',
        problems: [
          {
            path: 'lines[0].quantity',
            code: 'OVER_RECEIPT',
            message: 'PO line 1 would have 10.5 BX received of 10 ordered, beyond the 0% tolerance',
          },
        ],
      });
    });

    it.each([
      ['11', 'accepted'],
      ['11.01', 'lines[0].quantity OVER_RECEIPT'],
    ])('› with a 10%% tolerance › receiving %s of 10 is %s', (quantity, outcome) => {
      expect(problemsOf(decideGoodsReceipt(openPo(), receipt('GR-1', [receiptLine(1, 1, quantity)]), context('10')))).toEqual([outcome]);
    });

    it('› counts what earlier receipts brought', () => {
      const first = decideGoodsReceipt(openPo(), receipt('GR-1', [receiptLine(1, 1, '8')]), context());
      if (first.kind !== 'accepted') throw new Error(JSON.stringify(first));
      expect(problemsOf(decideGoodsReceipt(first.next, receipt('GR-2', [receiptLine(1, 1, '3')]), context()))).toEqual(['lines[0].quantity OVER_RECEIPT']);
    });

    it('› adds up lines of one receipt for the same PO line, flagging the line that crosses', () => {
      const decision = decideGoodsReceipt(openPo(), receipt('GR-1', [receiptLine(1, 1, '6'), receiptLine(2, 1, '5')]), context());
      expect(problemsOf(decision)).toEqual(['lines[1].quantity OVER_RECEIPT']);
    });
  });

  describe('returns (negative quantities)', () => {
    const received = () => {
      const decision = decideGoodsReceipt(openPo(), receipt('GR-1', [receiptLine(1, 1, '5')]), context());
      if (decision.kind !== 'accepted') throw new Error(JSON.stringify(decision));
      return decision.next;
    };

    it('› returning part of what was received › lowers the received quantity', () => {
      const decision = decideGoodsReceipt(received(), receipt('GR-2', [receiptLine(1, 1, '-2')]), context());
      expect(decision.kind === 'accepted' && decision.next.lines[0]?.receivedQuantity.toString()).toBe('3');
    });

    it('› returning more than was received › is RETURN_EXCEEDS_RECEIVED', () => {
      expect(problemsOf(decideGoodsReceipt(received(), receipt('GR-2', [receiptLine(1, 1, '-6')]), context()))).toEqual([
        'lines[0].quantity RETURN_EXCEEDS_RECEIVED',
      ]);
    });
  });

  describe('when a line receives zero', () => {
    it('› rejects it as INVALID_QUANTITY', () => {
      expect(problemsOf(decideGoodsReceipt(openPo(), receipt('GR-1', [receiptLine(1, 1, '0')]), context()))).toEqual(['lines[0].quantity INVALID_QUANTITY']);
    });
  });

  describe('item identity', () => {
    it('› another GTIN than the PO line ordered › is an ITEM_MISMATCH', () => {
      const wrong = receiptLine(1, 2, '1', { item: { ...GLOVES, gtin: '00812345678912' } });
      expect(problemsOf(decideGoodsReceipt(openPo(), receipt('GR-1', [wrong]), context()))).toEqual(['lines[0].item.gtin ITEM_MISMATCH']);
    });

    it('› the same GTIN written as GTIN-12 instead of GTIN-14 › matches', () => {
      const short = receiptLine(1, 2, '1', { item: { ...GLOVES, gtin: '812345678905' } });
      expect(decideGoodsReceipt(openPo(), receipt('GR-1', [short]), context()).kind).toBe('accepted');
    });

    it('› without GTINs, another item id › is an ITEM_MISMATCH', () => {
      const wrong = receiptLine(1, 1, '1', { item: { ...GLOVES, gtin: null, itemId: 'ITM-OTHER' } });
      expect(problemsOf(decideGoodsReceipt(openPo(), receipt('GR-1', [wrong]), context()))).toEqual(['lines[0].item.itemId ITEM_MISMATCH']);
    });

    it('› another unit of measure › is a UOM_MISMATCH', () => {
      const wrong = receiptLine(1, 1, '1', { item: { ...GLOVES, gtin: null, itemId: 'ITM-1', unitOfMeasure: 'CS' } });
      expect(problemsOf(decideGoodsReceipt(openPo(), receipt('GR-1', [wrong]), context()))).toEqual(['lines[0].item.unitOfMeasure UOM_MISMATCH']);
    });

    it('› the same unit in lower case › matches', () => {
      const lower = receiptLine(1, 1, '1', { item: { ...GLOVES, gtin: null, itemId: 'ITM-1', unitOfMeasure: 'bx' } });
      expect(decideGoodsReceipt(openPo(), receipt('GR-1', [lower]), context()).kind).toBe('accepted');
    });
  });

  describe('expiry', () => {
    // Received 2025-06-12 (UTC).
    const withExpiry = (expiryDate: string, quantity = '1') => receipt('GR-1', [receiptLine(1, 1, quantity, { lotNumber: 'LOT-1', expiryDate })]);

    it('› a lot that expired the day before receipt › is an EXPIRED_LOT', () => {
      const decision = decideGoodsReceipt(openPo(), withExpiry('2025-06-11'), context());
      expect(decision).toEqual({
        kind: 'rejected',
        problems: [{ path: 'lines[0].expiryDate', code: 'EXPIRED_LOT', message: 'lot LOT-1 expired on 2025-06-11, before it was received on 2025-06-12' }],
      });
    });

    it('› a lot expiring on the day of receipt › is accepted (not yet expired)', () => {
      expect(decideGoodsReceipt(openPo(), withExpiry('2025-06-12'), context()).kind).toBe('accepted');
    });

    it.each([
      ['2025-07-11', 'lines[0].expiryDate SHORT_SHELF_LIFE'],
      ['2025-07-12', 'accepted'],
    ])('› with 30 days of minimum shelf life, a lot expiring %s › is %s', (expiryDate, outcome) => {
      expect(problemsOf(decideGoodsReceipt(openPo(), withExpiry(expiryDate), context('0', 30)))).toEqual([outcome]);
    });

    it('› an expiry that is not a calendar date › is INVALID_EXPIRY_DATE', () => {
      expect(problemsOf(decideGoodsReceipt(openPo(), withExpiry('2025-02-30'), context()))).toEqual(['lines[0].expiryDate INVALID_EXPIRY_DATE']);
    });

    it('› returning an expired lot › is accepted', () => {
      const first = decideGoodsReceipt(openPo(), receipt('GR-1', [receiptLine(1, 1, '2')]), context());
      if (first.kind !== 'accepted') throw new Error(JSON.stringify(first));
      const back = receipt('GR-2', [receiptLine(1, 1, '-1', { lotNumber: 'LOT-1', expiryDate: '2024-01-01' })]);
      expect(decideGoodsReceipt(first.next, back, context()).kind).toBe('accepted');
    });
  });

  describe('traceability the item requires (lot, expiry, serial, UDI)', () => {
    const implantsTracked = context('0', 0, (item) => (item.itemId === 'ITM-IMPLANT' ? IMPLANT_TRACKING : UNTRACKED));

    it('› a fully traced implant › is accepted', () => {
      expect(decideGoodsReceipt(openPo(), receipt('GR-1', [implantLine(1, 'SN-1'), implantLine(2, 'SN-2')]), implantsTracked).kind).toBe('accepted');
    });

    it.each([
      ['lotNumber', null, 'MISSING_LOT'],
      ['lotNumber', '  ', 'MISSING_LOT'],
      ['expiryDate', null, 'MISSING_EXPIRY'],
      ['serialNumber', null, 'MISSING_SERIAL'],
      ['udi', null, 'MISSING_UDI'],
    ] as const)('› without its %s (%p) › is %s', (field, value, code) => {
      const missing = { ...implantLine(1, 'SN-1'), [field]: value };
      expect(problemsOf(decideGoodsReceipt(openPo(), receipt('GR-1', [missing]), implantsTracked))).toEqual([`lines[0].${field} ${code}`]);
    });

    it('› an untracked item without any of them › is accepted', () => {
      const bare = { ...implantLine(1, null), lotNumber: null, expiryDate: null, udi: null };
      expect(decideGoodsReceipt(openPo(), receipt('GR-1', [bare]), context()).kind).toBe('accepted');
    });

    it('› the same serial twice for one PO line › is a DUPLICATE_SERIAL', () => {
      expect(problemsOf(decideGoodsReceipt(openPo(), receipt('GR-1', [implantLine(1, 'SN-1'), implantLine(2, 'SN-1')]), implantsTracked))).toEqual([
        'lines[1].serialNumber DUPLICATE_SERIAL',
      ]);
    });
  });

  describe('when several lines are wrong', () => {
    it('› reports every problem and accepts nothing', () => {
      const lines = [
        receiptLine(1, 1, '11'),
        receiptLine(2, 2, '1', { item: { ...GLOVES, gtin: '00000000000000', unitOfMeasure: 'EA' } }),
        receiptLine(3, 1, '1', { expiryDate: '2020-01-01' }),
      ];
      expect(problemsOf(decideGoodsReceipt(openPo(), receipt('GR-1', lines), context()))).toEqual([
        'lines[0].quantity OVER_RECEIPT',
        'lines[1].item.gtin ITEM_MISMATCH',
        'lines[1].item.unitOfMeasure UOM_MISMATCH',
        'lines[2].quantity OVER_RECEIPT',
        'lines[2].expiryDate EXPIRED_LOT',
      ]);
    });
  });
});
