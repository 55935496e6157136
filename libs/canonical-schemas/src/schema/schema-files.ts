import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { fullNameOf, isNamedSchema, type NamedSchemaJson } from './avro-json';
import { SchemaError } from './schema-error';

/** libs/canonical-schemas/schemas, found the same way from src/ (tests) and dist/ (runtime). */
export const SCHEMAS_DIR = resolve(__dirname, '../../schemas');

/** The .avsc sources: shared named types and one file per event, each keyed by full name. */
export interface SchemaSources {
  readonly types: ReadonlyMap<string, NamedSchemaJson>;
  readonly events: ReadonlyMap<string, NamedSchemaJson>;
}

/** Reads schemas/types/*.avsc and schemas/events/*.avsc; each file holds one named type named like the file. */
export function readSchemaSources(dir: string = SCHEMAS_DIR): SchemaSources {
  return { types: readFolder(dir, 'types'), events: readFolder(dir, 'events') };
}

function readFolder(dir: string, folder: string): ReadonlyMap<string, NamedSchemaJson> {
  const byName = new Map<string, NamedSchemaJson>();
  const files = listAvsc(join(dir, folder));
  for (const file of files) {
    const schema = readAvsc(file, dir);
    byName.set(fullNameOf(schema.name, schema.namespace), schema);
  }
  return byName;
}

function listAvsc(folder: string): string[] {
  try {
    return readdirSync(folder)
      .filter((name) => name.endsWith('.avsc'))
      .sort()
      .map((name) => join(folder, name));
  } catch (cause) {
    throw new SchemaError('UNREADABLE_FILE', `cannot list the schema folder ${folder}`, { cause });
  }
}

function readAvsc(file: string, dir: string): NamedSchemaJson {
  const shown = relative(dir, file);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new SchemaError('NOT_JSON', `${shown} is not valid JSON: ${(cause as Error).message}`, { cause });
  }
  if (!isNamedSchema(parsed as NamedSchemaJson)) {
    throw new SchemaError('MISNAMED_FILE', `${shown} must hold one named record, enum or fixed`);
  }
  const schema = parsed as NamedSchemaJson;
  if (basename(file, '.avsc') !== schema.name) {
    throw new SchemaError('MISNAMED_FILE', `${shown} defines "${schema.name}"; name the file ${schema.name}.avsc`);
  }
  return schema;
}
