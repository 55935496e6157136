/** Avro schema JSON as written in .avsc files. */
export type AvroSchemaJson = string | readonly AvroSchemaJson[] | AvroObjectJson;

export interface AvroFieldJson {
  readonly name: string;
  readonly type: AvroSchemaJson;
  readonly doc?: string;
  readonly default?: unknown;
}

export interface AvroObjectJson {
  readonly type: AvroSchemaJson;
  readonly name?: string;
  readonly namespace?: string;
  readonly doc?: string;
  readonly fields?: readonly AvroFieldJson[];
  readonly symbols?: readonly string[];
  readonly default?: unknown;
  readonly items?: AvroSchemaJson;
  readonly values?: AvroSchemaJson;
  readonly logicalType?: string;
  readonly precision?: number;
  readonly scale?: number;
  readonly [attribute: string]: unknown;
}

/** A record, enum or fixed: a type with a name. */
export interface NamedSchemaJson extends AvroObjectJson {
  readonly type: 'record' | 'enum' | 'fixed';
  readonly name: string;
}

export const CANONICAL_NAMESPACE = 'io.procurelink.p2p.v1';

export const PRIMITIVE_TYPES: ReadonlySet<string> = new Set([
  'null',
  'boolean',
  'int',
  'long',
  'float',
  'double',
  'bytes',
  'string',
]);

export function isNamedSchema(schema: AvroSchemaJson): schema is NamedSchemaJson {
  return (
    typeof schema === 'object' &&
    !Array.isArray(schema) &&
    typeof (schema as AvroObjectJson).name === 'string' &&
    ['record', 'enum', 'fixed'].includes((schema as AvroObjectJson).type as string)
  );
}

/** The full name of a named type or a reference, resolved against the enclosing namespace. */
export function fullNameOf(name: string, enclosingNamespace: string | undefined): string {
  if (name.includes('.') || enclosingNamespace === undefined || enclosingNamespace === '') return name;
  return `${enclosingNamespace}.${name}`;
}

export function namespaceOf(schema: NamedSchemaJson, enclosingNamespace: string | undefined): string | undefined {
  if (schema.name.includes('.')) return schema.name.slice(0, schema.name.lastIndexOf('.'));
  return schema.namespace ?? enclosingNamespace;
}
