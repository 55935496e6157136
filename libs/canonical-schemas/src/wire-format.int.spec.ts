import { randomUUID } from 'node:crypto';
import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import { Kafka, logLevel, type Consumer, type Producer } from 'kafkajs';
import { stackEndpoints } from '@procurelink/test-support';
import { readWireHeader } from './wire-format';

/**
 * Proof that the real broker, the real registry and the clients fit together: a schema is
 * registered through the Confluent-compatible API, records go to Kafka in the wire format,
 * and a consumer group reads and decodes them.
 */
describe('broker, registry and clients together', () => {
  const endpoints = stackEndpoints();
  const run = randomUUID().slice(0, 8);
  const topic = `test.wire-format.${run}`;
  const subject = `${topic}-value`;
  const schema = {
    type: 'record',
    name: 'ProbeEvent',
    namespace: `io.procurelink.test.run${run}`,
    fields: [
      { name: 'eventId', type: 'string' },
      { name: 'poNumber', type: 'string' },
      { name: 'lineCount', type: 'int' },
    ],
  };
  const registry = new SchemaRegistry({ host: endpoints.schemaRegistryUrl });
  const kafka = new Kafka({ clientId: `test-${run}`, brokers: endpoints.kafkaBrokers, logLevel: logLevel.NOTHING });
  let producer: Producer;
  let consumer: Consumer;

  beforeAll(async () => {
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
    await admin.disconnect();
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    consumer = kafka.consumer({ groupId: `test-wire-format-${run}` });
    await consumer.connect();
  });

  afterAll(async () => {
    await consumer?.disconnect();
    await producer?.disconnect();
  });

  it('when records are produced in the wire format › a consumer group reads and decodes every one, in order per key', async () => {
    const { id } = await registry.register({ type: SchemaType.AVRO, schema: JSON.stringify(schema) }, { subject });
    const sent = Array.from({ length: 30 }, (_, i) => ({ eventId: `e-${i}`, poNumber: `PO-${i % 3}`, lineCount: i }));
    const messages = await Promise.all(
      sent.map(async (event) => ({ key: event.poNumber, value: await registry.encode(id, event) })),
    );
    await producer.send({ topic, acks: -1, messages });

    const received: Array<{ key: string; schemaId: number; event: typeof sent[number] }> = [];
    await consumer.subscribe({ topic, fromBeginning: true });
    const allIn = new Promise<void>((resolve) => {
      void consumer.run({
        eachMessage: async ({ message }) => {
          const header = readWireHeader(message.value);
          if (!header.ok) throw new Error(header.detail);
          received.push({
            key: message.key?.toString() ?? '',
            schemaId: header.schemaId,
            event: (await registry.decode(message.value as Buffer)) as typeof sent[number],
          });
          if (received.length === sent.length) resolve();
        },
      });
    });
    await allIn;

    expect(received.map((r) => r.schemaId)).toEqual(sent.map(() => id));
    expect(received.map((r) => r.event).sort((a, b) => a.lineCount - b.lineCount)).toEqual(sent);
    for (const po of ['PO-0', 'PO-1', 'PO-2']) {
      const order = received.filter((r) => r.key === po).map((r) => r.event.lineCount);
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
  });

  it("when a new version adds a field with no default › the registry's global BACKWARD rule refuses it", async () => {
    const breaking = { ...schema, fields: [...schema.fields, { name: 'facilityId', type: 'string' }] };
    await expect(
      registry.register({ type: SchemaType.AVRO, schema: JSON.stringify(breaking) }, { subject }),
    ).rejects.toThrow(/409|incompatible/i);
  });

  it('when a new version adds a field with a default › the registry accepts it as a new version', async () => {
    const compatible = {
      ...schema,
      fields: [...schema.fields, { name: 'facilityId', type: ['null', 'string'], default: null }],
    };
    const { id } = await registry.register({ type: SchemaType.AVRO, schema: JSON.stringify(compatible) }, { subject });
    expect(await registry.getLatestSchemaId(subject)).toBe(id);
  });
});
