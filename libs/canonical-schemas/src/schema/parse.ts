import avro from 'avsc';
import { avroLogicalTypes } from '../avro/logical-types';
import type { AvroSchemaJson } from './avro-json';
import { SchemaError } from './schema-error';

/** Parses a schema with avsc and the canonical logical types; an invalid schema is a SchemaError naming it. */
export function parseAvroSchema(schema: AvroSchemaJson, label: string): avro.Type {
  try {
    return avro.Type.forSchema(schema as avro.Schema, { logicalTypes: avroLogicalTypes, assertLogicalTypes: true });
  } catch (cause) {
    throw new SchemaError('INVALID_AVRO', `${label} is not a valid Avro schema: ${(cause as Error).message}`, { cause });
  }
}
