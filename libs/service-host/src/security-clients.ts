import type { KafkaConfig, SASLOptions } from 'kafkajs';
import type { KafkaSaslSettings, KafkaSecurity, RedisAuth } from './security-settings';

/** The kafkajs client options of a service: brokers plus its TLS and SASL settings. */
export interface KafkaClientSettings {
  readonly clientId: string;
  readonly brokers: readonly string[];
  readonly ssl?: KafkaConfig['ssl'];
  readonly sasl?: KafkaConfig['sasl'];
}

export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body: string; signal: AbortSignal }) => Promise<{
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
}>;

/**
 * The one mapping from settings to kafkajs options (`createKafka({...kafkaClientOptions(config,
 * 'po-sync')})`, MessagingModule `client`, prepareServiceTopics): KAFKA_SSL* → `ssl`,
 * KAFKA_SASL_* → `sasl` (oauthbearer gets a client-credentials token provider).
 */
export function kafkaClientOptions(
  settings: { readonly kafkaBrokers: readonly string[]; readonly kafkaSecurity?: KafkaSecurity },
  clientId: string,
  fetchToken: FetchLike = fetch as unknown as FetchLike,
): KafkaClientSettings {
  const { ssl, sasl } = settings.kafkaSecurity ?? {};
  return {
    clientId,
    brokers: settings.kafkaBrokers,
    ...(ssl !== undefined
      ? { ssl: { rejectUnauthorized: ssl.rejectUnauthorized, ...(ssl.ca !== undefined ? { ca: [ssl.ca] } : {}), ...(ssl.cert !== undefined ? { cert: ssl.cert } : {}), ...(ssl.key !== undefined ? { key: ssl.key } : {}) } }
      : {}),
    ...(sasl !== undefined ? { sasl: saslOptions(sasl, fetchToken) } : {}),
  };
}

function saslOptions(sasl: KafkaSaslSettings, fetchToken: FetchLike): SASLOptions {
  if (sasl.mechanism === 'oauthbearer') return { mechanism: 'oauthbearer', oauthBearerProvider: clientCredentialsTokenProvider(sasl, fetchToken) };
  return { mechanism: sasl.mechanism, username: sasl.username, password: sasl.password } as SASLOptions;
}

/**
 * OAuth 2 client credentials (RFC 6749 §4.4) for SASL/OAUTHBEARER: fetches a token, keeps it until
 * a minute before it expires. Failures name the token endpoint and the HTTP status, never the secret.
 */
export function clientCredentialsTokenProvider(
  settings: { readonly tokenUrl: string; readonly clientId: string; readonly clientSecret: string },
  fetchToken: FetchLike = fetch as unknown as FetchLike,
  now: () => number = Date.now,
): () => Promise<{ value: string }> {
  let cached: { value: string; renewAt: number } | undefined;
  const endpoint = (() => {
    const url = new URL(settings.tokenUrl);
    return `${url.origin}${url.pathname}`;
  })();
  return async () => {
    if (cached !== undefined && now() < cached.renewAt) return { value: cached.value };
    const basic = Buffer.from(`${encodeURIComponent(settings.clientId)}:${encodeURIComponent(settings.clientSecret)}`).toString('base64');
    let response: Awaited<ReturnType<FetchLike>>;
    try {
      response = await fetchToken(settings.tokenUrl, {
        method: 'POST',
        headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: 'grant_type=client_credentials',
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      throw new Error(`Kafka OAuth token request to ${endpoint} failed: ${error instanceof Error ? error.name : 'error'}`);
    }
    if (!response.ok) throw new Error(`Kafka OAuth token request to ${endpoint} failed: HTTP ${response.status}`);
    const body = (await response.json().catch(() => undefined)) as { access_token?: unknown; expires_in?: unknown } | undefined;
    if (typeof body?.access_token !== 'string' || body.access_token === '') throw new Error(`Kafka OAuth token response of ${endpoint} has no access_token`);
    const lifetimeSeconds = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 300;
    cached = { value: body.access_token, renewAt: now() + Math.max(lifetimeSeconds - 60, lifetimeSeconds / 2) * 1000 };
    return { value: cached.value };
  };
}

/** The ioredis options of the Redis auth settings: `new Redis(url, { ...redisClientOptions(config), ... })`. */
export interface RedisClientSettings {
  readonly username?: string;
  readonly password?: string;
  readonly tls?: { readonly ca?: string[] };
}

export function redisClientOptions(settings: { readonly redisUrl: string; readonly redisAuth?: RedisAuth }): RedisClientSettings {
  const auth = settings.redisAuth ?? {};
  const tls = settings.redisUrl.startsWith('rediss:') ? { tls: auth.tlsCa !== undefined ? { ca: [auth.tlsCa] } : {} } : {};
  return {
    ...(auth.username !== undefined ? { username: auth.username } : {}),
    ...(auth.password !== undefined ? { password: auth.password } : {}),
    ...tls,
  };
}
