import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StackConfig } from './config.ts';
import { StackError } from './errors.ts';
import { tail } from './processes.ts';

/**
 * Fetches the stack's Java artefacts from Maven Central with Maven, so its local repository
 * (~/.m2) is the download cache; extracted results live in the shared cache directory.
 */
export function requireMaven(): void {
  const result = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new StackError('Maven (mvn) is not installed or does not run', 'install it, e.g. apt-get install maven');
  }
}

function mvn(config: StackConfig, args: readonly string[], what: string, variable: string): void {
  const logFile = join(config.home, 'logs', 'maven.log');
  mkdirSync(join(config.home, 'logs'), { recursive: true });
  const log = openSync(logFile, 'a');
  try {
    const result = spawnSync('mvn', ['-B', '-ntp', '-f', join(config.repoRoot, 'tools/stack/pom.xml'), ...args], {
      stdio: ['ignore', log, log],
    });
    if (result.error || result.status !== 0) {
      const firstError = tail(logFile, 40)
        .split('\n')
        .find((line) => line.startsWith('[ERROR]'))
        ?.replace(/^\[ERROR\]\s*/, '')
        .replace(/ -> \[Help 1\]$/, '');
      throw new StackError(
        `could not fetch ${what} from Maven Central: ${firstError ?? `see ${logFile}`}`,
        `check access to Maven Central, or set ${variable} to a version that exists there`,
      );
    }
  } finally {
    closeSync(log);
  }
}

/** The broker's classpath: Kafka, its tools and a log4j2 binding, resolved once per version. */
export function kafkaClasspath(config: StackConfig): string {
  const file = join(config.cacheDir, `kafka-${config.kafka.version}.classpath`);
  if (existsSync(file)) {
    const cached = readFileSync(file, 'utf8').trim();
    if (cached !== '' && cached.split(':').every((jar) => existsSync(jar))) return cached;
  }
  mkdirSync(config.cacheDir, { recursive: true });
  console.log(`  fetching Apache Kafka ${config.kafka.version} from Maven Central (once per version)…`);
  mvn(
    config,
    ['dependency:build-classpath', `-Dkafka.version=${config.kafka.version}`, `-Dmdep.outputFile=${file}`],
    `Apache Kafka ${config.kafka.version}`,
    'PROCURELINK_KAFKA_VERSION',
  );
  return readFileSync(file, 'utf8').trim();
}

/** The unpacked Apicurio Registry distribution (quarkus-run.jar and its lib/). */
export function registryDistribution(config: StackConfig): string {
  const { version } = config.registry;
  const dir = join(config.cacheDir, `apicurio-registry-${version}`);
  if (existsSync(join(dir, '.complete'))) return dir;
  const downloads = join(config.cacheDir, 'downloads');
  mkdirSync(downloads, { recursive: true });
  console.log(`  fetching Apicurio Registry ${version} from Maven Central (once per version)…`);
  mvn(
    config,
    [
      'dependency:copy',
      `-Dartifact=io.apicurio:apicurio-registry-app:${version}:tar.gz:all`,
      `-DoutputDirectory=${downloads}`,
    ],
    `Apicurio Registry ${version}`,
    'PROCURELINK_REGISTRY_VERSION',
  );
  const archive = join(downloads, `apicurio-registry-app-${version}-all.tar.gz`);
  const staging = `${dir}.partial`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const untar = spawnSync('tar', ['-xzf', archive, '-C', staging], { encoding: 'utf8' });
  if (untar.status !== 0 || !existsSync(join(staging, 'quarkus-run.jar'))) {
    rmSync(staging, { recursive: true, force: true });
    throw new StackError(`could not unpack ${archive}: ${untar.stderr || 'no quarkus-run.jar inside'}`, `delete ${archive} and retry`);
  }
  writeFileSync(join(staging, '.complete'), `${new Date().toISOString()}\n`);
  rmSync(dir, { recursive: true, force: true });
  renameSync(staging, dir);
  return dir;
}
