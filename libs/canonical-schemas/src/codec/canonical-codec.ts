import type avro from 'avsc';
import { buildCatalogue, type CatalogueEntry, type CatalogueOptions } from '../catalogue/catalogue';
import { eventKey } from '../catalogue/event-key';
import type { CanonicalEventType } from '../catalogue/topics';
import type { CanonicalEventMap } from '../generated/events';
import { registerCanonicalSchemas, type RegisterOptions } from '../registry/register';
import { parseAvroSchema } from '../schema/parse';
import { writeWireHeader } from '../wire-format';

/** A canonical event ready for the producer: its topic, its aggregate key and its wire-format bytes. */
export interface EncodedEvent {
  readonly eventType: CanonicalEventType;
  readonly eventId: string;
  readonly topic: string;
  readonly key: string;
  readonly value: Buffer;
}

/** An event that does not fit its schema: a programming error in a mapping, never retried. */
export class EventEncodingError extends Error {
  readonly code = 'INVALID_INPUT';
  readonly retriable = false;

  constructor(eventType: string, paths: readonly string[]) {
    super(`${eventType} does not fit its schema at ${paths.length > 0 ? paths.join(', ') : 'the top level'}`);
    this.name = 'EventEncodingError';
  }
}

interface Known {
  readonly entry: CatalogueEntry;
  readonly schemaId: number;
  readonly type: avro.Type;
}

/**
 * Encodes canonical events in the Confluent wire format with the schema ids the registry gave
 * at start-up. Built once per service by `CanonicalCodec.register`, which registers every
 * canonical schema (idempotent) before the first event is produced.
 */
export class CanonicalCodec {
  private constructor(private readonly known: ReadonlyMap<CanonicalEventType, Known>) {}

  static async register(registryUrl: string, options: RegisterOptions = {}): Promise<CanonicalCodec> {
    const catalogue = options.catalogue ?? buildCatalogue(options);
    const ids = await registerCanonicalSchemas(registryUrl, { ...options, catalogue });
    return CanonicalCodec.fromIds(catalogue, ids);
  }

  /** For callers that already hold the schema ids (tests, tools). */
  static fromIds(catalogue: readonly CatalogueEntry[], ids: ReadonlyMap<CanonicalEventType, number>): CanonicalCodec {
    const known = new Map<CanonicalEventType, Known>();
    for (const entry of catalogue) {
      const schemaId = ids.get(entry.eventType);
      if (schemaId === undefined) continue;
      known.set(entry.eventType, { entry, schemaId, type: parseAvroSchema(entry.schema, entry.eventType) });
    }
    return new CanonicalCodec(known);
  }

  static catalogue(options: CatalogueOptions = {}): readonly CatalogueEntry[] {
    return buildCatalogue(options);
  }

  topicOf(eventType: CanonicalEventType): string {
    return this.entry(eventType).entry.topic;
  }

  encode<T extends CanonicalEventType>(eventType: T, event: CanonicalEventMap[T]): EncodedEvent {
    const { entry, schemaId, type } = this.entry(eventType);
    let body: Buffer;
    try {
      // avsc's writers check every value they write; the slower isValid walk runs only to name the paths.
      body = type.toBuffer(event);
    } catch {
      // avsc's own message quotes the value: never passed on (it may be a tax id or an account number).
      const paths: string[] = [];
      type.isValid(event, { errorHook: (path) => paths.push(path.join('.')) });
      throw new EventEncodingError(eventType, paths);
    }
    return {
      eventType,
      eventId: event.envelope.eventId,
      topic: entry.topic,
      key: eventKey(entry, event),
      value: writeWireHeader(schemaId, body),
    };
  }

  private entry(eventType: CanonicalEventType): Known {
    const known = this.known.get(eventType);
    if (!known) throw new Error(`${eventType} has no registered schema`);
    return known;
  }
}
