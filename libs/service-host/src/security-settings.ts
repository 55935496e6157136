import type { EnvReader } from './env';

/** PROCURELINK_ENV: production refuses development defaults and plaintext links to remote hosts. */
export type DeploymentEnvironment = 'development' | 'production';

export interface KafkaSslSettings {
  /** PEM text of KAFKA_SSL_CA_FILE, KAFKA_SSL_CERT_FILE, KAFKA_SSL_KEY_FILE (read at start-up). */
  readonly ca?: string;
  readonly cert?: string;
  readonly key?: string;
  readonly rejectUnauthorized: boolean;
}

export const KAFKA_SASL_MECHANISMS = ['none', 'plain', 'scram-sha-256', 'scram-sha-512', 'oauthbearer'] as const;

export type KafkaSaslSettings =
  | { readonly mechanism: 'plain' | 'scram-sha-256' | 'scram-sha-512'; readonly username: string; readonly password: string }
  | { readonly mechanism: 'oauthbearer'; readonly tokenUrl: string; readonly clientId: string; readonly clientSecret: string };

/** How a service reaches Kafka: TLS (KAFKA_SSL*) and SASL (KAFKA_SASL_*); both absent = plaintext. */
export interface KafkaSecurity {
  readonly ssl?: KafkaSslSettings;
  readonly sasl?: KafkaSaslSettings;
}

/** REDIS_USERNAME, REDIS_PASSWORD(_FILE), REDIS_TLS_CA_FILE (PEM text); TLS itself is a rediss:// URL. */
export interface RedisAuth {
  readonly username?: string;
  readonly password?: string;
  readonly tlsCa?: string;
}

/** SCHEMA_REGISTRY_USERNAME / SCHEMA_REGISTRY_PASSWORD(_FILE): HTTP basic auth of the registry. */
export interface RegistryAuth {
  readonly username: string;
  readonly password: string;
}

/** PROCURELINK_ENV (development | production); NODE_ENV=production counts when it is unset. */
export function readDeploymentEnvironment(read: EnvReader): DeploymentEnvironment {
  const fallback = read.text('NODE_ENV', 'development') === 'production' ? 'production' : 'development';
  return read.oneOf('PROCURELINK_ENV', ['development', 'production'], fallback);
}

export function readKafkaSecurity(read: EnvReader): KafkaSecurity {
  const sslOn = read.flag('KAFKA_SSL', false);
  const ca = read.file('KAFKA_SSL_CA_FILE');
  const cert = read.file('KAFKA_SSL_CERT_FILE');
  const key = read.file('KAFKA_SSL_KEY_FILE');
  const rejectUnauthorized = read.flag('KAFKA_SSL_REJECT_UNAUTHORIZED', true);
  if (!sslOn && (ca !== undefined || cert !== undefined || key !== undefined)) {
    read.problems.push('KAFKA_SSL_CA_FILE / KAFKA_SSL_CERT_FILE / KAFKA_SSL_KEY_FILE: set KAFKA_SSL=true too, or unset them');
  }
  if ((cert === undefined) !== (key === undefined)) read.problems.push('KAFKA_SSL_CERT_FILE / KAFKA_SSL_KEY_FILE: a client certificate needs both');
  const ssl: KafkaSslSettings | undefined = sslOn
    ? { ...(ca !== undefined ? { ca } : {}), ...(cert !== undefined ? { cert } : {}), ...(key !== undefined ? { key } : {}), rejectUnauthorized }
    : undefined;
  const sasl = readKafkaSasl(read);
  return { ...(ssl !== undefined ? { ssl } : {}), ...(sasl !== undefined ? { sasl } : {}) };
}

function readKafkaSasl(read: EnvReader): KafkaSaslSettings | undefined {
  const mechanism = read.oneOf('KAFKA_SASL_MECHANISM', KAFKA_SASL_MECHANISMS, 'none');
  if (mechanism === 'none') {
    const stray = ['KAFKA_SASL_USERNAME', 'KAFKA_SASL_PASSWORD', 'KAFKA_SASL_PASSWORD_FILE'].filter((name) => read.text(name, '') !== '');
    if (stray.length > 0) read.problems.push(`${stray.join(' / ')}: set KAFKA_SASL_MECHANISM too (it is none, so they would be ignored)`);
    return undefined;
  }
  if (mechanism === 'oauthbearer') {
    const tokenUrl = read.text('KAFKA_SASL_OAUTH_TOKEN_URL', '');
    const clientId = read.text('KAFKA_SASL_OAUTH_CLIENT_ID', '');
    const clientSecret = read.secret('KAFKA_SASL_OAUTH_CLIENT_SECRET') ?? '';
    if (!isHttpUrl(tokenUrl)) read.problems.push('KAFKA_SASL_OAUTH_TOKEN_URL: must be an http:// or https:// URL when KAFKA_SASL_MECHANISM=oauthbearer');
    if (clientId === '') read.problems.push('KAFKA_SASL_OAUTH_CLIENT_ID: required when KAFKA_SASL_MECHANISM=oauthbearer');
    if (clientSecret === '') read.problems.push('KAFKA_SASL_OAUTH_CLIENT_SECRET: required when KAFKA_SASL_MECHANISM=oauthbearer (or KAFKA_SASL_OAUTH_CLIENT_SECRET_FILE)');
    return { mechanism, tokenUrl, clientId, clientSecret };
  }
  const username = read.text('KAFKA_SASL_USERNAME', '');
  const password = read.secret('KAFKA_SASL_PASSWORD') ?? '';
  if (username === '') read.problems.push(`KAFKA_SASL_USERNAME: required when KAFKA_SASL_MECHANISM=${mechanism}`);
  if (password === '') read.problems.push(`KAFKA_SASL_PASSWORD: required when KAFKA_SASL_MECHANISM=${mechanism} (or KAFKA_SASL_PASSWORD_FILE)`);
  return { mechanism, username, password };
}

export function readRedisAuth(read: EnvReader, redisUrl: string): RedisAuth {
  const username = read.text('REDIS_USERNAME', '');
  const password = read.secret('REDIS_PASSWORD');
  const tlsCa = read.file('REDIS_TLS_CA_FILE');
  if (tlsCa !== undefined && !redisUrl.startsWith('rediss:')) read.problems.push('REDIS_TLS_CA_FILE: needs a rediss:// REDIS_URL (TLS)');
  if (username !== '' && password === undefined) read.problems.push('REDIS_USERNAME: set REDIS_PASSWORD (or REDIS_PASSWORD_FILE) too');
  return { ...(username !== '' ? { username } : {}), ...(password !== undefined ? { password } : {}), ...(tlsCa !== undefined ? { tlsCa } : {}) };
}

export function readRegistryAuth(read: EnvReader): RegistryAuth | undefined {
  const username = read.text('SCHEMA_REGISTRY_USERNAME', '');
  const password = read.secret('SCHEMA_REGISTRY_PASSWORD');
  if (username === '' && password === undefined) return undefined;
  if (username === '' || password === undefined) {
    read.problems.push('SCHEMA_REGISTRY_USERNAME / SCHEMA_REGISTRY_PASSWORD: set both (basic auth), or neither');
    return undefined;
  }
  return { username, password };
}

function isHttpUrl(text: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}
