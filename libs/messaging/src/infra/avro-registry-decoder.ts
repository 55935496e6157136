import type { SchemaRegistry } from '@kafkajs/confluent-schema-registry';
import { readWireHeader } from '@procurelink/canonical-schemas';
import { ProcessingError } from '../errors/processing-error';
import type { DecodedValue, RecordDecoder } from '../ports/decoder';
import type { InboundRecord } from '../ports/records';

interface AvroType {
  readonly name?: string | undefined;
  fromBuffer(buffer: Buffer): unknown;
}

function shortName(name: string | undefined): string {
  return (name ?? '').split('.').pop() ?? '';
}

function envelopeEventId(value: unknown): string | undefined {
  const envelope = (value as { envelope?: { eventId?: unknown } } | null)?.envelope;
  return typeof envelope?.eventId === 'string' ? envelope.eventId : undefined;
}

/**
 * Decodes Confluent wire-format Avro through the registry. The event type is the record's
 * name; schemas are cached per id, so a registry outage does not stop known schemas.
 */
export class AvroRegistryDecoder implements RecordDecoder {
  private readonly types = new Map<number, Promise<AvroType>>();
  private readonly ready = new Map<number, AvroType>();

  constructor(private readonly registry: SchemaRegistry) {}

  decode(record: InboundRecord): DecodedValue | Promise<DecodedValue> {
    const header = readWireHeader(record.value);
    if (!header.ok) throw new ProcessingError('BAD_WIRE_FORMAT', `${header.problem}: ${header.detail}`);
    const cached = this.ready.get(header.schemaId);
    if (cached) return this.read(cached, header.schemaId, header.payload);
    return this.typeFor(header.schemaId).then((type) => this.read(type, header.schemaId, header.payload));
  }

  private read(type: AvroType, schemaId: number, payload: Buffer): DecodedValue {
    let value: unknown;
    try {
      value = type.fromBuffer(payload);
    } catch (error) {
      throw new ProcessingError('UNDECODABLE_PAYLOAD', `schema ${schemaId}: ${(error as Error).message}`, { cause: error });
    }
    return { eventType: shortName(type.name), value, eventId: envelopeEventId(value) };
  }

  private typeFor(schemaId: number): Promise<AvroType> {
    let type = this.types.get(schemaId);
    if (!type) {
      type = this.fetchType(schemaId);
      this.types.set(schemaId, type);
      type.then(
        (resolved) => this.ready.set(schemaId, resolved),
        () => this.types.delete(schemaId),
      );
    }
    return type;
  }

  private async fetchType(schemaId: number): Promise<AvroType> {
    try {
      return (await this.registry.getSchema(schemaId)) as unknown as AvroType;
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (status === 404) {
        throw new ProcessingError('UNKNOWN_SCHEMA', `schema id ${schemaId} is not in the registry`, { cause: error });
      }
      throw new ProcessingError('REGISTRY_UNAVAILABLE', `could not fetch schema ${schemaId}: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }
}
