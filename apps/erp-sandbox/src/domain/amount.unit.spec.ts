import { parseAmount } from './amount';

describe('reading an amount', () => {
  it('when it is a decimal string › keeps it exactly, scale included', () => {
    const outcome = parseAmount('10.50', 'positive');
    expect(outcome.ok && outcome.amount.toString()).toBe('10.50');
  });

  it.each([10.5, 10, 0.1])('when it is the JSON number %p › refuses it as WRONG_TYPE, naming JSON numbers', (value) => {
    expect(parseAmount(value, 'any')).toEqual({ ok: false, code: 'WRONG_TYPE', message: expect.stringContaining('not a JSON number') });
  });

  it.each(['1e3', '1,000.00', ' 10', '', 'ten', '0x10', 'NaN'])('when it is %p › refuses it as MALFORMED', (value) => {
    expect(parseAmount(value, 'any')).toMatchObject({ ok: false, code: 'MALFORMED' });
  });

  it('when it has more than 4 decimal places › refuses it as TOO_PRECISE', () => {
    expect(parseAmount('1.00001', 'any')).toMatchObject({ ok: false, code: 'TOO_PRECISE', message: 'must have at most 4 decimal places' });
    expect(parseAmount('1.0001', 'any')).toMatchObject({ ok: true });
  });

  it('when it has more than 15 integer digits › refuses it as TOO_PRECISE', () => {
    expect(parseAmount('1234567890123456', 'any')).toMatchObject({ ok: false, code: 'TOO_PRECISE' });
    expect(parseAmount('123456789012345.1234', 'any')).toMatchObject({ ok: true });
  });

  it('when a positive amount is zero or negative › refuses it as OUT_OF_RANGE', () => {
    expect(parseAmount('0.00', 'positive')).toMatchObject({ ok: false, code: 'OUT_OF_RANGE' });
    expect(parseAmount('-1', 'positive')).toMatchObject({ ok: false, code: 'OUT_OF_RANGE' });
    expect(parseAmount('-1', 'any')).toMatchObject({ ok: true });
  });

  it('when it is null, a boolean or an object › refuses it as WRONG_TYPE', () => {
    for (const value of [null, true, { amount: '1' }]) expect(parseAmount(value, 'any')).toMatchObject({ ok: false, code: 'WRONG_TYPE' });
  });
});
