import { IdempotencyCorruptRecordError } from '../domain/errors';
import { decodeClaimReply, decodeConfirmReply, decodeReleaseReply } from './replies';

describe('store script replies', () => {
  describe('claim', () => {
    it('when the key was free › the caller holds it with its token', () => {
      expect(decodeClaimReply('k', 't-1', ['claimed'])).toEqual({ status: 'claimed', token: 't-1' });
    });

    it('when another worker holds it › reports in-progress with the holder and time left', () => {
      expect(decodeClaimReply('k', 't-1', ['in-progress', 'invoice-sync@host-1', 1234])).toEqual({
        status: 'in-progress',
        owner: 'invoice-sync@host-1',
        expiresInMs: 1234,
      });
    });

    it('when it was confirmed › returns the stored outcome', () => {
      expect(decodeClaimReply('k', 't-1', ['done', '{"erpDocument":"AP-7"}'])).toEqual({
        status: 'done',
        outcome: { erpDocument: 'AP-7' },
      });
    });

    it('when the stored outcome is not JSON or the value is foreign › reports a corrupt record naming the key', () => {
      expect(() => decodeClaimReply('k', 't', ['done', '{oops'])).toThrow(IdempotencyCorruptRecordError);
      expect(() => decodeClaimReply('k', 't', ['corrupt'])).toThrow(/idempotency key k holds a record this library cannot read/);
      expect(() => decodeClaimReply('k', 't', null)).toThrow(IdempotencyCorruptRecordError);
    });
  });

  it('confirm › tells confirmed (and whether the claim had lapsed) from a lost claim', () => {
    expect(decodeConfirmReply('k', ['confirmed', 0])).toEqual({ status: 'confirmed', claimExpired: false });
    expect(decodeConfirmReply('k', ['confirmed', 1])).toEqual({ status: 'confirmed', claimExpired: true });
    expect(decodeConfirmReply('k', ['claim-lost', 'claimed-by-another'])).toEqual({
      status: 'claim-lost',
      reason: 'claimed-by-another',
    });
    expect(() => decodeConfirmReply('k', ['claim-lost', 'bogus'])).toThrow(IdempotencyCorruptRecordError);
  });

  it('release › tells released from not held, with the reason', () => {
    expect(decodeReleaseReply('k', ['released'])).toEqual({ status: 'released' });
    expect(decodeReleaseReply('k', ['not-held', 'confirmed'])).toEqual({ status: 'not-held', reason: 'confirmed' });
    expect(() => decodeReleaseReply('k', ['weird'])).toThrow(IdempotencyCorruptRecordError);
  });
});
