import type { Redis } from 'ioredis';
import type { SupplierHoldStore } from '../ports';
import type { SupplierHoldState } from '../projection';
import type { PaymentStatusKeys } from './redis-keys';
import { supplierHoldFromJson, toStoredJson } from './stored-json';

export class RedisSupplierHoldStore implements SupplierHoldStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: PaymentStatusKeys,
  ) {}

  async load(supplierId: string): Promise<SupplierHoldState | null> {
    const text = await this.redis.get(this.keys.supplierHold(supplierId));
    return text === null ? null : supplierHoldFromJson(text);
  }

  async save(state: SupplierHoldState): Promise<void> {
    await this.redis.set(this.keys.supplierHold(state.supplierId), toStoredJson(state));
  }
}
