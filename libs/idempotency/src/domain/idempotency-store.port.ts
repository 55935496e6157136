/** A value that survives `JSON.stringify` / `JSON.parse` unchanged: what a confirmed outcome may be. */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** How long a confirmed outcome is kept unless the caller says otherwise: 30 days. */
export const DEFAULT_OUTCOME_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export interface ClaimOptions {
  /**
   * How long the claim holds if its holder never confirms or releases it (the holder died).
   * Choose more than the longest time the work can take. Defaults to the store's claim TTL.
   */
  readonly ttlMs?: number;
  /** Who claims (service, host, worker), stored beside the claim for diagnostics only. */
  readonly owner?: string;
}

export interface ConfirmOptions {
  /** How long the outcome is kept, so duplicates arriving in that window are skipped. */
  readonly ttlMs?: number;
}

export type ClaimResult =
  /** The caller holds the key: do the work, then `confirm` or `release` with this token. */
  | { readonly status: 'claimed'; readonly token: string }
  /** Another worker holds an unexpired claim: do not do the work now. */
  | { readonly status: 'in-progress'; readonly owner: string; readonly expiresInMs: number }
  /** The work was done and confirmed: skip it, and answer with the stored outcome if needed. */
  | { readonly status: 'done'; readonly outcome: JsonValue };

export type ConfirmResult =
  /**
   * The outcome is stored. `claimExpired` is true when the claim had lapsed but nobody else had
   * taken the key, so storing was still safe (the work is done; later duplicates are skipped).
   */
  | { readonly status: 'confirmed'; readonly claimExpired: boolean }
  /** The claim lapsed and another worker took the key (or confirmed it): nothing was stored. */
  | { readonly status: 'claim-lost'; readonly reason: 'claimed-by-another' | 'confirmed-by-another' };

export type ReleaseResult =
  | { readonly status: 'released' }
  /** Nothing was deleted: the claim had expired, another worker holds the key, or it is confirmed. */
  | { readonly status: 'not-held'; readonly reason: 'expired' | 'claimed-by-another' | 'confirmed' };

export interface HeldClaim {
  readonly key: string;
  readonly token: string;
}

export interface ConfirmItem extends HeldClaim {
  /** Defaults to `null` when the caller only needs "done". */
  readonly outcome?: JsonValue;
}

/**
 * Claim / confirm / release, after Apache Camel's idempotent consumer. Claim before the work;
 * confirm after it succeeded (the outcome is kept and returned to every later claim); release
 * when it failed so a retry can claim again. A claim is a lease: if its holder dies it expires.
 *
 * Fails closed: when the store cannot answer, every method rejects with
 * `IdempotencyUnavailableError` (`retriable: true`) and the caller must not do the work.
 * Lost claims are reported as data (`claim-lost`, `not-held`), never thrown.
 *
 * Batch methods answer in input order in one round trip. A key repeated within `claimMany` is
 * claimed by its first occurrence; later occurrences report `in-progress`.
 */
export interface IdempotencyStore {
  claim(key: string, options?: ClaimOptions): Promise<ClaimResult>;
  confirm(key: string, token: string, outcome: JsonValue, options?: ConfirmOptions): Promise<ConfirmResult>;
  release(key: string, token: string): Promise<ReleaseResult>;
  claimMany(keys: readonly string[], options?: ClaimOptions): Promise<ClaimResult[]>;
  confirmMany(items: readonly ConfirmItem[], options?: ConfirmOptions): Promise<ConfirmResult[]>;
  releaseMany(items: readonly HeldClaim[]): Promise<ReleaseResult[]>;
}

/** Injection token for the port (NestJS `@Inject(IDEMPOTENCY_STORE)`); stable across copies of the library. */
export const IDEMPOTENCY_STORE: unique symbol = Symbol.for('@procurelink/idempotency:IdempotencyStore');
