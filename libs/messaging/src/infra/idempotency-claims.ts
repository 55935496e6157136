import { eventKey, type IdempotencyStore } from '@procurelink/idempotency';
import type { ClaimPort, ClaimState } from '../ports/claims';

/** The runtime names a claim `<group>:<eventId>`; group names cannot contain a colon. */
function storeKey(runtimeKey: string): string {
  const split = runtimeKey.indexOf(':');
  return eventKey({ consumerGroup: runtimeKey.slice(0, split), eventId: runtimeKey.slice(split + 1) });
}

/**
 * The runtime's claim port over the idempotency store: one key per (consumer group, event id),
 * claimed for a whole batch in one round trip, confirmed or released likewise.
 */
export function idempotencyClaims(store: IdempotencyStore, options: { claimTtlMs?: number } = {}): ClaimPort {
  const claimOptions = options.claimTtlMs ? { ttlMs: options.claimTtlMs } : {};
  return {
    async claimMany(keys) {
      const results = await store.claimMany(keys.map(storeKey), claimOptions);
      return results.map((r): ClaimState =>
        r.status === 'claimed' ? { status: 'claimed', token: r.token } : r.status === 'done' ? { status: 'done' } : { status: 'in-progress' },
      );
    },
    async confirmMany(claims) {
      await store.confirmMany(claims.map((c) => ({ key: storeKey(c.key), token: c.token, outcome: 'done' })));
    },
    async releaseMany(claims) {
      await store.releaseMany(claims.map((c) => ({ key: storeKey(c.key), token: c.token })));
    },
  };
}
