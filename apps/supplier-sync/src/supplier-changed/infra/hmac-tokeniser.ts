import { createHmac } from 'node:crypto';
import type { SensitiveKind, Tokeniser } from '../domain/tokeniser';

export interface HmacTokeniserOptions {
  /** Names the key, so tokens made with a rotated key are told apart: letters, digits, `-`, `_`. */
  readonly keyId: string;
  /** The secret key, at least 32 bytes. Comes from configuration; never logged. */
  readonly secret: Buffer;
}

const PREFIX: Readonly<Record<SensitiveKind, string>> = { 'bank-account': 'ba', 'tax-id': 'tx' };

/** Configuration that cannot make safe tokens. Says what to fix, never the secret. */
export class HmacTokeniserConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HmacTokeniserConfigError';
  }
}

/**
 * A deterministic tokeniser: `ba.<keyId>.<base64url HMAC-SHA256(secret, kind \0 clear)>`.
 * The same value always gives the same token (so matching and change detection work on tokens);
 * without the secret a token cannot be reversed or brute-forced from its masked form.
 */
export class HmacTokeniser implements Tokeniser {
  readonly keyId: string;
  // A true private field: util.inspect, JSON and console.log do not show it.
  readonly #secret: Buffer;

  constructor(options: HmacTokeniserOptions) {
    if (!/^[A-Za-z0-9_-]{1,32}$/.test(options.keyId)) {
      throw new HmacTokeniserConfigError('the tokeniser key id must be 1 to 32 letters, digits, - or _');
    }
    if (options.secret.length < 32) {
      throw new HmacTokeniserConfigError(`the tokeniser secret must be at least 32 bytes, got ${options.secret.length}`);
    }
    this.keyId = options.keyId;
    this.#secret = Buffer.from(options.secret);
  }

  tokenise(clear: string, kind: SensitiveKind): string {
    const mac = createHmac('sha256', this.#secret).update(`${kind}\u0000${clear}`, 'utf8').digest('base64url');
    return `${PREFIX[kind]}.${this.keyId}.${mac}`;
  }
}
