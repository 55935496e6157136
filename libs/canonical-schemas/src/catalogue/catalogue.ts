import { CANONICAL_NAMESPACE, type AvroSchemaJson } from '../schema/avro-json';
import { composeSchema } from '../schema/compose';
import { parseAvroSchema } from '../schema/parse';
import { SchemaError } from '../schema/schema-error';
import { readSchemaSources, SCHEMAS_DIR } from '../schema/schema-files';
import { topicRecordNameStrategy, type SubjectNameStrategy } from './subject';
import { CANONICAL_TOPICS, type CanonicalEventType } from './topics';

/** Everything a producer, a consumer or the registry needs to know about one event type. */
export interface CatalogueEntry {
  readonly eventType: CanonicalEventType;
  /** The Avro record's fully qualified name, e.g. io.procurelink.p2p.v1.InvoiceReceived. */
  readonly fullName: string;
  readonly topic: string;
  readonly subject: string;
  /** The top-level field of the event whose value is the Kafka key. */
  readonly keyField: string;
  /** The self-contained schema (shared types inlined), as registered. */
  readonly schema: AvroSchemaJson;
}

export interface CatalogueOptions {
  /** Prepended to every topic, e.g. "test.3f2a9c." so tests get their own topics and subjects. */
  readonly topicPrefix?: string;
  readonly subjectName?: SubjectNameStrategy;
  /** Where the .avsc files are; defaults to the package's schemas/ folder. */
  readonly schemasDir?: string;
}

/** The catalogue of canonical events in topic order, each schema composed and checked by avsc. */
export function buildCatalogue(options: CatalogueOptions = {}): readonly CatalogueEntry[] {
  const { topicPrefix = '', subjectName = topicRecordNameStrategy, schemasDir = SCHEMAS_DIR } = options;
  const sources = readSchemaSources(schemasDir);
  const catalogued = new Set<string>(CANONICAL_TOPICS.flatMap((t) => t.eventTypes));
  const strays = [...sources.events.values()].map((s) => s.name).filter((name) => !catalogued.has(name));
  if (strays.length > 0) {
    throw new SchemaError('UNDEFINED_TYPE', `schemas/events has ${strays.join(', ')} but catalogue/topics.ts gives no topic`);
  }
  return CANONICAL_TOPICS.flatMap((definition) =>
    definition.eventTypes.map((eventType): CatalogueEntry => {
      const fullName = `${CANONICAL_NAMESPACE}.${eventType}`;
      const source = sources.events.get(fullName);
      if (source === undefined) {
        throw new SchemaError('UNDEFINED_TYPE', `${eventType} is in catalogue/topics.ts but schemas/events/${eventType}.avsc is missing`);
      }
      const schema = composeSchema(source, sources.types);
      parseAvroSchema(schema, `schemas/events/${eventType}.avsc`);
      const topic = `${topicPrefix}${definition.topic}`;
      return { eventType, fullName, topic, subject: subjectName(topic, fullName), keyField: definition.keyField, schema };
    }),
  );
}

/** The entry for one event type; throws when the catalogue does not hold it. */
export function catalogueEntry(catalogue: readonly CatalogueEntry[], eventType: string): CatalogueEntry {
  const entry = catalogue.find((candidate) => candidate.eventType === eventType);
  if (entry === undefined) throw new SchemaError('UNDEFINED_TYPE', `${eventType} is not a canonical event type`);
  return entry;
}
