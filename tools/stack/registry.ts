import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { rssMiB, seconds, type Component, type ComponentStatus } from './component.ts';
import type { StackConfig } from './config.ts';
import { registryDistribution } from './downloads.ts';
import { StackError } from './errors.ts';
import { findJdks, requireJdk } from './java.ts';
import { isPortOpen, requireFreePort, waitUntil } from './net.ts';
import { assertAlive, runningPid, startDetached, stopProcess, type ManagedProcess } from './processes.ts';
import { registryJavaMajor } from './registry-java.ts';

async function httpOk(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    return response.ok;
  } catch {
    return false;
  }
}

/** Sets the registry-wide compatibility rule through the Confluent-compatible API, then reads it back. */
export async function setGlobalCompatibility(ccompatUrl: string, level: string): Promise<void> {
  const response = await fetch(`${ccompatUrl}/config`, {
    method: 'PUT',
    headers: { 'content-type': 'application/vnd.schemaregistry.v1+json' },
    body: JSON.stringify({ compatibility: level }),
    signal: AbortSignal.timeout(5000),
  });
  if (!response.ok) {
    throw new StackError(`the registry refused the ${level} compatibility rule: HTTP ${response.status} ${await response.text()}`);
  }
  const check = (await (await fetch(`${ccompatUrl}/config`)).json()) as { compatibilityLevel?: string };
  if (check.compatibilityLevel !== level) {
    throw new StackError(`the registry reports compatibility ${String(check.compatibilityLevel)} after setting ${level}`);
  }
}

export function registryComponent(config: StackConfig): Component {
  const dir = join(config.home, 'registry');
  const proc: ManagedProcess = {
    pidFile: join(dir, 'registry.pid'),
    logFile: join(config.home, 'logs', 'registry.log'),
    marker: `-Dprocurelink.stack=${config.home}`,
  };
  const base = `http://${config.host}:${config.registry.port}`;
  const ccompat = `${base}/apis/ccompat/v7`;

  return {
    name: 'registry',
    logFile: proc.logFile,
    async status(): Promise<ComponentStatus> {
      const pid = runningPid(proc);
      if (pid !== undefined) return { name: 'registry', state: 'running', address: ccompat, pid, rssMiB: rssMiB(pid) };
      const open = await isPortOpen(config.host, config.registry.port);
      return { name: 'registry', state: open ? 'external' : 'stopped', address: ccompat };
    },
    async up(): Promise<string> {
      if (runningPid(proc) !== undefined) {
        await setGlobalCompatibility(ccompat, config.registry.compatibility);
        return `registry already running on ${ccompat}`;
      }
      await requireFreePort(config.host, config.registry.port, 'PROCURELINK_REGISTRY_PORT', 'the schema registry');
      await requireFreePort(
        config.host,
        config.registry.managementPort,
        'PROCURELINK_REGISTRY_MANAGEMENT_PORT',
        "the schema registry's management interface",
      );
      const needs = registryJavaMajor(config.registry.version);
      const jdk = requireJdk(findJdks(process.env), needs, `Apicurio Registry ${config.registry.version}`);
      const dist = registryDistribution(config);
      mkdirSync(join(dir, 'db'), { recursive: true });
      const args = [
        `-Xmx${config.registry.heap}`,
        proc.marker,
        `-Dquarkus.http.host=${config.host}`,
        `-Dquarkus.http.port=${config.registry.port}`,
        `-Dquarkus.management.host=${config.host}`,
        `-Dquarkus.management.port=${config.registry.managementPort}`,
        '-Dapicurio.storage.kind=sql',
        '-Dapicurio.storage.sql.kind=h2',
        `-Dapicurio.datasource.url=jdbc:h2:file:${join(dir, 'db', 'registry')};DB_CLOSE_ON_EXIT=FALSE`,
        '-Dquarkus.log.console.json=false',
        '-jar',
        join(dist, 'quarkus-run.jar'),
      ];
      startDetached(proc, jdk.java, args, { cwd: dir });
      const took = await waitUntil(() => httpOk(`${ccompat}/subjects`), {
        timeoutMs: config.timeoutMs,
        what: `the schema registry on ${base}`,
        hint: `see ${proc.logFile}; raise PROCURELINK_STACK_TIMEOUT_SECONDS on a slow machine`,
        stillAlive: () => assertAlive(proc, 'the schema registry', `see ${proc.logFile}`),
      });
      await setGlobalCompatibility(ccompat, config.registry.compatibility);
      const pid = runningPid(proc);
      return (
        `registry Apicurio ${config.registry.version} (Java ${jdk.major}) ready on ${ccompat} in ${seconds(took)}, ` +
        `${rssMiB(pid) ?? '?'} MiB, global compatibility ${config.registry.compatibility}`
      );
    },
    async down(): Promise<string> {
      const how = await stopProcess(proc, 20_000);
      if (how === 'killed') return 'registry did not stop within 20 s and was killed';
      return how === 'stopped' ? 'registry stopped' : 'registry was not running';
    },
  };
}
