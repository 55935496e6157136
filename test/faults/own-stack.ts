import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseStackConfig, type StackConfig } from '../../tools/stack/config.ts';
import { kafkaComponent } from '../../tools/stack/kafka.ts';
import { redisComponent } from '../../tools/stack/redis.ts';
import { registryComponent } from '../../tools/stack/registry.ts';

/**
 * The fault suite's own stack (tools/scripts/test-faults.sh starts it under its own
 * PROCURELINK_STACK_HOME and ports): single components stopped and started through the stack's
 * own component functions, which only ever signal the processes of this stack home (PID file +
 * command-line marker). Refuses to touch a stack on the shared default ports.
 */
const SHARED_DEFAULTS = { kafka: 9092, registry: 8081, redis: 6379 } as const;

export class OwnStack {
  private constructor(readonly config: StackConfig) {}

  static fromEnvironment(env: NodeJS.ProcessEnv = process.env): OwnStack {
    const config = parseStackConfig(env, resolve(__dirname, '../..'));
    const shared = config.kafka.port === SHARED_DEFAULTS.kafka || config.registry.port === SHARED_DEFAULTS.registry || config.redis.port === SHARED_DEFAULTS.redis;
    if (shared || config.home === resolve(config.repoRoot, '.stack')) {
      throw new Error('the fault suite runs on its own stack only: run it with `npm run test:faults` (own PROCURELINK_STACK_HOME and ports)');
    }
    return new OwnStack(config);
  }

  async restartKafka(): Promise<string> {
    const kafka = kafkaComponent(this.config);
    return `${await kafka.down()}; ${await kafka.up()}`;
  }

  stopRegistry(): Promise<string> {
    return registryComponent(this.config).down();
  }

  startRegistry(): Promise<string> {
    return registryComponent(this.config).up();
  }

  /** SIGKILL to this stack's redis-server, then its append-only files and snapshot deleted: every key is gone. */
  crashRedisLosingKeys(): string {
    const dir = join(this.config.home, 'redis');
    const pidFile = join(dir, 'redis.pid');
    const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').trim()) : NaN;
    const cmdline = Number.isInteger(pid) && existsSync(`/proc/${pid}/cmdline`) ? readFileSync(`/proc/${pid}/cmdline`, 'utf8') : '';
    if (!cmdline.includes(join(dir, 'redis.conf'))) throw new Error(`no redis-server of this stack is running (pid file ${pidFile})`);
    process.kill(pid, 'SIGKILL');
    rmSync(join(dir, 'appendonlydir'), { recursive: true, force: true });
    rmSync(join(dir, 'dump.rdb'), { force: true });
    return `redis-server ${pid} killed, its append-only files deleted`;
  }

  async startRedis(): Promise<string> {
    // The PID file of the killed server is stale; up() sees that and starts a fresh, empty one.
    for (let i = 0; i < 50 && existsSync('/proc/' + this.redisPid()); i += 1) await new Promise((r) => setTimeout(r, 100));
    return redisComponent(this.config).up();
  }

  private redisPid(): string {
    const pidFile = join(this.config.home, 'redis', 'redis.pid');
    return existsSync(pidFile) ? readFileSync(pidFile, 'utf8').trim() : 'none';
  }
}
