import {
  fullNameOf,
  isNamedSchema,
  namespaceOf,
  PRIMITIVE_TYPES,
  type AvroObjectJson,
  type AvroSchemaJson,
  type NamedSchemaJson,
} from '../schema/avro-json';

type Resolved = { readonly schema: AvroSchemaJson; readonly namespace: string | undefined };

/**
 * Explains, in words, why a proposed schema cannot replace a registered one under FULL
 * compatibility (new readers read old data, and old readers read new data). The registry gives
 * the verdict; this only names the fields, symbols or types that changed. Pure.
 */
export function explainIncompatibility(registered: AvroSchemaJson, proposed: AvroSchemaJson): string[] {
  const before = indexNamedTypes(registered);
  const after = indexNamedTypes(proposed);
  const reasons: string[] = [];
  const seen = new Set<string>();

  const compare = (path: string, old: Resolved, next: Resolved): void => {
    const a = resolve(old, before);
    const b = resolve(next, after);
    if (isNamedSchema(a.schema) && isNamedSchema(b.schema)) {
      const key = `${path}:${a.schema.name}`;
      if (seen.has(key)) return;
      seen.add(key);
      if (a.schema.type === 'record' && b.schema.type === 'record') return compareRecords(path, a, b);
      if (a.schema.type === 'enum' && b.schema.type === 'enum') return compareEnums(path, a.schema, b.schema);
    }
    const oldObject = asObject(a.schema);
    const newObject = asObject(b.schema);
    if (oldObject?.type === 'array' && newObject?.type === 'array') {
      return compare(`${path}[]`, { schema: oldObject.items ?? 'null', namespace: a.namespace }, { schema: newObject.items ?? 'null', namespace: b.namespace });
    }
    if (oldObject?.type === 'map' && newObject?.type === 'map') {
      return compare(`${path}{}`, { schema: oldObject.values ?? 'null', namespace: a.namespace }, { schema: newObject.values ?? 'null', namespace: b.namespace });
    }
    const was = signature(a.schema, a.namespace);
    const is = signature(b.schema, b.namespace);
    if (was !== is) reasons.push(`${path} changed type from ${was} to ${is}`);
  };

  const compareRecords = (path: string, a: Resolved, b: Resolved): void => {
    const oldFields = (a.schema as NamedSchemaJson).fields ?? [];
    const newFields = (b.schema as NamedSchemaJson).fields ?? [];
    const at = (name: string): string => (path === '' ? name : `${path}.${name}`);
    for (const field of oldFields) {
      const match = newFields.find((candidate) => candidate.name === field.name);
      if (match === undefined) {
        if (!('default' in field)) {
          reasons.push(`required field ${at(field.name)} was removed: consumers of the registered schema cannot read new events (give it a default first, or keep it)`);
        }
        continue;
      }
      compare(at(field.name), { schema: field.type, namespace: a.namespace }, { schema: match.type, namespace: b.namespace });
    }
    for (const field of newFields) {
      if (!oldFields.some((candidate) => candidate.name === field.name) && !('default' in field)) {
        reasons.push(`field ${at(field.name)} was added without a default: the new schema cannot read events already written (add a default)`);
      }
    }
  };

  const compareEnums = (path: string, a: NamedSchemaJson, b: NamedSchemaJson): void => {
    const removed = (a.symbols ?? []).filter((symbol) => !(b.symbols ?? []).includes(symbol));
    const added = (b.symbols ?? []).filter((symbol) => !(a.symbols ?? []).includes(symbol));
    if (removed.length > 0 && b.default === undefined) {
      reasons.push(`${path || a.name}: symbols ${removed.join(', ')} were removed and ${b.name} has no default symbol`);
    }
    if (added.length > 0 && a.default === undefined) {
      reasons.push(`${path || a.name}: symbols ${added.join(', ')} were added but the registered ${a.name} has no default symbol`);
    }
  };

  compare('', { schema: registered, namespace: undefined }, { schema: proposed, namespace: undefined });
  return reasons;
}

function asObject(schema: AvroSchemaJson): AvroObjectJson | undefined {
  return typeof schema === 'object' && !Array.isArray(schema) ? (schema as AvroObjectJson) : undefined;
}

function resolve(resolved: Resolved, index: ReadonlyMap<string, Resolved>): Resolved {
  const { schema, namespace } = resolved;
  if (typeof schema === 'string' && !PRIMITIVE_TYPES.has(schema)) return index.get(fullNameOf(schema, namespace)) ?? resolved;
  if (isNamedSchema(schema)) return { schema, namespace: namespaceOf(schema, namespace) };
  return resolved;
}

function signature(schema: AvroSchemaJson, namespace: string | undefined): string {
  if (typeof schema === 'string') return schema;
  if (Array.isArray(schema)) return schema.map((branch: AvroSchemaJson) => signature(branch, namespace)).join(' | ');
  const object = schema as AvroObjectJson;
  if (isNamedSchema(object)) return object.name;
  if (object.logicalType === 'decimal') return `decimal(${object.precision},${object.scale ?? 0})`;
  if (object.logicalType !== undefined) return object.logicalType;
  if (object.type === 'array') return `array<${signature(object.items ?? 'null', namespace)}>`;
  if (object.type === 'map') return `map<${signature(object.values ?? 'null', namespace)}>`;
  return signature(object.type, namespace);
}

function indexNamedTypes(schema: AvroSchemaJson): ReadonlyMap<string, Resolved> {
  const index = new Map<string, Resolved>();
  const visit = (node: AvroSchemaJson, namespace: string | undefined): void => {
    if (typeof node === 'string') return;
    if (Array.isArray(node)) return node.forEach((branch: AvroSchemaJson) => visit(branch, namespace));
    const object = node as AvroObjectJson;
    if (isNamedSchema(object)) {
      const own = namespaceOf(object, namespace);
      index.set(fullNameOf(object.name, own), { schema: object, namespace: own });
      for (const field of object.fields ?? []) visit(field.type, own);
      return;
    }
    if (object.items !== undefined) visit(object.items, namespace);
    if (object.values !== undefined) visit(object.values, namespace);
    if (typeof object.type !== 'string') visit(object.type, namespace);
  };
  visit(schema, undefined);
  return index;
}
