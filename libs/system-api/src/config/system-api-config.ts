import { ConfigError, EnvReader, readDeploymentEnvironment, type Env } from '@procurelink/service-host';
import { sha256 } from '../domain/api-keys';
import type { ApiKeyEntry, AuthConfig } from '../domain/auth-config';
import { ALL_SCOPES, isKnownScope } from '../domain/scopes';

/** The documented development key, accepted only when API_KEYS is unset outside production. */
export const DEV_API_KEY = 'procurelink-dev-key';
export const DEV_CLIENT_ID = 'procurelink-dev';
export const DEFAULT_BODY_LIMIT_BYTES = 1_048_576;
/** Requests per client per minute when API_RATE_LIMIT_PER_MINUTE is unset. */
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 600;
const MIN_JWT_SECRET_BYTES = 32;
const CLIENT_ID = /^[A-Za-z0-9._-]{1,100}$/;
const SHA256_HEX = /^[0-9a-fA-F]{64}$/;

export interface SystemApiConfig {
  readonly auth: AuthConfig;
  readonly bodyLimitBytes: number;
  /** Requests per client (API key, JWT subject; IP when anonymous) per minute (API_RATE_LIMIT_PER_MINUTE). */
  readonly rateLimitPerMinute: number;
  /** PROCURELINK_ENV=production: Strict-Transport-Security, no development credentials. */
  readonly production: boolean;
}

function parseApiKeys(raw: string, problems: string[]): ApiKeyEntry[] {
  const entries: ApiKeyEntry[] = [];
  const seen = new Set<string>();
  raw.split(',').map((e) => e.trim()).filter((e) => e !== '').forEach((entry, index) => {
    const where = `API_KEYS entry ${index + 1}`;
    // Scopes contain ':' themselves: the client id and hash are the first two fields, the scopes the rest.
    const match = /^([^:]*):([^:]*):(.+)$/.exec(entry);
    if (match === null) {
      problems.push(`${where}: must be <client-id>:<sha256-hex-of-key>:<scope>|<scope>... (the key itself is never configured, only its SHA-256)`);
      return;
    }
    const [, clientId, hash, scopeList] = match as unknown as [string, string, string, string];
    if (!CLIENT_ID.test(clientId)) problems.push(`${where}: client id must be 1-100 characters of A-Z a-z 0-9 . _ -`);
    else if (seen.has(clientId)) problems.push(`${where}: client id ${clientId} appears twice`);
    seen.add(clientId);
    if (!SHA256_HEX.test(hash)) problems.push(`${where} (${clientId}): the key hash must be 64 hex digits (sha256 of the key)`);
    const scopes = scopeList.split('|').map((s) => s.trim()).filter((s) => s !== '');
    if (scopes.length === 0) problems.push(`${where} (${clientId}): needs at least one scope`);
    const unknown = scopes.filter((s) => !isKnownScope(s));
    if (unknown.length > 0) problems.push(`${where} (${clientId}): unknown scope(s) ${unknown.join(', ')}; known: ${ALL_SCOPES.join(', ')}`);
    if (SHA256_HEX.test(hash)) entries.push({ clientId, keyHash: Buffer.from(hash, 'hex'), scopes });
  });
  if (entries.length === 0 && problems.length === 0) problems.push('API_KEYS: lists no key');
  return entries;
}

/**
 * The system API settings: API keys (hashes only; API_KEYS or API_KEYS_FILE), the optional HS256
 * JWT settings (API_JWT_SECRET or API_JWT_SECRET_FILE), the body limit and the rate limit. In
 * production (PROCURELINK_ENV) keys or a JWT secret are required and the development key is
 * refused. Every problem names its variable and none quotes a secret. Throws ConfigError.
 */
export function parseSystemApiConfig(env: Env): SystemApiConfig {
  const read = new EnvReader(env);
  const problems = read.problems;
  const production = readDeploymentEnvironment(read) === 'production';
  const rawKeys = (read.secret('API_KEYS') ?? '').trim();
  const secret = read.secret('API_JWT_SECRET') ?? '';
  let apiKeys: ApiKeyEntry[] = [];
  let devKeyInUse = false;
  if (rawKeys !== '') apiKeys = parseApiKeys(rawKeys, problems);
  else if (production && secret === '') {
    problems.push('API_KEYS / API_JWT_SECRET: one is required when PROCURELINK_ENV=production (the development key is never accepted in production)');
  } else if (!production) {
    apiKeys = [{ clientId: DEV_CLIENT_ID, keyHash: sha256(DEV_API_KEY), scopes: [...ALL_SCOPES] }];
    devKeyInUse = true;
  }
  if (production && apiKeys.some((key) => key.keyHash.equals(sha256(DEV_API_KEY)))) {
    problems.push(`API_KEYS: lists the development key (${DEV_API_KEY}), which PROCURELINK_ENV=production refuses`);
  }
  if (secret !== '' && Buffer.byteLength(secret, 'utf8') < MIN_JWT_SECRET_BYTES) {
    problems.push(`API_JWT_SECRET: must be at least ${MIN_JWT_SECRET_BYTES} bytes for HS256 (value not shown)`);
  }
  const issuer = read.text('API_JWT_ISSUER', '');
  const audience = read.text('API_JWT_AUDIENCE', '');
  if (secret === '' && (issuer !== '' || audience !== '')) problems.push('API_JWT_ISSUER / API_JWT_AUDIENCE: set API_JWT_SECRET too, or unset them');
  const bodyLimitBytes = read.positiveInt('API_BODY_LIMIT_BYTES', DEFAULT_BODY_LIMIT_BYTES);
  const rateLimitPerMinute = read.positiveInt('API_RATE_LIMIT_PER_MINUTE', DEFAULT_RATE_LIMIT_PER_MINUTE);
  if (problems.length > 0) throw new ConfigError('system-api', problems);
  return {
    auth: {
      apiKeys,
      devKeyInUse,
      ...(secret !== ''
        ? {
            jwt: {
              secret: Buffer.from(secret, 'utf8'),
              leewaySeconds: 30,
              ...(issuer !== '' ? { issuer } : {}),
              ...(audience !== '' ? { audience } : {}),
            },
          }
        : {}),
    },
    bodyLimitBytes,
    rateLimitPerMinute,
    production,
  };
}
