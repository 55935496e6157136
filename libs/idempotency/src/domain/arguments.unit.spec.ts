import { checkKey, checkOwner, checkTtl, serialiseOutcome } from './arguments';
import { IdempotencyInvalidArgumentError } from './errors';

describe('store arguments', () => {
  it('when a key is empty or too long › refuses it as an invalid argument', () => {
    expect(() => checkKey('')).toThrow(IdempotencyInvalidArgumentError);
    expect(() => checkKey('k'.repeat(513))).toThrow(/at most 512 characters/);
    expect(checkKey('p2p:idem:v1:event:g:1')).toBe('p2p:idem:v1:event:g:1');
  });

  it.each([0, -1, 1.5, Number.NaN, Infinity, '100'])('when a TTL is %p › refuses it, naming the option', (ttl) => {
    expect(() => checkTtl('ttlMs', ttl)).toThrow(/ttlMs must be a whole number of milliseconds above 0/);
  });

  it('when no owner is given › stores an empty owner', () => {
    expect(checkOwner(undefined)).toBe('');
    expect(() => checkOwner('o'.repeat(201))).toThrow(IdempotencyInvalidArgumentError);
  });

  describe('an outcome', () => {
    it('when JSON-serialisable and small › is stored as JSON', () => {
      expect(serialiseOutcome({ erpDocument: 'AP-1', lines: [1, 2] }, 1024)).toBe('{"erpDocument":"AP-1","lines":[1,2]}');
      expect(serialiseOutcome(null, 1024)).toBe('null');
    });

    it('when larger than the limit › is refused with its size', () => {
      expect(() => serialiseOutcome('x'.repeat(100), 50)).toThrow(/at most 50 bytes as JSON \(got 102\)/);
    });

    it('when not JSON at all › is refused', () => {
      expect(() => serialiseOutcome(undefined as never, 1024)).toThrow(IdempotencyInvalidArgumentError);
      expect(() => serialiseOutcome(10n as never, 1024)).toThrow(/JSON-serialisable/);
    });
  });
});
