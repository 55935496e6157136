import {
  fullNameOf,
  isNamedSchema,
  namespaceOf,
  PRIMITIVE_TYPES,
  type AvroFieldJson,
  type AvroObjectJson,
  type AvroSchemaJson,
  type NamedSchemaJson,
} from './avro-json';
import { SchemaError } from './schema-error';

/**
 * Makes an event schema self-contained for registration: each shared named type it refers to
 * is inlined where it is first used, later uses stay references by name (as Avro requires).
 */
export function composeSchema(root: NamedSchemaJson, namedTypes: ReadonlyMap<string, NamedSchemaJson>): AvroSchemaJson {
  const defined = new Set<string>();

  const visit = (schema: AvroSchemaJson, namespace: string | undefined): AvroSchemaJson => {
    if (typeof schema === 'string') return visitReference(schema, namespace);
    if (Array.isArray(schema)) return schema.map((branch: AvroSchemaJson) => visit(branch, namespace));
    const object = schema as AvroObjectJson;
    if (isNamedSchema(object)) return visitNamed(object, namespace);
    if (object.type === 'array' && object.items !== undefined) return { ...object, items: visit(object.items, namespace) };
    if (object.type === 'map' && object.values !== undefined) return { ...object, values: visit(object.values, namespace) };
    return object;
  };

  const visitReference = (name: string, namespace: string | undefined): AvroSchemaJson => {
    if (PRIMITIVE_TYPES.has(name)) return name;
    const fullName = fullNameOf(name, namespace);
    if (defined.has(fullName)) return name;
    const definition = namedTypes.get(fullName);
    if (definition === undefined) {
      throw new SchemaError('UNDEFINED_TYPE', `${root.name} refers to ${fullName}, which no schemas/types/*.avsc file defines`);
    }
    return visitNamed(definition, namespace);
  };

  const visitNamed = (schema: NamedSchemaJson, enclosing: string | undefined): AvroSchemaJson => {
    const fullName = fullNameOf(schema.name, namespaceOf(schema, enclosing));
    if (defined.has(fullName)) {
      throw new SchemaError('DUPLICATE_TYPE', `${root.name} defines ${fullName} more than once`);
    }
    defined.add(fullName);
    const namespace = namespaceOf(schema, enclosing);
    if (schema.type !== 'record' || schema.fields === undefined) return schema;
    const fields = schema.fields.map((field): AvroFieldJson => ({ ...field, type: visit(field.type, namespace) }));
    return { ...schema, fields };
  };

  return visit(root, undefined);
}

/** Every type name a schema uses: primitives, references and named types, in order of appearance. */
export function typeNamesIn(schema: AvroSchemaJson): string[] {
  if (typeof schema === 'string') return [schema];
  if (Array.isArray(schema)) return schema.flatMap((branch: AvroSchemaJson) => typeNamesIn(branch));
  const object = schema as AvroObjectJson;
  const own = typeof object.type === 'string' ? [object.type] : typeNamesIn(object.type);
  const fields = (object.fields ?? []).flatMap((field) => typeNamesIn(field.type));
  const items = object.items === undefined ? [] : typeNamesIn(object.items);
  const values = object.values === undefined ? [] : typeNamesIn(object.values);
  return [...own, ...fields, ...items, ...values];
}
