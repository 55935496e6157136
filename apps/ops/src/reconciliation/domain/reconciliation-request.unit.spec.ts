import { parseReconciliationRequest } from './reconciliation-request';

const TODAY = '2026-03-02';

describe('a reconciliation request', () => {
  it('may be empty (today, every facility)', () => {
    expect(parseReconciliationRequest(undefined, TODAY)).toEqual({ ok: true, value: { day: null, facilityId: null } });
    expect(parseReconciliationRequest({}, TODAY)).toEqual({ ok: true, value: { day: null, facilityId: null } });
  });

  it('takes a past day and a facility', () => {
    expect(parseReconciliationRequest({ day: '2026-03-01', facilityId: 'FAC-NORTH' }, TODAY)).toEqual({ ok: true, value: { day: '2026-03-01', facilityId: 'FAC-NORTH' } });
  });

  it('names every problem: a malformed or future day, a bad facility, an unknown field', () => {
    const parsed = parseReconciliationRequest({ day: '2026-03-03', facilityId: 'FAC/NORTH', extra: 1 }, TODAY);
    expect(parsed).toEqual({
      ok: false,
      problems: [
        expect.objectContaining({ path: 'extra', code: 'UNKNOWN_FIELD' }),
        expect.objectContaining({ path: 'day', code: 'OUT_OF_RANGE' }),
        expect.objectContaining({ path: 'facilityId', code: 'MALFORMED' }),
      ],
    });
    expect(parseReconciliationRequest({ day: '02/03/2026' }, TODAY)).toMatchObject({ ok: false, problems: [{ path: 'day', code: 'MALFORMED' }] });
    expect(parseReconciliationRequest({ day: 20260301 }, TODAY)).toMatchObject({ ok: false, problems: [{ path: 'day', code: 'WRONG_TYPE' }] });
    expect(parseReconciliationRequest([], TODAY)).toMatchObject({ ok: false, problems: [{ code: 'NOT_AN_OBJECT' }] });
  });
});
