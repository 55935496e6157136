import type { Redis } from 'ioredis';
import type { PaymentRecord } from '../domain';
import type { PaymentHistoryEntry, PaymentStore } from '../ports';
import type { PaymentStatusKeys } from './redis-keys';
import { paymentRecordFromJson, toStoredJson } from './stored-json';

/** Payment records as JSON strings; the history as a hash by event id (a re-run overwrites, never doubles). */
export class RedisPaymentStore implements PaymentStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: PaymentStatusKeys,
  ) {}

  async load(paymentId: string): Promise<PaymentRecord | null> {
    const text = await this.redis.get(this.keys.payment(paymentId));
    return text === null ? null : paymentRecordFromJson(text);
  }

  async save(paymentId: string, record: PaymentRecord | null, entry: PaymentHistoryEntry): Promise<void> {
    const multi = this.redis.multi();
    if (record !== null) multi.set(this.keys.payment(paymentId), toStoredJson(record));
    multi.hset(this.keys.history(paymentId), entry.eventId, JSON.stringify(entry));
    const results = await multi.exec();
    const failed = results?.find(([error]) => error !== null);
    if (results === null || failed) throw new Error(`storing payment ${paymentId} failed: ${failed?.[0]?.message ?? 'transaction aborted'}`);
  }

  async history(paymentId: string): Promise<readonly PaymentHistoryEntry[]> {
    const entries = Object.values(await this.redis.hgetall(this.keys.history(paymentId))).map((t) => JSON.parse(t) as PaymentHistoryEntry);
    return entries.sort((a, b) => a.at.localeCompare(b.at) || (a.outcome === b.outcome ? 0 : a.outcome === 'APPLIED' ? -1 : 1));
  }
}
