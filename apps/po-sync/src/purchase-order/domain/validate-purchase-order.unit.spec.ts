import { approved, changed, line, money, REFERENCE } from './purchase-order.fixture.spec';
import { validatePurchaseOrder } from './validate-purchase-order';

const validLines = [line(1), line(2, { departmentId: 'D-OR', costCentre: 'CC-420', glAccount: '6200' }), line(3)];

describe('validatePurchaseOrder', () => {
  describe('when every dimension exists and is active and the amounts add up', () => {
    it('› finds no problem', () => {
      expect(validatePurchaseOrder(approved(0, validLines).value, REFERENCE)).toEqual([]);
    });
  });

  describe('when the third line is charged to an inactive GL account', () => {
    it('› names the line by its path: lines[2].glAccount "GL 6100 is inactive"', () => {
      const lines = [line(1), line(2), line(3, { glAccount: '6100' })];
      expect(validatePurchaseOrder(approved(0, lines).value, REFERENCE)).toEqual([
        { path: 'lines[2].glAccount', code: 'INACTIVE_GL_ACCOUNT', message: 'GL 6100 is inactive' },
      ]);
    });
  });

  describe.each([
    ['an unknown GL account', { glAccount: '7777' }, 'lines[0].glAccount', 'UNKNOWN_GL_ACCOUNT', 'GL 7777 is not in the reference data'],
    ['an unknown cost centre', { costCentre: 'CC-000' }, 'lines[0].costCentre', 'UNKNOWN_COST_CENTRE', 'cost centre CC-000 is not in the reference data'],
    ['an inactive cost centre', { costCentre: 'CC-999' }, 'lines[0].costCentre', 'INACTIVE_COST_CENTRE', 'cost centre CC-999 is inactive'],
    ['an unknown department', { departmentId: 'D-NOPE' }, 'lines[0].department', 'UNKNOWN_DEPARTMENT', 'department D-NOPE is not in the reference data'],
    ['an inactive department', { departmentId: 'D-CLOSED' }, 'lines[0].department', 'INACTIVE_DEPARTMENT', 'department D-CLOSED is inactive'],
    [
      'a department of another facility than the line says',
      { departmentId: 'D-PHARM', departmentFacilityId: 'FAC-01' },
      'lines[0].department.facilityId',
      'DEPARTMENT_NOT_IN_FACILITY',
      'department D-PHARM belongs to facility FAC-02, not FAC-01',
    ],
    [
      'a department of an inactive facility',
      { departmentId: 'D-OLDSITE', departmentFacilityId: 'FAC-OLD' },
      'lines[0].department.facilityId',
      'INACTIVE_FACILITY',
      'facility FAC-OLD is inactive',
    ],
  ] as const)('when a line is charged to %s', (_case, spec, path, code, message) => {
    it(`› reports ${code} at ${path}`, () => {
      expect(validatePurchaseOrder(approved(0, [line(1, spec)]).value, REFERENCE)).toEqual([{ path, code, message }]);
    });
  });

  describe('when a line is charged to a department of another active facility', () => {
    it('› accepts it: the budget owner need not be the ship-to facility', () => {
      const lines = [line(1, { departmentId: 'D-PHARM', departmentFacilityId: 'FAC-02' })];
      expect(validatePurchaseOrder(approved(0, lines).value, REFERENCE)).toEqual([]);
    });
  });

  describe.each([
    ['unknown', 'FAC-09', 'UNKNOWN_FACILITY', 'facility FAC-09 is not in the reference data'],
    ['inactive', 'FAC-OLD', 'INACTIVE_FACILITY', 'facility FAC-OLD is inactive'],
  ] as const)('when the ship-to facility is %s', (_case, facilityId, code, message) => {
    it(`› reports ${code} at shipTo.facilityId`, () => {
      const order = approved(0, validLines).value;
      const problems = validatePurchaseOrder({ ...order, shipTo: { ...order.shipTo, facilityId } }, REFERENCE);
      expect(problems).toEqual([{ path: 'shipTo.facilityId', code, message }]);
    });
  });

  describe('when several things are wrong', () => {
    it('› reports every one, in document order', () => {
      const lines = [line(1, { costCentre: 'CC-999' }), line(2, { glAccount: '6100', departmentId: 'D-NOPE' })];
      expect(validatePurchaseOrder(changed(1, lines).value, REFERENCE).map((problem) => `${problem.path} ${problem.code}`)).toEqual([
        'lines[0].costCentre INACTIVE_COST_CENTRE',
        'lines[1].department UNKNOWN_DEPARTMENT',
        'lines[1].glAccount INACTIVE_GL_ACCOUNT',
      ]);
    });
  });

  describe('arithmetic and shape', () => {
    it('when a line amount is not quantity × unit price › reports LINE_AMOUNT_MISMATCH', () => {
      const problems = validatePurchaseOrder(approved(0, [line(1, { quantity: '10', unitPrice: '25.00', lineAmount: '260.00' })]).value, REFERENCE);
      expect(problems).toEqual([{ path: 'lines[0].lineAmount.amount', code: 'LINE_AMOUNT_MISMATCH', message: 'line 1: 10 × 25.00 is not 260.00' }]);
    });

    it.each([
      ['half-even', '2.5', '0.01', '0.02'],
      ['half-up', '2.5', '0.01', '0.03'],
      ['plain rounding', '3', '0.3333', '1.00'],
    ])('when the line amount is the product rounded (%s: %s × %s = %s) › accepts it', (_mode, quantity, unitPrice, lineAmount) => {
      expect(validatePurchaseOrder(approved(0, [line(1, { quantity, unitPrice, lineAmount })]).value, REFERENCE)).toEqual([]);
    });

    it('when the lines do not add up to the total › reports TOTAL_MISMATCH', () => {
      const problems = validatePurchaseOrder(approved(0, validLines, money('749.99')).value, REFERENCE);
      expect(problems).toEqual([{ path: 'totalAmount.amount', code: 'TOTAL_MISMATCH', message: 'the lines add up to 750.00 USD, the total says 749.99' }]);
    });

    it('when a line is in another currency › reports CURRENCY_MISMATCH on both of its amounts, and no total mismatch', () => {
      const problems = validatePurchaseOrder(approved(0, [line(1), line(2, { currency: 'EUR' })], money('500.00')).value, REFERENCE);
      expect(problems.map((problem) => `${problem.path} ${problem.code}`)).toEqual([
        'lines[1].unitPrice.currency CURRENCY_MISMATCH',
        'lines[1].lineAmount.currency CURRENCY_MISMATCH',
      ]);
    });

    it.each(['0', '-1'])('when a line orders %s › reports INVALID_QUANTITY', (quantity) => {
      const problems = validatePurchaseOrder(approved(0, [line(1, { quantity, lineAmount: '0.00' })], money('0.00')).value, REFERENCE);
      expect(problems).toEqual([{ path: 'lines[0].quantity', code: 'INVALID_QUANTITY', message: `line 1 orders ${quantity}; a quantity must be above zero` }]);
    });

    it('when a unit price is negative › reports NEGATIVE_PRICE', () => {
      const problems = validatePurchaseOrder(approved(0, [line(1, { unitPrice: '-1.00' })]).value, REFERENCE);
      expect(problems).toEqual([{ path: 'lines[0].unitPrice.amount', code: 'NEGATIVE_PRICE', message: 'line 1 has a negative unit price' }]);
    });

    it('when two lines share a number › reports DUPLICATE_LINE_NUMBER on the second', () => {
      const problems = validatePurchaseOrder(approved(0, [line(1), line(1)]).value, REFERENCE);
      expect(problems).toEqual([{ path: 'lines[1].lineNumber', code: 'DUPLICATE_LINE_NUMBER', message: 'line number 1 appears more than once' }]);
    });

    it('when there are no lines › reports NO_LINES', () => {
      expect(validatePurchaseOrder(approved(0, [], money('0.00')).value, REFERENCE)).toEqual([
        { path: 'lines', code: 'NO_LINES', message: 'a purchase order needs at least one line' },
      ]);
    });

    it.each([-1, 1.5])('when the revision is %s › reports INVALID_REVISION', (revision) => {
      expect(validatePurchaseOrder(approved(revision, validLines).value, REFERENCE)).toEqual([
        { path: 'revision', code: 'INVALID_REVISION', message: `revision must be a whole number from 0, got ${revision}` },
      ]);
    });
  });
});
