import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { StackError } from './errors.ts';

export interface Jdk {
  readonly java: string;
  readonly major: number;
}

/** Reads the major version from `java -version` output ("17.0.15", "1.8.0_402", "25.0.3"). */
export function parseJavaMajor(output: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?[^"]*"/.exec(output);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] !== undefined ? Number(match[2]) : first;
}

/** Picks the oldest JDK that is new enough: the most conservative runtime that works. */
export function pickJdk(jdks: readonly Jdk[], minMajor: number): Jdk | undefined {
  return [...jdks].filter((jdk) => jdk.major >= minMajor).sort((a, b) => a.major - b.major)[0];
}

function probe(java: string): Jdk | undefined {
  const result = spawnSync(java, ['-version'], { encoding: 'utf8', timeout: 15_000 });
  if (result.error || result.status !== 0) return undefined;
  const major = parseJavaMajor(`${result.stderr}\n${result.stdout}`);
  return major === undefined ? undefined : { java, major };
}

/** Every JDK this machine offers: JAVA_HOME, `java` on the PATH, and /usr/lib/jvm. */
export function findJdks(env: Readonly<Record<string, string | undefined>>): Jdk[] {
  const candidates = new Set<string>();
  if (env['JAVA_HOME']) candidates.add(join(env['JAVA_HOME'], 'bin', 'java'));
  candidates.add('java');
  const jvmRoot = '/usr/lib/jvm';
  if (existsSync(jvmRoot)) {
    for (const entry of readdirSync(jvmRoot)) {
      const java = join(jvmRoot, entry, 'bin', 'java');
      if (existsSync(java)) candidates.add(java);
    }
  }
  return [...candidates].map(probe).filter((jdk): jdk is Jdk => jdk !== undefined);
}

export function requireJdk(jdks: readonly Jdk[], minMajor: number, forWhat: string): Jdk {
  const jdk = pickJdk(jdks, minMajor);
  if (jdk) return jdk;
  const found = jdks.length === 0 ? 'no Java at all' : `only Java ${jdks.map((j) => j.major).join(', ')}`;
  throw new StackError(
    `${forWhat} needs Java ${minMajor} or newer, and this machine has ${found}`,
    `install a JDK ${minMajor}+ (e.g. apt-get install openjdk-${minMajor}-jdk-headless) or point JAVA_HOME at one`,
  );
}
