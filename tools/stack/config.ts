import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { StackError } from './errors.ts';

/** Everything the local stack needs to know, parsed once from the environment. */
export interface StackConfig {
  readonly repoRoot: string;
  /** State, logs and PID files of this checkout's stack (git-ignored). */
  readonly home: string;
  /** Downloads shared by every checkout on the machine (extracted archives, classpaths). */
  readonly cacheDir: string;
  readonly host: '127.0.0.1';
  readonly timeoutMs: number;
  readonly kafka: {
    readonly version: string;
    readonly port: number;
    readonly controllerPort: number;
    /** The SASL_PLAINTEXT (SCRAM-SHA-512) listener, for testing authenticated clients locally. */
    readonly saslPort: number;
    readonly heap: string;
    readonly partitions: number;
  };
  readonly registry: {
    readonly version: string;
    readonly port: number;
    readonly managementPort: number;
    readonly heap: string;
    readonly compatibility: string;
  };
  readonly redis: { readonly port: number };
  readonly postgres: { readonly port: number };
}

type Env = Readonly<Record<string, string | undefined>>;

const COMPATIBILITY_LEVELS = [
  'BACKWARD',
  'BACKWARD_TRANSITIVE',
  'FORWARD',
  'FORWARD_TRANSITIVE',
  'FULL',
  'FULL_TRANSITIVE',
  'NONE',
];

function text(env: Env, name: string, fallback: string): string {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? fallback : value;
}

function port(env: Env, name: string, fallback: number): number {
  const raw = text(env, name, String(fallback));
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    throw new StackError(`${name}=${raw} is not a TCP port`, 'use a whole number from 1 to 65535');
  }
  return value;
}

function positiveInt(env: Env, name: string, fallback: number): number {
  const raw = text(env, name, String(fallback));
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new StackError(`${name}=${raw} is not a positive whole number`);
  }
  return value;
}

function version(env: Env, name: string, fallback: string): string {
  const value = text(env, name, fallback);
  if (!/^\d+\.\d+\.\d+([.-][\w.]+)?$/.test(value)) {
    throw new StackError(`${name}=${value} is not a version`, 'use a release number such as 4.1.2');
  }
  return value;
}

function heap(env: Env, name: string, fallback: string): string {
  const value = text(env, name, fallback);
  if (!/^\d+[kmg]$/i.test(value)) {
    throw new StackError(`${name}=${value} is not a JVM heap size`, 'use a size such as 512m or 1g');
  }
  return value;
}

/** Parses and validates the stack's settings; every setting has a default and a PROCURELINK_ variable. */
export function parseStackConfig(env: Env, repoRoot: string): StackConfig {
  const compatibility = text(env, 'PROCURELINK_REGISTRY_COMPATIBILITY', 'BACKWARD').toUpperCase();
  if (!COMPATIBILITY_LEVELS.includes(compatibility)) {
    throw new StackError(
      `PROCURELINK_REGISTRY_COMPATIBILITY=${compatibility} is not a compatibility level`,
      `use one of ${COMPATIBILITY_LEVELS.join(', ')}`,
    );
  }
  const cacheHome = text(env, 'XDG_CACHE_HOME', join(env['HOME'] ?? homedir(), '.cache'));
  const config: StackConfig = {
    repoRoot,
    home: resolve(repoRoot, text(env, 'PROCURELINK_STACK_HOME', '.stack')),
    cacheDir: resolve(text(env, 'PROCURELINK_CACHE_DIR', join(cacheHome, 'procurelink'))),
    host: '127.0.0.1',
    timeoutMs: positiveInt(env, 'PROCURELINK_STACK_TIMEOUT_SECONDS', 180) * 1000,
    kafka: {
      version: version(env, 'PROCURELINK_KAFKA_VERSION', '4.1.2'),
      port: port(env, 'PROCURELINK_KAFKA_PORT', 9092),
      controllerPort: port(env, 'PROCURELINK_KAFKA_CONTROLLER_PORT', 9093),
      saslPort: port(env, 'PROCURELINK_KAFKA_SASL_PORT', 9094),
      heap: heap(env, 'PROCURELINK_KAFKA_HEAP', '768m'),
      partitions: positiveInt(env, 'PROCURELINK_KAFKA_PARTITIONS', 3),
    },
    registry: {
      version: version(env, 'PROCURELINK_REGISTRY_VERSION', '3.3.3'),
      port: port(env, 'PROCURELINK_REGISTRY_PORT', 8081),
      managementPort: port(env, 'PROCURELINK_REGISTRY_MANAGEMENT_PORT', 8091),
      heap: heap(env, 'PROCURELINK_REGISTRY_HEAP', '512m'),
      compatibility,
    },
    redis: { port: port(env, 'PROCURELINK_REDIS_PORT', 6379) },
    postgres: { port: port(env, 'PROCURELINK_POSTGRES_PORT', 5432) },
  };
  const ports = [
    ['PROCURELINK_KAFKA_PORT', config.kafka.port],
    ['PROCURELINK_KAFKA_CONTROLLER_PORT', config.kafka.controllerPort],
    ['PROCURELINK_KAFKA_SASL_PORT', config.kafka.saslPort],
    ['PROCURELINK_REGISTRY_PORT', config.registry.port],
    ['PROCURELINK_REGISTRY_MANAGEMENT_PORT', config.registry.managementPort],
    ['PROCURELINK_REDIS_PORT', config.redis.port],
    ['PROCURELINK_POSTGRES_PORT', config.postgres.port],
  ] as const;
  for (const [name, value] of ports) {
    const clash = ports.find(([other, otherValue]) => other !== name && otherValue === value);
    if (clash) throw new StackError(`${name} and ${clash[0]} are both ${value}`, 'give each service its own port');
  }
  return config;
}

/** The development SCRAM user of the local broker's SASL listener (never used outside the local stack). */
export const LOCAL_SCRAM_USER = { username: 'procurelink', password: 'procurelink-local-scram', mechanism: 'SCRAM-SHA-512' } as const;

/** The connection settings clients use, as environment variables. */
export function clientEnv(config: StackConfig): Record<string, string> {
  return {
    KAFKA_BROKERS: `${config.host}:${config.kafka.port}`,
    SCHEMA_REGISTRY_URL: `http://${config.host}:${config.registry.port}/apis/ccompat/v7`,
    REDIS_URL: `redis://${config.host}:${config.redis.port}`,
    DATABASE_URL: `postgres://postgres@${config.host}:${config.postgres.port}/postgres`,
  };
}
