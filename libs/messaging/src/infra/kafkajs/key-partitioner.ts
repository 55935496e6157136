import { randomInt } from 'node:crypto';
import type { ICustomPartitioner, PartitionerArgs } from 'kafkajs';

const SEED = 0x9747b28c;
const M = 0x5bd1e995;

/** The key's UTF-8 bytes: an all-ASCII string is read as it is (its characters are its bytes). */
function utf8Of(key: Buffer | string): Buffer | string {
  if (typeof key !== 'string') return key;
  for (let i = 0; i < key.length; i += 1) if (key.charCodeAt(i) > 0x7f) return Buffer.from(key, 'utf8');
  return key;
}

const byteAt = (data: Buffer | string, i: number): number => (typeof data === 'string' ? data.charCodeAt(i) : (data[i] as number));

/**
 * Kafka's murmur2 (the Java client's `Utils.murmur2`) in 32-bit integer arithmetic: the hash the
 * Java producer and kafkajs's DefaultPartitioner place keyed records by, without kafkajs's
 * 64-bit Long objects (five allocations per 4 bytes of key).
 */
export function murmur2(key: Buffer | string): number {
  const data = utf8Of(key);
  const length = data.length;
  let h = (SEED ^ length) | 0;
  const whole = length & ~3;
  for (let i = 0; i < whole; i += 4) {
    let k = byteAt(data, i) | (byteAt(data, i + 1) << 8) | (byteAt(data, i + 2) << 16) | (byteAt(data, i + 3) << 24);
    k = Math.imul(k, M);
    k ^= k >>> 24;
    k = Math.imul(k, M);
    h = Math.imul(h, M) ^ k;
  }
  const tail = length & 3;
  if (tail === 3) h ^= byteAt(data, whole + 2) << 16;
  if (tail >= 2) h ^= byteAt(data, whole + 1) << 8;
  if (tail >= 1) h = Math.imul(h ^ byteAt(data, whole), M);
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h;
}

const toPositive = (x: number): number => x & 0x7fffffff;

/**
 * kafkajs's DefaultPartitioner, decision for decision: an explicit partition wins; a keyed record
 * goes to murmur2(key) mod the topic's partition count (so records of one key keep their partition
 * and their order, and land where the Java producer would put them); a record without a key goes
 * round-robin over the partitions that have a leader.
 */
export const keyPartitioner: ICustomPartitioner = () => {
  const counters = new Map<string, number>();
  return ({ topic, partitionMetadata, message }: PartitionerArgs): number => {
    if (message.partition !== null && message.partition !== undefined) return message.partition;
    if (message.key !== null && message.key !== undefined) return toPositive(murmur2(message.key)) % partitionMetadata.length;
    const next = (counters.get(topic) ?? randomInt(0x7fffffff)) + 1;
    counters.set(topic, next);
    const available = partitionMetadata.filter((p) => p.leader >= 0);
    if (available.length > 0) return (available[toPositive(next) % available.length] as { partitionId: number }).partitionId;
    return toPositive(next) % partitionMetadata.length;
  };
};
