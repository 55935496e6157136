import { buildCatalogue } from '../catalogue/catalogue';
import { CANONICAL_TOPICS } from '../catalogue/topics';
import { AVRO_SCHEMA_FORMAT, buildAsyncApi } from './asyncapi';

interface Ref {
  readonly $ref: string;
}
interface Doc {
  readonly asyncapi: string;
  readonly channels: Record<string, { address: string; messages: Record<string, Ref> }>;
  readonly operations: Record<string, { action: string; channel: Ref; messages: Ref[] }>;
  readonly components: {
    messages: Record<string, { payload: { schemaFormat: string; schema: { name: string } }; bindings: { kafka: { key: object } } }>;
  };
}

/** Follows a local JSON pointer such as #/components/messages/InvoicePosted. */
function resolvePointer(doc: unknown, ref: string): unknown {
  return ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], doc);
}

describe('the AsyncAPI document of the canonical topics', () => {
  const catalogue = buildCatalogue();
  const doc = buildAsyncApi(catalogue, { version: '1.0.0', kafkaHost: '127.0.0.1:9092' }) as unknown as Doc;

  it('› is AsyncAPI 3.0 with one channel per canonical topic', () => {
    expect(doc.asyncapi).toBe('3.0.0');
    expect(Object.values(doc.channels).map((channel) => channel.address)).toEqual(CANONICAL_TOPICS.map((t) => t.topic));
  });

  it('› lists each event type as a message of its topic channel', () => {
    for (const entry of catalogue) {
      const channel = Object.values(doc.channels).find((c) => c.address === entry.topic);
      expect(Object.keys(channel?.messages ?? {})).toContain(entry.eventType);
    }
  });

  it('› carries each Avro schema as payload with the Avro schema format', () => {
    for (const entry of catalogue) {
      const message = doc.components.messages[entry.eventType];
      expect(message?.payload).toEqual({ schemaFormat: AVRO_SCHEMA_FORMAT, schema: entry.schema });
    }
  });

  it('› describes the Kafka key of each message', () => {
    expect(doc.components.messages['GoodsReceived']?.bindings.kafka.key).toEqual({
      type: 'string',
      description: 'poNumber: The purchase order number.',
    });
  });

  it('› has no dangling references', () => {
    const refs = [
      ...Object.values(doc.channels).flatMap((channel) => Object.values(channel.messages)),
      ...Object.values(doc.operations).flatMap((operation) => [operation.channel, ...operation.messages]),
    ];
    expect(refs.length).toBeGreaterThan(CANONICAL_TOPICS.length);
    for (const ref of refs) expect(resolvePointer(doc, ref.$ref)).toBeDefined();
  });

  it('› says Procurelink sends on every channel', () => {
    expect(Object.values(doc.operations).map((operation) => operation.action)).toEqual(CANONICAL_TOPICS.map(() => 'send'));
  });
});
