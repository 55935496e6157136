import { eventKey } from '@procurelink/idempotency';
import type { Redis } from 'ioredis';
import type { ClaimLookup, ClaimState } from '../ports';

/**
 * The services' event-id claims, read with one MGET (never written). The runtime keeps a claim
 * at `<store key prefix><eventKey({ consumerGroup, eventId })>` (libs/messaging idempotencyClaims):
 * `d|…` once the event was handled, `c|…` while a worker holds it.
 */
export class RedisClaimLookup implements ClaimLookup {
  constructor(
    private readonly redis: Redis,
    /** The Redis key prefix of a consumer group's idempotency store (see serviceStoreKeyPrefix). */
    private readonly storeKeyPrefix: (consumerGroup: string) => string = () => '',
  ) {}

  async states(claims: ReadonlyArray<{ consumerGroup: string; eventId: string }>): Promise<ClaimState[]> {
    const keys = claims.map((claim) => {
      try {
        return `${this.storeKeyPrefix(claim.consumerGroup)}${eventKey(claim)}`;
      } catch {
        return undefined; // an id the store would refuse as a key was never claimed
      }
    });
    const wanted = keys.filter((key): key is string => key !== undefined);
    const values = wanted.length === 0 ? [] : await this.redis.mget(...wanted);
    let next = 0;
    return keys.map((key): ClaimState => {
      if (key === undefined) return 'absent';
      const value = values[next++];
      if (typeof value !== 'string') return 'absent';
      if (value.startsWith('d|')) return 'done';
      return value.startsWith('c|') ? 'in-progress' : 'absent';
    });
  }
}

/**
 * Where each service's idempotency store keeps its keys: po-sync, invoice-sync and supplier-sync
 * use no prefix; payment-status prefixes `p2p:payment-status:v1:<topic prefix>`
 * (apps/payment-status PaymentStatusKeys.base).
 */
export function serviceStoreKeyPrefix(topicPrefix: string): (consumerGroup: string) => string {
  const paymentStatusGroup = `${topicPrefix}procurelink.payment-status`;
  return (group) => (group === paymentStatusGroup ? `p2p:payment-status:v1:${topicPrefix}` : '');
}
