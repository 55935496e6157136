import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Kafka } from 'kafkajs';

/**
 * A topic / key prefix no other test run shares: `t<time><random>.<label>.`. Every topic, consumer
 * group and Redis key of the test hangs off it, so that the clean-up can find them all.
 */
export function uniquePrefix(label: string): string {
  return `t${Date.now()}${randomUUID().slice(0, 6)}.${label}.`;
}

/** Every Redis key matching the glob pattern (SCAN, never KEYS). */
export async function scanRedisKeys(redis: Redis, pattern: string): Promise<string[]> {
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    found.push(...keys);
  } while (cursor !== '0');
  return found;
}

/** Deletes every key matching any of the patterns, on the given client or a connection of its own to the URL. */
export async function deleteRedisKeys(redis: Redis | string, patterns: readonly string[]): Promise<void> {
  const client = typeof redis === 'string' ? new Redis(redis) : redis;
  try {
    for (const pattern of patterns) {
      const keys = await scanRedisKeys(client, pattern);
      if (keys.length > 0) await client.del(...keys);
    }
  } finally {
    if (typeof redis === 'string') await client.quit();
  }
}

/** Deletes every topic whose name starts with the prefix (best effort: a topic being created may stay). */
export async function deletePrefixedTopics(kafka: Kafka, prefix: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const mine = (await admin.listTopics()).filter((topic) => topic.startsWith(prefix));
    if (mine.length > 0) await admin.deleteTopics({ topics: mine }).catch(() => undefined);
  } finally {
    await admin.disconnect();
  }
}
