import { parseEncumbrance } from './encumbrance';

const ENCUMBRANCE = {
  poNumber: 'PO-1001',
  revision: 2,
  lineNumber: 3,
  glAccount: '5100-SUPPLIES',
  costCentre: 'CC-ICU',
  facilityId: 'FAC-NORTH',
  amount: '1250.5000',
  currency: 'USD',
  direction: 'ENCUMBER',
};

describe('an encumbrance posting', () => {
  it('when every field is valid › becomes a posting keyed by PO, revision, line and direction', () => {
    expect(parseEncumbrance(ENCUMBRANCE)).toEqual({
      ok: true,
      value: {
        kind: 'ENCUMBRANCE',
        businessKey: 'PO-1001/2/3/ENCUMBER',
        subjectId: 'PO-1001',
        facilityId: 'FAC-NORTH',
        currency: 'USD',
        amount: '1250.5000',
        direction: 'ENCUMBER',
        record: { ...ENCUMBRANCE, departmentId: null, supplierId: null, reason: null },
      },
    });
  });

  it('when the amount is a JSON number › refuses it at path amount', () => {
    const outcome = parseEncumbrance({ ...ENCUMBRANCE, amount: 10.5 });
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.problems).toEqual([{ path: 'amount', code: 'WRONG_TYPE', message: expect.stringContaining('JSON number') }]);
  });

  it('when several fields are wrong › reports every one with its path', () => {
    const outcome = parseEncumbrance({ ...ENCUMBRANCE, revision: '2', direction: 'CANCEL', currency: 'usd', facilityId: undefined, extra: 1 });
    expect(!outcome.ok && outcome.problems.map((p) => `${p.path}:${p.code}`)).toEqual([
      'extra:UNKNOWN_FIELD',
      'revision:WRONG_TYPE',
      'facilityId:MISSING',
      'currency:MALFORMED',
      'direction:UNKNOWN_CODE',
    ]);
  });

  it('when the body is not an object › refuses it at the root', () => {
    expect(parseEncumbrance([ENCUMBRANCE])).toEqual({ ok: false, problems: [{ path: '$', code: 'NOT_AN_OBJECT', message: 'must be a JSON object, not a list' }] });
  });

  it('when the amount is zero › refuses it: the direction carries the sign', () => {
    const outcome = parseEncumbrance({ ...ENCUMBRANCE, amount: '0', direction: 'RELEASE' });
    expect(!outcome.ok && outcome.problems[0]).toMatchObject({ path: 'amount', code: 'OUT_OF_RANGE' });
  });
});
