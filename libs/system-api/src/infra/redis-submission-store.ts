import type { Redis } from 'ioredis';
import type { IdempotencyRecord } from '../domain/submission';
import type { StoredSubmission, SubmissionStore } from '../domain/submission-store.port';

const RELEASE_IF_OWNED = `
local current = redis.call('GET', KEYS[1])
if current and cjson.decode(current).trackingId == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

function parse<T>(text: string | null): T | undefined {
  return text === null ? undefined : (JSON.parse(text) as T);
}

/** Keys: `<prefix>idempotency:<slot>` (hash of client + key) and `<prefix>submission:<trackingId>`. */
export class RedisSubmissionStore implements SubmissionStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private slotKey = (slot: string): string => `${this.prefix}idempotency:${slot}`;
  private submissionKey = (trackingId: string): string => `${this.prefix}submission:${trackingId}`;

  async claim(slot: string, record: IdempotencyRecord, ttlSeconds: number): Promise<IdempotencyRecord | undefined> {
    const key = this.slotKey(slot);
    const set = await this.redis.set(key, JSON.stringify(record), 'EX', ttlSeconds, 'NX');
    if (set === 'OK') return undefined;
    const existing = parse<IdempotencyRecord>(await this.redis.get(key));
    // Expired or released between SET and GET: claim again.
    return existing ?? this.claim(slot, record, ttlSeconds);
  }

  async read(slot: string): Promise<IdempotencyRecord | undefined> {
    return parse<IdempotencyRecord>(await this.redis.get(this.slotKey(slot)));
  }

  async complete(slot: string | undefined, record: IdempotencyRecord | undefined, stored: StoredSubmission, receiptTtlSeconds: number): Promise<void> {
    const multi = this.redis.multi().set(this.submissionKey(stored.receipt.trackingId), JSON.stringify(stored), 'EX', receiptTtlSeconds);
    if (slot !== undefined && record !== undefined) multi.set(this.slotKey(slot), JSON.stringify(record), 'KEEPTTL', 'XX');
    const results = await multi.exec();
    const failed = results?.find(([error]) => error !== null);
    if (results === null || failed) throw failed?.[0] ?? new Error('the Redis transaction was aborted');
  }

  async release(slot: string, trackingId: string): Promise<void> {
    await this.redis.eval(RELEASE_IF_OWNED, 1, this.slotKey(slot), trackingId);
  }

  async find(trackingId: string): Promise<StoredSubmission | undefined> {
    return parse<StoredSubmission>(await this.redis.get(this.submissionKey(trackingId)));
  }
}
