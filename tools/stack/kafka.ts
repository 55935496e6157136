import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rssMiB, seconds, type Component, type ComponentStatus } from './component.ts';
import { LOCAL_SCRAM_USER, type StackConfig } from './config.ts';
import { kafkaClasspath } from './downloads.ts';
import { StackError } from './errors.ts';
import { findJdks, requireJdk } from './java.ts';
import { renderKafkaProperties } from './kafka-properties.ts';
import { isPortOpen, requireFreePort, waitUntil } from './net.ts';
import { assertAlive, runningPid, startDetached, stopProcess, tail, type ManagedProcess } from './processes.ts';

/** A KRaft cluster id: 16 random bytes, base64url without padding (what `random-uuid` prints). */
export function newClusterId(): string {
  return randomBytes(16).toString('base64url');
}

export function kafkaComponent(config: StackConfig): Component {
  const dir = join(config.home, 'kafka');
  const dataDir = join(dir, 'data');
  const propertiesFile = join(dir, 'server.properties');
  const proc: ManagedProcess = {
    pidFile: join(dir, 'kafka.pid'),
    logFile: join(config.home, 'logs', 'kafka.log'),
    marker: `-Dprocurelink.stack=${config.home}`,
  };
  const address = `${config.host}:${config.kafka.port}`;

  function format(java: string, classpath: string): void {
    if (existsSync(join(dataDir, 'meta.properties'))) return;
    const result = spawnSync(
      java,
      ['-cp', classpath, 'kafka.tools.StorageTool', 'format', '-t', newClusterId(), '-c', propertiesFile],
      { encoding: 'utf8' },
    );
    if (result.status !== 0) {
      throw new StackError(`formatting Kafka storage in ${dataDir} failed: ${result.stderr || result.stdout}`);
    }
  }

  /**
   * Creates (or re-sets: idempotent) the development SCRAM user through the PLAINTEXT listener.
   * In KRaft, SCRAM credentials live in the metadata log, so this works on a freshly formatted
   * data directory and on one formatted before the SASL listener existed.
   */
  function ensureScramUser(java: string, classpath: string): void {
    const { username, password, mechanism } = LOCAL_SCRAM_USER;
    const result = spawnSync(
      java,
      ['-Xmx128m', '-cp', classpath, 'kafka.admin.ConfigCommand', '--bootstrap-server', address, '--alter', '--entity-type', 'users', '--entity-name', username, '--add-config', `${mechanism}=[iterations=8192,password=${password}]`],
      { encoding: 'utf8', timeout: 60_000 },
    );
    if (result.status !== 0) {
      throw new StackError(`creating the SCRAM user ${username} on ${address} failed: ${(result.stderr || result.stdout || String(result.error ?? '')).trim().split('\n').slice(-3).join(' ')}`);
    }
  }

  return {
    name: 'kafka',
    logFile: proc.logFile,
    async status(): Promise<ComponentStatus> {
      const pid = runningPid(proc);
      if (pid !== undefined) return { name: 'kafka', state: 'running', address, pid, rssMiB: rssMiB(pid) };
      return { name: 'kafka', state: (await isPortOpen(config.host, config.kafka.port)) ? 'external' : 'stopped', address };
    },
    async up(): Promise<string> {
      if (runningPid(proc) !== undefined) return `kafka already running on ${address}`;
      await requireFreePort(config.host, config.kafka.port, 'PROCURELINK_KAFKA_PORT', 'Kafka');
      await requireFreePort(config.host, config.kafka.controllerPort, 'PROCURELINK_KAFKA_CONTROLLER_PORT', 'the Kafka controller');
      await requireFreePort(config.host, config.kafka.saslPort, 'PROCURELINK_KAFKA_SASL_PORT', 'the Kafka SASL listener');
      const jdk = requireJdk(findJdks(process.env), 17, `Apache Kafka ${config.kafka.version}`);
      const classpath = kafkaClasspath(config);
      mkdirSync(dataDir, { recursive: true });
      writeFileSync(propertiesFile, renderKafkaProperties(config, dataDir));
      format(jdk.java, classpath);
      const logStart = existsSync(proc.logFile) ? statSync(proc.logFile).size : 0;
      const args = [
        `-Xms256m`,
        `-Xmx${config.kafka.heap}`,
        '-XX:+UseG1GC',
        '-XX:MaxGCPauseMillis=20',
        '-Djava.awt.headless=true',
        proc.marker,
        `-Dlog4j2.configurationFile=${join(config.repoRoot, 'tools/stack/kafka-log4j2.yaml')}`,
        '-cp',
        classpath,
        'kafka.Kafka',
        propertiesFile,
      ];
      startDetached(proc, jdk.java, args, { cwd: dir });
      const started = (): boolean => readFileSync(proc.logFile, 'utf8').slice(logStart).includes('Kafka Server started');
      const took = await waitUntil(async () => started() && (await isPortOpen(config.host, config.kafka.port)), {
        timeoutMs: config.timeoutMs,
        what: `Kafka on ${address}`,
        hint: `see ${proc.logFile}; raise PROCURELINK_STACK_TIMEOUT_SECONDS on a slow machine`,
        stillAlive: () => assertAlive(proc, 'Kafka', `see ${proc.logFile}`),
      });
      ensureScramUser(jdk.java, classpath);
      const pid = runningPid(proc);
      const sasl = `SASL/SCRAM-SHA-512 on ${config.host}:${config.kafka.saslPort} (user ${LOCAL_SCRAM_USER.username})`;
      return `kafka ${config.kafka.version} (KRaft, Java ${jdk.major}) ready on ${address}, ${sasl}, in ${seconds(took)}, ${rssMiB(pid) ?? '?'} MiB`;
    },
    async down(): Promise<string> {
      const how = await stopProcess(proc, 30_000);
      if (how === 'killed') return `kafka did not stop within 30 s and was killed; last log lines:\n${tail(proc.logFile, 5)}`;
      return how === 'stopped' ? 'kafka stopped' : 'kafka was not running';
    },
  };
}
