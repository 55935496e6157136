/**
 * What the runtime needs from an idempotency store, batch-wise: claim every key of a batch in
 * one round trip, then confirm the ones that took effect and release the ones that failed.
 * Failures to reach the store are thrown as retriable errors (fail closed).
 */
export type ClaimState =
  | { readonly status: 'claimed'; readonly token: string }
  | { readonly status: 'in-progress' }
  | { readonly status: 'done' };

export interface ClaimPort {
  claimMany(keys: readonly string[]): Promise<ClaimState[]>;
  confirmMany(claims: ReadonlyArray<{ key: string; token: string }>): Promise<void>;
  releaseMany(claims: ReadonlyArray<{ key: string; token: string }>): Promise<void>;
}
