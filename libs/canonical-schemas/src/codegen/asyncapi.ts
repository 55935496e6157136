import type { CatalogueEntry } from '../catalogue/catalogue';
import { CANONICAL_TOPICS } from '../catalogue/topics';

export const AVRO_SCHEMA_FORMAT = 'application/vnd.apache.avro;version=1.9.0';

export interface AsyncApiOptions {
  readonly version: string;
  /** The Kafka bootstrap address shown as the server. */
  readonly kafkaHost: string;
}

/**
 * An AsyncAPI 3.0 document of the canonical topics: a channel per topic, a message per event
 * type with its self-contained Avro schema as payload, the key and the registry subject in the
 * Kafka bindings, and the operation by which Procurelink publishes each topic.
 */
export function buildAsyncApi(catalogue: readonly CatalogueEntry[], options: AsyncApiOptions): Record<string, unknown> {
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  for (const definition of CANONICAL_TOPICS) {
    const entries = catalogue.filter((entry) => definition.eventTypes.some((type) => type === entry.eventType));
    const channelId = channelIdOf(definition.topic);
    channels[channelId] = {
      address: entries[0]?.topic ?? definition.topic,
      title: `${definition.aggregate} events`,
      description: `${definition.description} Kafka key: ${definition.keyField}.`,
      messages: Object.fromEntries(entries.map((entry) => [entry.eventType, { $ref: `#/components/messages/${entry.eventType}` }])),
      bindings: { kafka: { topic: entries[0]?.topic ?? definition.topic, bindingVersion: '0.5.0' } },
    };
    operations[`publish${pascal(channelId)}`] = {
      action: 'send',
      title: `Publish ${definition.aggregate} events`,
      summary: `Procurelink publishes every ${definition.aggregate} change; analytics and operations subscribe.`,
      channel: { $ref: `#/channels/${channelId}` },
      messages: entries.map((entry) => ({ $ref: `#/channels/${channelId}/messages/${entry.eventType}` })),
    };
  }
  const messages = Object.fromEntries(
    catalogue.map((entry) => {
      const definition = CANONICAL_TOPICS.find((topic) => topic.eventTypes.some((type) => type === entry.eventType));
      const doc = (entry.schema as { doc?: string }).doc;
      return [
        entry.eventType,
        {
          name: entry.eventType,
          title: entry.eventType,
          ...(doc === undefined ? {} : { summary: doc }),
          contentType: 'application/octet-stream',
          payload: { schemaFormat: AVRO_SCHEMA_FORMAT, schema: entry.schema },
          bindings: {
            kafka: {
              key: { type: 'string', description: `${entry.keyField}: ${definition?.keyDescription ?? ''}`.trim() },
              schemaIdLocation: 'payload',
              schemaIdPayloadEncoding: 'confluent',
              schemaLookupStrategy: 'TopicRecordNameStrategy',
              bindingVersion: '0.5.0',
            },
          },
          'x-registry-subject': entry.subject,
          'x-key-field': entry.keyField,
        },
      ];
    }),
  );
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Procurelink canonical procure-to-pay events',
      version: options.version,
      description:
        'Canonical Avro events on the p2p.* topics, governed in the schema registry with FULL_TRANSITIVE compatibility. ' +
        'Values use the Confluent wire format (magic byte, 4-byte schema id, Avro binary); keys are UTF-8 strings. ' +
        'Subjects follow TopicRecordNameStrategy: <topic>-<fully.qualified.RecordName>.',
    },
    defaultContentType: 'application/octet-stream',
    servers: {
      local: { host: options.kafkaHost, protocol: 'kafka', description: 'The local stack (npm run stack -- up).' },
    },
    channels,
    operations,
    components: { messages },
  };
}

export function renderAsyncApi(catalogue: readonly CatalogueEntry[], options: AsyncApiOptions): string {
  return `${JSON.stringify(buildAsyncApi(catalogue, options), null, 2)}\n`;
}

/** p2p.purchase-order.v1 → p2pPurchaseOrderV1 */
function channelIdOf(topic: string): string {
  return topic.replace(/[.-]+([a-z0-9])/g, (_, next: string) => next.toUpperCase());
}

function pascal(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
