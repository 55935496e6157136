import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seconds, type Component, type ComponentStatus } from './component.ts';
import type { StackConfig } from './config.ts';
import { StackError } from './errors.ts';
import { isPortOpen, waitUntil } from './net.ts';
import { which } from './which.ts';

/** The Debian cluster `pg_ctlcluster` manages: the newest version under /etc/postgresql, cluster "main". */
function debianCluster(): { version: string; name: string } | undefined {
  const root = '/etc/postgresql';
  if (!existsSync(root) || !which('pg_ctlcluster')) return undefined;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'main')));
  const version = versions.sort((a, b) => Number(b) - Number(a))[0];
  return version === undefined ? undefined : { version, name: 'main' };
}

function pgCtl(action: 'start' | 'stop', cluster: { version: string; name: string }): void {
  const result = spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', cluster.version, cluster.name, action], {
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new StackError(`pg_ctlcluster ${cluster.version} ${cluster.name} ${action} failed: ${result.stderr.trim()}`);
  }
}

/**
 * PostgreSQL: the server already listening is used as it is; otherwise the machine's Debian
 * cluster is started, and only then does `down` stop it again.
 */
export function postgresComponent(config: StackConfig): Component {
  const marker = join(config.home, 'postgres', 'started-by-stack');
  const address = `${config.host}:${config.postgres.port}`;

  return {
    name: 'postgres',
    async status(): Promise<ComponentStatus> {
      const open = await isPortOpen(config.host, config.postgres.port);
      if (!open) return { name: 'postgres', state: 'stopped', address };
      return { name: 'postgres', state: existsSync(marker) ? 'running' : 'external', address };
    },
    async up(): Promise<string> {
      if (await isPortOpen(config.host, config.postgres.port)) {
        return existsSync(marker) ? `postgres already running on ${address} (started by the stack)` : `postgres: using the server already listening on ${address}`;
      }
      const cluster = debianCluster();
      if (!cluster) {
        throw new StackError(
          `nothing listens on ${address} and no PostgreSQL cluster is installed to start`,
          'install it (apt-get install postgresql) or set PROCURELINK_POSTGRES_PORT to a running server',
        );
      }
      pgCtl('start', cluster);
      mkdirSync(join(config.home, 'postgres'), { recursive: true });
      writeFileSync(marker, `${cluster.version} ${cluster.name}\n`);
      const took = await waitUntil(() => isPortOpen(config.host, config.postgres.port), {
        timeoutMs: config.timeoutMs,
        what: `PostgreSQL on ${address}`,
        hint: `the cluster ${cluster.version}/${cluster.name} may listen on another port; set PROCURELINK_POSTGRES_PORT`,
      });
      return `postgres cluster ${cluster.version}/${cluster.name} started on ${address} in ${seconds(took)}`;
    },
    async down(): Promise<string> {
      if (!existsSync(marker)) return 'postgres: not started by the stack, left alone';
      const cluster = debianCluster();
      if (cluster) pgCtl('stop', cluster);
      rmSync(marker, { force: true });
      return 'postgres stopped';
    },
  };
}
