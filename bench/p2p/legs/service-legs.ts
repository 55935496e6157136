import type { Kafka, Message } from 'kafkajs';
import { createTopics, deleteRedisKeys, deleteTopics, root, startNode, type Child, type Endpoints } from '../infra.ts';
import type { LegDefinition } from '../search-leg.ts';
import type { Subject } from '../trial.ts';
import { poRecordJson } from './source-records.ts';

/**
 * Leg (d): the Procurelink services' real paths, as the real app processes
 * (`node apps/<app>/dist/main.js`) on topics and Redis keys of their own
 * (PROCURELINK_TOPIC_PREFIX), calling one ERP sandbox process (apps/erp-sandbox, in-memory ledger,
 * emptied between trials).
 */
export interface ServiceLegs {
  readonly legs: LegDefinition[];
  stop(): Promise<void>;
}

export interface ServiceContext {
  readonly kafka: Kafka;
  readonly stack: Endpoints;
  readonly erpBaseUrl: string;
  readonly erpPid: number;
  /** Extra node options for the service processes (e.g. --cpu-prof). */
  readonly nodeArgs: readonly string[];
  /** Where apps/<app>/dist/main.js are taken from (the checkout, or a copy for an A/B comparison). */
  readonly appsRoot: string;
  /** Extra environment for the service processes (e.g. OTEL_SDK_DISABLED=true for an A/B). */
  readonly serviceEnv: Readonly<Record<string, string>>;
}

/** Starts `node apps/<app>/dist/main.js` under `prefix`, waits for its "listening on" line. */
export async function startApp(context: ServiceContext, app: string, prefix: string, extraEnv: Record<string, string> = {}): Promise<Child> {
  const child = startNode(`${context.appsRoot}/apps/${app}/dist/main.js`, {
    KAFKA_BROKERS: context.stack.brokers.join(','),
    SCHEMA_REGISTRY_URL: context.stack.registryUrl,
    REDIS_URL: context.stack.redisUrl,
    ERP_BASE_URL: context.erpBaseUrl,
    PROCURELINK_TOPIC_PREFIX: prefix,
    HOST: '127.0.0.1',
    PORT: '0',
    ...context.serviceEnv,
    ...extraEnv,
  }, context.nodeArgs);
  await child.waitFor(/listening on http:\/\/127\.0\.0\.1:\d+/, 120_000);
  return child;
}

/** Stops the app, deletes its topics and every Redis key naming its prefix. */
export async function removeInstance(context: ServiceContext, child: Child, prefix: string): Promise<void> {
  await child.stop();
  await deleteTopics(context.kafka, prefix);
  await deleteRedisKeys(context.stack.redisUrl, `*${prefix}*`);
}

function poSyncLeg(context: ServiceContext): LegDefinition {
  return {
    id: '(d) po-sync',
    label: 'decode, validate, claim, encumbrance decision, ERP call, produce',
    async start(instance): Promise<Subject> {
      const prefix = `bench-${instance}.`;
      const inputTopic = `${prefix}source.purchasing.purchase-order.v1`;
      const outputTopic = `${prefix}p2p.purchase-order.v1`;
      await createTopics(context.kafka, [inputTopic, outputTopic]);
      const app = await startApp(context, 'po-sync', prefix);
      const keyOf = (tag: string, seq: number) => `PO-${tag}-${seq}`;
      return {
        inputTopic,
        outputTopic,
        workerPids: [app.pid],
        helperPids: [context.erpPid],
        keyOf,
        diagnostics: () => app.output(),
        record: (tag: string, seq: number): Message => {
          const poNumber = keyOf(tag, seq);
          return { key: poNumber, value: poRecordJson(poNumber, seq) };
        },
        stop: () => removeInstance(context, app, prefix),
      };
    },
    betweenTrials: () => resetErp(context.erpBaseUrl),
  };
}

async function resetErp(baseUrl: string): Promise<void> {
  const response = await fetch(`${baseUrl}/sandbox/v1/reset`, { method: 'POST' });
  if (!response.ok) throw new Error(`ERP sandbox reset answered ${response.status}`);
}

export async function serviceLegs(kafka: Kafka, stack: Endpoints, names: readonly string[], options: { nodeArgs?: readonly string[]; appsRoot?: string; serviceEnv?: Record<string, string> } = {}): Promise<ServiceLegs> {
  const erp = startNode(`${root}/apps/erp-sandbox/dist/main.js`, { HOST: '127.0.0.1', PORT: '0', ERP_SANDBOX_STORE: 'memory', ERP_SANDBOX_ALLOW_RESET: 'true' });
  const [, port] = await erp.waitFor(/listening on http:\/\/127\.0\.0\.1:(\d+)/, 60_000);
  const context: ServiceContext = { kafka, stack, erpBaseUrl: `http://127.0.0.1:${port}`, erpPid: erp.pid, nodeArgs: options.nodeArgs ?? [], appsRoot: options.appsRoot ?? root, serviceEnv: options.serviceEnv ?? {} };
  const legs: LegDefinition[] = [];
  if (names.includes('po-sync')) legs.push(poSyncLeg(context));
  if (names.includes('invoice-sync')) legs.push((await import('./invoice-sync-leg.ts')).invoiceSyncLeg(context, resetErp));
  return { legs, stop: () => erp.stop() };
}
