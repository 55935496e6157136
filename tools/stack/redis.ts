import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rssMiB, seconds, type Component, type ComponentStatus } from './component.ts';
import type { StackConfig } from './config.ts';
import { StackError } from './errors.ts';
import { isPortOpen, requireFreePort, waitUntil } from './net.ts';
import { assertAlive, runningPid, startDetached, stopProcess, type ManagedProcess } from './processes.ts';
import { which } from './which.ts';

/**
 * Redis: the one already listening is used as it is; otherwise the stack starts its own,
 * with append-only persistence (idempotency keys must survive a restart) under the stack home.
 */
export function redisComponent(config: StackConfig): Component {
  const dir = join(config.home, 'redis');
  const confFile = join(dir, 'redis.conf');
  // Redis rewrites its process title; the template keeps the config path, our marker, in it.
  const proc: ManagedProcess = { pidFile: join(dir, 'redis.pid'), logFile: join(config.home, 'logs', 'redis.log'), marker: confFile };
  const address = `${config.host}:${config.redis.port}`;

  return {
    name: 'redis',
    logFile: proc.logFile,
    async status(): Promise<ComponentStatus> {
      const pid = runningPid(proc);
      if (pid !== undefined) return { name: 'redis', state: 'running', address, pid, rssMiB: rssMiB(pid) };
      return { name: 'redis', state: (await isPortOpen(config.host, config.redis.port)) ? 'external' : 'stopped', address };
    },
    async up(): Promise<string> {
      if (runningPid(proc) !== undefined) return `redis already running on ${address} (started by the stack)`;
      if (await isPortOpen(config.host, config.redis.port)) return `redis: using the server already listening on ${address}`;
      const server = which('redis-server');
      if (!server) {
        throw new StackError(
          `nothing listens on ${address} and redis-server is not installed`,
          'install it (apt-get install redis-server) or set PROCURELINK_REDIS_PORT to a running Redis',
        );
      }
      await requireFreePort(config.host, config.redis.port, 'PROCURELINK_REDIS_PORT', 'Redis');
      mkdirSync(dir, { recursive: true });
      writeFileSync(
        confFile,
        [
          `bind ${config.host}`,
          `port ${config.redis.port}`,
          `dir ${dir}`,
          'appendonly yes',
          'appendfsync everysec',
          'daemonize no',
          'proc-title-template "{title} {listen-addr} {server-mode} {config-file}"',
          '',
        ].join('\n'),
      );
      startDetached(proc, server, [confFile], { cwd: dir });
      const took = await waitUntil(() => isPortOpen(config.host, config.redis.port), {
        timeoutMs: config.timeoutMs,
        what: `Redis on ${address}`,
        hint: `see ${proc.logFile}`,
        stillAlive: () => assertAlive(proc, 'Redis', `see ${proc.logFile}`),
      });
      return `redis started on ${address} in ${seconds(took)} (append-only file in ${dir})`;
    },
    async down(): Promise<string> {
      const how = await stopProcess(proc, 10_000);
      return how === 'not-running' ? 'redis: not started by the stack, left alone' : `redis ${how}`;
    },
  };
}
