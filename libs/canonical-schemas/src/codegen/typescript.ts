import type { CatalogueEntry } from '../catalogue/catalogue';
import {
  fullNameOf,
  isNamedSchema,
  namespaceOf,
  type AvroObjectJson,
  type AvroSchemaJson,
  type NamedSchemaJson,
} from '../schema/avro-json';
import { SchemaError } from '../schema/schema-error';

const HEADER = `// Generated from libs/canonical-schemas/schemas by \`npm run schemas:generate\`. Do not edit:
// a unit test fails when this file and the .avsc files disagree.
import type { Decimal } from '../decimal/decimal';

/** An Avro \`date\`: a calendar date "YYYY-MM-DD" with no time zone. */
export type CalendarDate = string;
`;

const PRIMITIVES: Readonly<Record<string, string>> = {
  null: 'null',
  boolean: 'boolean',
  int: 'number',
  long: 'number',
  float: 'number',
  double: 'number',
  bytes: 'Buffer',
  string: 'string',
};

const LOGICAL: Readonly<Record<string, string>> = { decimal: 'Decimal', 'timestamp-millis': 'Date', date: 'CalendarDate' };

/**
 * TypeScript declarations for every record and enum the catalogue's schemas use (interfaces,
 * string-literal unions, Decimal for decimals, Date for timestamps) and a map of event type to
 * event interface. Pure and deterministic, so a test can compare it with the committed file.
 */
export function generateTypeScript(catalogue: readonly CatalogueEntry[]): string {
  const named = collectNamedTypes(catalogue);
  const declarations = [...named.values()]
    .sort((a, b) => a.schema.name.localeCompare(b.schema.name))
    .map(({ schema, namespace }) => declare(schema, namespace));
  const eventMap = [
    '/** Every canonical event interface by its event type. */',
    'export interface CanonicalEventMap {',
    ...catalogue.map((entry) => `  readonly ${entry.eventType}: ${entry.eventType};`),
    '}',
    '',
    '/** Any canonical event. */',
    'export type CanonicalEvent = CanonicalEventMap[keyof CanonicalEventMap];',
  ].join('\n');
  return `${[HEADER, ...declarations, eventMap].join('\n')}\n`;
}

interface NamedType {
  readonly schema: NamedSchemaJson;
  readonly namespace: string | undefined;
}

function collectNamedTypes(catalogue: readonly CatalogueEntry[]): Map<string, NamedType> {
  const found = new Map<string, NamedType>();
  const visit = (schema: AvroSchemaJson, namespace: string | undefined): void => {
    if (typeof schema === 'string') return;
    if (Array.isArray(schema)) return schema.forEach((branch: AvroSchemaJson) => visit(branch, namespace));
    const object = schema as AvroObjectJson;
    if (isNamedSchema(object)) {
      const own = namespaceOf(object, namespace);
      const fullName = fullNameOf(object.name, own);
      const clash = [...found.entries()].find(([name, type]) => type.schema.name === object.name && name !== fullName);
      if (clash !== undefined) {
        throw new SchemaError('DUPLICATE_TYPE', `${fullName} and ${clash[0]} would both become the TypeScript type ${object.name}`);
      }
      found.set(fullName, { schema: object, namespace: own });
      for (const field of object.fields ?? []) visit(field.type, own);
      return;
    }
    if (object.items !== undefined) visit(object.items, namespace);
    if (object.values !== undefined) visit(object.values, namespace);
  };
  for (const entry of catalogue) visit(entry.schema, undefined);
  return found;
}

function declare(schema: NamedSchemaJson, namespace: string | undefined): string {
  const doc = docComment(schema.doc, '');
  if (schema.type === 'enum') {
    const symbols = (schema.symbols ?? []).map((symbol) => `  | '${symbol}'`).join('\n');
    return `${doc}export type ${schema.name} =\n${symbols};\n`;
  }
  if (schema.type === 'fixed') return `${doc}export type ${schema.name} = Buffer;\n`;
  const fields = (schema.fields ?? []).map(
    (field) => `${docComment(field.doc, '  ')}  readonly ${field.name}: ${typeOf(field.type, namespace)};`,
  );
  return `${doc}export interface ${schema.name} {\n${fields.join('\n')}\n}\n`;
}

function typeOf(schema: AvroSchemaJson, namespace: string | undefined): string {
  if (typeof schema === 'string') return PRIMITIVES[schema] ?? shortName(schema);
  if (Array.isArray(schema)) {
    const branches = schema.map((branch: AvroSchemaJson) => typeOf(branch, namespace));
    return [...branches.filter((b) => b !== 'null'), ...branches.filter((b) => b === 'null')].join(' | ');
  }
  const object = schema as AvroObjectJson;
  if (isNamedSchema(object)) return object.name;
  const logical = object.logicalType === undefined ? undefined : LOGICAL[object.logicalType];
  if (logical !== undefined) return logical;
  if (object.type === 'array') return `readonly ${wrap(typeOf(object.items ?? 'null', namespace))}[]`;
  if (object.type === 'map') return `Readonly<Record<string, ${typeOf(object.values ?? 'null', namespace)}>>`;
  return typeOf(object.type, namespace);
}

function wrap(type: string): string {
  return type.includes(' ') ? `(${type})` : type;
}

function shortName(fullName: string): string {
  return fullName.slice(fullName.lastIndexOf('.') + 1);
}

function docComment(doc: string | undefined, indent: string): string {
  return doc === undefined ? '' : `${indent}/** ${doc.replace(/\*\//g, '* /')} */\n`;
}
