import { checkAbaRouting, checkUsAccountNumber } from './aba-routing';
import { ROUTING_BOFA, ROUTING_CHASE } from './supplier-records.fixture.spec';

describe('checkAbaRouting', () => {
  it.each([ROUTING_CHASE, ROUTING_BOFA, '011000015', '0210-0002-1'])('accepts the valid routing number %s', (routing) => {
    expect(checkAbaRouting(routing)).toEqual({ ok: true, value: routing.replace(/-/g, '') });
  });

  describe('when the routing number is wrong', () => {
    it('fails the 3-7-1 checksum when the check digit is off', () => {
      expect(checkAbaRouting('021000022')).toEqual({ ok: false, code: 'CHECKSUM_FAILED', message: 'fails the ABA 3-7-1 checksum' });
    });

    it('refuses a number that is not nine digits', () => {
      expect(checkAbaRouting('02100002')).toMatchObject({ ok: false, code: 'WRONG_LENGTH' });
    });

    it('refuses letters', () => {
      expect(checkAbaRouting('02100002A')).toMatchObject({ ok: false, code: 'MALFORMED' });
    });

    it('refuses a prefix that names no Federal Reserve district even when the checksum adds up', () => {
      // 3*(5+0+0) + 7*(0+0+0) + (0+0+5) = 20
      expect(checkAbaRouting('500000005')).toMatchObject({ ok: false, code: 'MALFORMED' });
    });
  });
});

describe('checkUsAccountNumber', () => {
  it('accepts 4 to 17 digits, dropping spaces and hyphens', () => {
    expect(checkUsAccountNumber('4455-6677 88')).toEqual({ ok: true, value: '4455667788' });
    expect(checkUsAccountNumber('1234')).toMatchObject({ ok: true });
    expect(checkUsAccountNumber('12345678901234567')).toMatchObject({ ok: true });
  });

  it('refuses too short, too long and non-digit account numbers', () => {
    expect(checkUsAccountNumber('123')).toMatchObject({ ok: false, code: 'WRONG_LENGTH' });
    expect(checkUsAccountNumber('123456789012345678')).toMatchObject({ ok: false, code: 'WRONG_LENGTH' });
    expect(checkUsAccountNumber('12AB5678')).toMatchObject({ ok: false, code: 'MALFORMED' });
  });
});
