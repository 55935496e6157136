import { inspect } from 'node:util';
import { HmacTokeniser, HmacTokeniserConfigError } from './hmac-tokeniser';

const secret = Buffer.from('0123456789abcdef0123456789abcdef-test-only');
const tokeniser = new HmacTokeniser({ keyId: 'k1', secret });

describe('HmacTokeniser', () => {
  describe('when the same value is tokenised twice', () => {
    it('gives the same token, so matching and change detection can compare tokens', () => {
      expect(tokeniser.tokenise('DE89370400440532013000', 'bank-account')).toBe(tokeniser.tokenise('DE89370400440532013000', 'bank-account'));
    });

    it('gives the same token from another instance with the same key', () => {
      const again = new HmacTokeniser({ keyId: 'k1', secret: Buffer.from(secret) });
      expect(again.tokenise('US:123456789', 'tax-id')).toBe(tokeniser.tokenise('US:123456789', 'tax-id'));
    });
  });

  describe('when values, kinds or keys differ', () => {
    it('gives different tokens for different values', () => {
      expect(tokeniser.tokenise('021000021:12345678', 'bank-account')).not.toBe(tokeniser.tokenise('021000021:12345679', 'bank-account'));
    });

    it('gives different tokens for the same value of another kind', () => {
      const token = tokeniser.tokenise('123456789', 'bank-account');
      expect(tokeniser.tokenise('123456789', 'tax-id')).not.toBe(token);
      expect(token.startsWith('ba.k1.')).toBe(true);
      expect(tokeniser.tokenise('123456789', 'tax-id').startsWith('tx.k1.')).toBe(true);
    });

    it('gives different tokens under another secret', () => {
      const other = new HmacTokeniser({ keyId: 'k1', secret: Buffer.from('another-secret-of-at-least-32-bytes!!') });
      expect(other.tokenise('123456789', 'tax-id')).not.toBe(tokeniser.tokenise('123456789', 'tax-id'));
    });
  });

  describe('the token', () => {
    it('is the key id and a base64url HMAC-SHA256, with no trace of the clear value', () => {
      const token = tokeniser.tokenise('GB82WEST12345698765432', 'bank-account');
      expect(token).toMatch(/^ba\.k1\.[A-Za-z0-9_-]{43}$/);
      expect(token).not.toContain('98765432');
      expect(token).not.toContain('5432');
    });
  });

  describe('when it is configured', () => {
    it('refuses a secret shorter than 32 bytes', () => {
      expect(() => new HmacTokeniser({ keyId: 'k1', secret: Buffer.from('short') })).toThrow(HmacTokeniserConfigError);
      expect(() => new HmacTokeniser({ keyId: 'k1', secret: Buffer.from('short') })).toThrow('at least 32 bytes, got 5');
    });

    it('refuses a key id that could break the token format', () => {
      expect(() => new HmacTokeniser({ keyId: 'k.1', secret })).toThrow(HmacTokeniserConfigError);
      expect(() => new HmacTokeniser({ keyId: '', secret })).toThrow(HmacTokeniserConfigError);
    });

    it('keeps the secret out of inspection and JSON', () => {
      expect(inspect(tokeniser, { showHidden: true, depth: 5 })).not.toContain(secret.toString('utf8'));
      expect(JSON.stringify(tokeniser)).not.toContain('0123456789abcdef');
      expect(inspect(tokeniser)).not.toContain('48, 49, 50');
    });
  });
});
