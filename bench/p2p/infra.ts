import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { Redis } from 'ioredis';
import type { Kafka } from 'kafkajs';

/** Where the local stack is (the same defaults as `npm run stack -- env`), and small helpers around it. */
export const root = resolve(import.meta.dirname, '../..');

export interface Endpoints {
  readonly brokers: string[];
  readonly registryUrl: string;
  readonly redisUrl: string;
}

export function endpoints(env: NodeJS.ProcessEnv = process.env): Endpoints {
  return {
    brokers: (env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(','),
    registryUrl: env['SCHEMA_REGISTRY_URL'] ?? 'http://127.0.0.1:8081/apis/ccompat/v7',
    redisUrl: env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
  };
}

export async function createTopics(kafka: Kafka, topics: readonly string[], partitions = 3): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t));
    if (missing.length > 0) await admin.createTopics({ topics: missing.map((topic) => ({ topic, numPartitions: partitions })), waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
}

/** Deletes every topic whose name starts with `prefix` (the benchmark leaves nothing behind). */
export async function deleteTopics(kafka: Kafka, prefix: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
    if (topics.length > 0) await admin.deleteTopics({ topics, timeout: 30_000 });
  } catch {
    // best effort: a topic left behind is harmless, a failed clean-up must not hide the figures
  } finally {
    await admin.disconnect();
  }
}

/** Deletes the Redis keys matching `pattern` (SCAN + UNLINK). */
export async function deleteRedisKeys(redisUrl: string, pattern: string): Promise<number> {
  const redis = new Redis(redisUrl, { lazyConnect: true });
  await redis.connect();
  let cursor = '0';
  let deleted = 0;
  try {
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 10_000);
      if (keys.length > 0) deleted += await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}

export interface Child {
  readonly process: ChildProcess;
  readonly pid: number;
  output(): string;
  /** Resolves when the output matches `pattern`; rejects when the process exits first or the time runs out. */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray>;
  stop(): Promise<void>;
}

/** Starts `node <script>` with the given environment, keeping the tail of its output. */
export function startNode(script: string, env: Record<string, string>, nodeArgs: readonly string[] = []): Child {
  const child = spawn(process.execPath, [...nodeArgs, script], {
    cwd: root,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', NODE_OPTIONS: process.env['NODE_OPTIONS'] ?? '', KAFKAJS_NO_PARTITIONER_WARNING: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  const keep = (chunk: Buffer) => (printed = (printed + chunk.toString()).slice(-20_000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const running = () => child.exitCode === null && child.signalCode === null;
  return {
    process: child,
    pid: child.pid as number,
    output: () => printed,
    async waitFor(pattern, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const match = pattern.exec(printed);
        if (match) return match;
        if (!running()) throw new Error(`${script} exited (${child.exitCode ?? child.signalCode}) before printing ${pattern}:\n${printed.slice(-3000)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`${script} did not print ${pattern} within ${timeoutMs} ms:\n${printed.slice(-3000)}`);
    },
    async stop() {
      if (!running()) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killer);
    },
  };
}
