import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import type { Kafka, Message } from 'kafkajs';
import { poRecord, poSchema } from '../../fixture.ts';
import { createTopics, deleteRedisKeys, deleteTopics, root, startNode, type Endpoints } from '../infra.ts';
import type { Subject } from '../trial.ts';

/** The input of legs (b) and (c): a PO-shaped Avro record (~300 bytes) behind the Confluent header. */
export interface AvroInput {
  readonly schemaId: number;
  /** A pool of encoded values; records take them round-robin so the generator spends little CPU. */
  readonly values: readonly Buffer[];
}

export async function registerAvroInput(registryUrl: string, run: string): Promise<AvroInput> {
  const registry = new SchemaRegistry({ host: registryUrl });
  const namespace = `io.procurelink.bench.p2p${run}`;
  const { id } = await registry.register(
    { type: SchemaType.AVRO, schema: JSON.stringify(poSchema(namespace)) },
    { subject: `bench.p2p.${run}-${namespace}.BenchPurchaseOrder` },
  );
  const values: Buffer[] = [];
  for (let i = 0; i < 512; i++) values.push(await registry.encode(id, poRecord(i)));
  return { schemaId: id, values };
}

export type WorkerKind = 'bare' | 'nest';

const SCRIPTS: Record<WorkerKind, string> = {
  bare: `${root}/bench/p2p/legs/bare-worker.ts`,
  nest: `${root}/bench/p2p/legs/nest-worker.ts`,
};

/** Starts one instance of leg (b) or (c) on fresh topics and a fresh consumer group. */
export async function startAvroLeg(kafka: Kafka, stack: Endpoints, input: AvroInput, kind: WorkerKind, instance: string): Promise<Subject> {
  const prefix = `bench.p2p.${instance}.`;
  const inputTopic = `${prefix}in`;
  const outputTopic = `${prefix}out`;
  await createTopics(kafka, [inputTopic, outputTopic]);
  const worker = startNode(SCRIPTS[kind], {
    BENCH_BROKERS: stack.brokers.join(','),
    BENCH_REGISTRY: stack.registryUrl,
    BENCH_REDIS: stack.redisUrl,
    BENCH_INPUT: inputTopic,
    BENCH_OUTPUT: outputTopic,
    BENCH_GROUP: `bench-${instance}`,
  });
  await worker.waitFor(/bench worker ready/, 60_000);
  const keyOf = (tag: string, seq: number) => `${tag}-${seq}`;
  return {
    inputTopic,
    outputTopic,
    workerPids: [worker.pid],
    helperPids: [],
    keyOf,
    diagnostics: () => worker.output(),
    record: (tag: string, seq: number): Message => ({ key: keyOf(tag, seq), value: input.values[seq % input.values.length] as Buffer }),
    async stop() {
      await worker.stop();
      await deleteTopics(kafka, prefix);
      if (kind === 'nest') await deleteRedisKeys(stack.redisUrl, `bench:nest:bench-${instance}:*`);
    },
  };
}
