import { redisScript, type RedisScript } from '@procurelink/service-host';
import type { Redis } from 'ioredis';
import type { PurchaseOrderState } from '../domain';
import type { PurchaseOrderStore, StoredPurchaseOrder } from '../ports/purchase-order-store';
import { stateFromJson, stateToJson, type PurchaseOrderStateJson } from '../projection/state-json';

/** Saves the state only when the stored version is the expected one (a compare-and-set). */
const SAVE_IF_VERSION = `
local current = redis.call('HGET', KEYS[1], 'version')
if (current or '0') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'version', ARGV[2], 'state', ARGV[3])
return 1
`;

/**
 * PO state in Redis: one hash per PO at `p2p:po-sync:v1:<topic prefix>po:<poNumber>` with fields
 * `version` and `state` (JSON, decimal strings). The topic prefix is part of the key so tests
 * (and parallel environments) never see each other's state.
 */
export class RedisPurchaseOrderStore implements PurchaseOrderStore {
  private readonly prefix: string;
  private readonly saveIfVersion: RedisScript;

  constructor(
    private readonly redis: Redis,
    topicPrefix: string,
  ) {
    this.prefix = `p2p:po-sync:v1:${topicPrefix}po:`;
    this.saveIfVersion = redisScript(redis, 'poSyncSaveIfVersion', 1, SAVE_IF_VERSION);
  }

  keyOf(poNumber: string): string {
    return `${this.prefix}${poNumber}`;
  }

  async load(poNumber: string): Promise<StoredPurchaseOrder | null> {
    const [version, state] = await this.redis.hmget(this.keyOf(poNumber), 'version', 'state');
    if (version === null || version === undefined || state === null || state === undefined) return null;
    return { version: Number(version), state: stateFromJson(JSON.parse(state) as PurchaseOrderStateJson) };
  }

  async save(state: PurchaseOrderState, expectedVersion: number): Promise<boolean> {
    const saved = await this.saveIfVersion(
      [this.keyOf(state.poNumber)],
      [String(expectedVersion), String(expectedVersion + 1), JSON.stringify(stateToJson(state))],
    );
    return saved === 1;
  }

  async replaceAll(states: readonly PurchaseOrderState[]): Promise<{ cleared: number }> {
    const keys = await this.allKeys();
    for (let i = 0; i < keys.length; i += 500) await this.redis.del(...keys.slice(i, i + 500));
    for (let i = 0; i < states.length; i += 500) {
      const pipeline = this.redis.pipeline();
      for (const state of states.slice(i, i + 500)) pipeline.hset(this.keyOf(state.poNumber), 'version', '1', 'state', JSON.stringify(stateToJson(state)));
      await pipeline.exec();
    }
    return { cleared: keys.length };
  }

  async allKeys(): Promise<string[]> {
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await this.redis.scan(cursor, 'MATCH', `${this.prefix}*`, 'COUNT', 1000);
      cursor = next;
      keys.push(...batch);
    } while (cursor !== '0');
    return keys;
  }
}
