import { get as httpGet } from 'node:http';
import { get as httpsGet } from 'node:https';
import { Redis } from 'ioredis';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { kafkaClientOptions, redisClientOptions } from './security-clients';
import type { KafkaSecurity, RedisAuth, RegistryAuth } from './security-settings';

/** A probe and what closes its connection at shutdown. */
export interface Probe {
  readonly probe: () => Promise<void>;
  readonly close: () => Promise<void>;
}

/**
 * Kafka: a cluster description over one admin connection kept between checks (reconnected after
 * a failure), without kafkajs' own retries so a down broker answers within the check's timeout.
 */
export function kafkaProbe(settings: { readonly kafkaBrokers: readonly string[]; readonly kafkaSecurity?: KafkaSecurity }, clientId: string): Probe {
  const { brokers, ...security } = kafkaClientOptions(settings, clientId);
  const kafka = new Kafka({ ...security, brokers: [...brokers], logLevel: logLevel.NOTHING });
  let admin: Admin | undefined;
  const drop = async (): Promise<void> => {
    const current = admin;
    admin = undefined;
    await current?.disconnect().catch(() => undefined);
  };
  return {
    probe: async () => {
      try {
        if (!admin) {
          admin = kafka.admin({ retry: { retries: 0 } });
          await admin.connect();
        }
        const cluster = await admin.describeCluster();
        if (cluster.brokers.length === 0) throw new Error('the cluster has no brokers');
      } catch (error) {
        await drop();
        throw error;
      }
    },
    close: drop,
  };
}

/**
 * Schema registry: GET <url>/schemas/types (cheap on Confluent and Apicurio's ccompat API), with
 * basic auth when set, on a connection of its own that closes after the answer.
 */
export function registryProbe(settings: { readonly schemaRegistryUrl: string; readonly schemaRegistryAuth?: RegistryAuth }, timeoutMs: number): Probe {
  const url = new URL(`${settings.schemaRegistryUrl.replace(/\/+$/, '')}/schemas/types`);
  const auth = settings.schemaRegistryAuth;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (auth) headers.authorization = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
  const get = url.protocol === 'https:' ? httpsGet : httpGet;
  return {
    probe: () =>
      new Promise<void>((resolve, reject) => {
        const request = get(url, { headers, agent: false, timeout: timeoutMs }, (response) => {
          response.resume();
          response.once('end', () => {
            const status = response.statusCode ?? 0;
            if (status >= 200 && status < 300) resolve();
            else reject(new Error(`registry answered HTTP ${status}`));
          });
        });
        request.once('timeout', () => request.destroy(new Error(`registry did not answer within ${timeoutMs} ms`)));
        request.once('error', (error) => reject(new Error(`registry unreachable: ${error.message}`)));
      }),
    close: async () => undefined,
  };
}

/** Redis: PING on one connection of its own (connected on first use, reconnected after a failure, no offline queue). */
export function redisProbe(settings: { readonly redisUrl: string; readonly redisAuth?: RedisAuth }, connectionName: string, timeoutMs: number): Probe {
  const redis = new Redis(settings.redisUrl, {
    ...redisClientOptions(settings),
    connectionName,
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: timeoutMs,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined); // reported by the probe, not as an unhandled event
  return {
    probe: async () => {
      if (redis.status === 'wait' || redis.status === 'end' || redis.status === 'close') await redis.connect();
      const answer = await redis.ping();
      if (answer !== 'PONG') throw new Error(`PING answered ${answer}`);
    },
    close: async () => {
      redis.disconnect();
    },
  };
}
