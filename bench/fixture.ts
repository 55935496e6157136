import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import { Kafka, logLevel, type Producer } from 'kafkajs';

/** A purchase-order-shaped Avro record, about 300 bytes encoded, as benchmark input. */
export function poSchema(namespace: string) {
  return {
    type: 'record',
    name: 'BenchPurchaseOrder',
    namespace,
    fields: [
      {
        name: 'envelope',
        type: {
          type: 'record',
          name: 'BenchEnvelope',
          fields: [
            { name: 'eventId', type: 'string' },
            { name: 'occurredAt', type: 'long' },
            { name: 'facilityId', type: 'string' },
            { name: 'correlationId', type: 'string' },
          ],
        },
      },
      { name: 'poNumber', type: 'string' },
      { name: 'supplierId', type: 'string' },
      {
        name: 'lines',
        type: {
          type: 'array',
          items: {
            type: 'record',
            name: 'BenchLine',
            fields: [
              { name: 'line', type: 'int' },
              { name: 'gtin', type: 'string' },
              { name: 'quantity', type: 'string' },
              { name: 'unitPrice', type: 'string' },
            ],
          },
        },
      },
    ],
  };
}

export function poRecord(i: number) {
  return {
    envelope: { eventId: `evt-${i}`, occurredAt: Date.now(), facilityId: `FAC-${i % 7}`, correlationId: `corr-${i}` },
    poNumber: `PO-${i % 5000}`,
    supplierId: `SUP-${i % 300}`,
    lines: [1, 2, 3].map((line) => ({ line, gtin: `0088${i % 10_000}${line}`, quantity: '12', unitPrice: '3.1500' })),
  };
}

export function clients(brokers: string[], registryUrl: string) {
  return {
    kafka: new Kafka({ clientId: 'bench', brokers, logLevel: logLevel.ERROR }),
    registry: new SchemaRegistry({ host: registryUrl }),
  };
}

export async function registerSchema(registry: SchemaRegistry, topic: string, namespace: string): Promise<number> {
  const { id } = await registry.register(
    { type: SchemaType.AVRO, schema: JSON.stringify(poSchema(namespace)) },
    { subject: `${topic}-${namespace}.BenchPurchaseOrder` },
  );
  return id;
}

/** Writes `count` encoded records in large batches; returns the time it took. */
export async function preload(producer: Producer, topic: string, registry: SchemaRegistry, schemaId: number, count: number) {
  const started = performance.now();
  const chunk = 2000;
  for (let from = 0; from < count; from += chunk) {
    const messages = [];
    for (let i = from; i < Math.min(count, from + chunk); i++) {
      const record = poRecord(i);
      messages.push({ key: record.poNumber, value: await registry.encode(schemaId, record) });
    }
    await producer.send({ topic, acks: -1, messages });
  }
  return performance.now() - started;
}
