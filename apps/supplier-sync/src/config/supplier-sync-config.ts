import { ConfigError, EnvReader, foldConfigProblems, readServiceRuntimeSettings, type Env, type ServiceRuntimeSettings } from '@procurelink/service-host';
import { parseSystemApiConfig, type SystemApiConfig } from '@procurelink/system-api';

/** Used only outside production, and named so nobody mistakes it for a real key. */
export const DEV_ONLY_TOKEN_SECRET = 'procurelink-dev-only-INSECURE-supplier-token-secret';

/** Everything supplier-sync reads from its environment, parsed once at start-up. */
export interface SupplierSyncConfig extends ServiceRuntimeSettings {
  /** Facility id on the envelope of supplier events (suppliers belong to the whole network). */
  readonly facilityId: string;
  /** The HMAC key that turns tax ids and bank accounts into tokens. Never logged. */
  readonly tokenSecret: Buffer;
  readonly tokenKeyId: string;
  /** True when the dev default secret is in use (never in production). */
  readonly usesDevTokenSecret: boolean;
  /** The HTTP system API: API keys (hashes only), optional JWT settings, body limit. */
  readonly api: SystemApiConfig;
}

/** Parses supplier-sync's configuration; throws ConfigError listing every problem, each naming its variable (never a secret). */
export function parseSupplierSyncConfig(env: Env): SupplierSyncConfig {
  const read = new EnvReader(env);
  const problems = read.problems;
  const runtime = readServiceRuntimeSettings(read);
  const facilityId = read.text('SUPPLIER_FACILITY_ID', 'NETWORK');
  const production = runtime.environment === 'production';
  const secretText = read.secret('SUPPLIER_TOKEN_SECRET')?.trim() ?? '';
  if (secretText === '' && production) problems.push('SUPPLIER_TOKEN_SECRET: required when PROCURELINK_ENV=production (or SUPPLIER_TOKEN_SECRET_FILE); at least 32 bytes');
  if (production && secretText === DEV_ONLY_TOKEN_SECRET) problems.push('SUPPLIER_TOKEN_SECRET: is the documented development secret, which PROCURELINK_ENV=production refuses');
  if (secretText !== '' && Buffer.byteLength(secretText, 'utf8') < 32) problems.push('SUPPLIER_TOKEN_SECRET: must be at least 32 bytes (value not shown)');
  const tokenKeyId = read.text('SUPPLIER_TOKEN_KEY_ID', 'k1');
  if (!/^[A-Za-z0-9_-]{1,32}$/.test(tokenKeyId)) problems.push(`SUPPLIER_TOKEN_KEY_ID=${tokenKeyId}: must be 1 to 32 letters, digits, - or _`);
  const api = foldConfigProblems(problems, () => parseSystemApiConfig(env));
  if (problems.length > 0 || api === undefined) throw new ConfigError('supplier-sync', problems);
  return {
    ...runtime,
    facilityId,
    tokenSecret: Buffer.from(secretText === '' ? DEV_ONLY_TOKEN_SECRET : secretText, 'utf8'),
    tokenKeyId: secretText === '' ? 'dev' : tokenKeyId,
    usesDevTokenSecret: secretText === '',
    api,
  };
}
