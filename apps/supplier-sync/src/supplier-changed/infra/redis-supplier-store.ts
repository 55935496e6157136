import { redisScript, type RedisScript } from '@procurelink/service-host';
import type { Redis } from 'ioredis';
import { masterKeys, type SupplierKeys, type SupplierMaster } from '../domain';
import { SupplierWriteConflict, type StoredSupplier, type SupplierStore } from '../ports';
import { masterFromJson, masterToJson } from './master-json';

// KEYS: master, version, index-set of the master, all-suppliers set.
// ARGV: expected version, master JSON, supplier id, number of guarded keys g, then g guarded keys, then the other index keys.
// A new supplier (expected version 0) may not take a record or tax-id key another supplier holds.
const SAVE = `
local current = tonumber(redis.call('GET', KEYS[2]) or '0')
if current ~= tonumber(ARGV[1]) then return -1 end
local guarded = tonumber(ARGV[4])
if current == 0 then
  for i = 5, 4 + guarded do
    for _, id in ipairs(redis.call('SMEMBERS', ARGV[i])) do
      if id ~= ARGV[3] then return -2 end
    end
  end
end
for _, key in ipairs(redis.call('SMEMBERS', KEYS[3])) do redis.call('SREM', key, ARGV[3]) end
redis.call('DEL', KEYS[3])
for i = 5, #ARGV do
  redis.call('SADD', ARGV[i], ARGV[3])
  redis.call('SADD', KEYS[3], ARGV[i])
end
redis.call('SET', KEYS[1], ARGV[2])
redis.call('SADD', KEYS[4], ARGV[3])
return redis.call('INCR', KEYS[2])
`;

/**
 * Supplier masters in Redis under `p2p:supplier-sync:v1:<topicPrefix>`:
 * `supplier:<id>` (JSON), `version:<id>`, `indexed:<id>` (the index keys it is under),
 * `idx:record|tax|duns|name:<key>` (sets of supplier ids), `suppliers` (all ids).
 * One Lua script per save: version check, re-index and write are atomic.
 */
export class RedisSupplierStore implements SupplierStore {
  private readonly base: string;
  private readonly saveScript: RedisScript;

  constructor(
    private readonly redis: Redis,
    topicPrefix: string,
  ) {
    this.base = `p2p:supplier-sync:v1:${topicPrefix}`;
    this.saveScript = redisScript(redis, 'supplierSyncSave', 4, SAVE);
  }

  private indexKeys(keys: SupplierKeys): { guarded: string[]; other: string[] } {
    const guarded = [...keys.sourceRecords.map((key) => `${this.base}idx:record:${key}`), ...(keys.taxIdToken === null ? [] : [`${this.base}idx:tax:${keys.taxIdToken}`])];
    const other = [...(keys.dunsNumber === null ? [] : [`${this.base}idx:duns:${keys.dunsNumber}`]), ...keys.nameAndAddress.map((key) => `${this.base}idx:name:${key}`)];
    return { guarded, other };
  }

  async findCandidates(keys: SupplierKeys): Promise<StoredSupplier[]> {
    const { guarded, other } = this.indexKeys(keys);
    const ids = await this.redis.sunion(...guarded, ...other);
    const found = await Promise.all(ids.sort().map((id) => this.load(id)));
    return found.filter((stored): stored is StoredSupplier => stored !== null);
  }

  async load(supplierId: string): Promise<StoredSupplier | null> {
    const [text, version] = await this.redis.mget(`${this.base}supplier:${supplierId}`, `${this.base}version:${supplierId}`);
    if (text === null || text === undefined) return null;
    return { master: masterFromJson(text), version: Number(version ?? '0') };
  }

  async save(master: SupplierMaster, expectedVersion: number): Promise<void> {
    const { guarded, other } = this.indexKeys(masterKeys(master));
    const id = master.supplierId;
    const result = await this.saveScript(
      [`${this.base}supplier:${id}`, `${this.base}version:${id}`, `${this.base}indexed:${id}`, `${this.base}suppliers`],
      [String(expectedVersion), masterToJson(master), id, String(guarded.length), ...guarded, ...other],
    );
    if (typeof result === 'number' && result < 0) throw new SupplierWriteConflict(id);
  }

  async clear(): Promise<number> {
    let cursor = '0';
    let cleared = 0;
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', `${this.base.replace(/[*?[\]\\]/g, '\\$&')}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) cleared += await this.redis.del(...keys);
    } while (cursor !== '0');
    return cleared;
  }
}
