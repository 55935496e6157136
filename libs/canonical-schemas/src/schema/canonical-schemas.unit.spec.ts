import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CANONICAL_NAMESPACE, type AvroObjectJson, type AvroSchemaJson, type NamedSchemaJson } from './avro-json';
import { typeNamesIn } from './compose';
import { SCHEMAS_DIR } from './schema-files';

const avscFiles = ['types', 'events'].flatMap((folder) =>
  readdirSync(join(SCHEMAS_DIR, folder))
    .filter((name) => name.endsWith('.avsc'))
    .map((name) => ({ file: `${folder}/${name}`, schema: JSON.parse(readFileSync(join(SCHEMAS_DIR, folder, name), 'utf8')) as NamedSchemaJson })),
);
const events = avscFiles.filter(({ file }) => file.startsWith('events/'));

/** Every decimal (bytes + logicalType decimal) anywhere in a schema. */
function decimalsIn(schema: AvroSchemaJson): AvroObjectJson[] {
  if (typeof schema === 'string') return [];
  if (Array.isArray(schema)) return schema.flatMap((branch: AvroSchemaJson) => decimalsIn(branch));
  const object = schema as AvroObjectJson;
  const own = object.logicalType === 'decimal' ? [object] : [];
  return [
    ...own,
    ...(object.fields ?? []).flatMap((field) => decimalsIn(field.type)),
    ...(object.items === undefined ? [] : decimalsIn(object.items)),
  ];
}

describe('the canonical .avsc files', () => {
  it('› exist: shared types and one file per event', () => {
    expect(avscFiles.length).toBeGreaterThan(20);
    expect(events).toHaveLength(14);
  });

  it.each(avscFiles.map(({ file, schema }) => [file, schema] as const))(
    '%s › uses no float or double anywhere: money and quantities are decimals',
    (_file, schema) => {
      const floating = typeNamesIn(schema).filter((name) => name === 'float' || name === 'double');
      expect(floating).toEqual([]);
    },
  );

  it.each(avscFiles.map(({ file, schema }) => [file, schema] as const))(
    '%s › lives in the canonical namespace and is named like its file',
    (file, schema) => {
      expect(schema.namespace).toBe(CANONICAL_NAMESPACE);
      expect(file).toMatch(new RegExp(`/${schema.name}\\.avsc$`));
    },
  );

  it.each(events.map(({ file, schema }) => [file, schema] as const))(
    '%s › is a record whose first field is the envelope',
    (_file, schema) => {
      expect(schema.type).toBe('record');
      expect(schema.fields?.[0]).toMatchObject({ name: 'envelope', type: 'Envelope' });
    },
  );

  it.each(events.map(({ file, schema }) => [file, schema] as const))(
    '%s › is named in the past tense',
    (_file, schema) => {
      expect(schema.name).toMatch(/(ed|Exception)$/);
    },
  );

  it('› give every decimal an explicit precision and a scale of at most 4', () => {
    const all = avscFiles.flatMap(({ schema }) => decimalsIn(schema));
    expect(all.length).toBeGreaterThan(0);
    for (const decimal of all) {
      expect(decimal).toMatchObject({ type: 'bytes', precision: expect.any(Number), scale: expect.any(Number) });
      expect(decimal.scale).toBeLessThanOrEqual(4);
    }
  });

  it('› give every enum a default symbol, so new symbols can be added later', () => {
    const enums = avscFiles.filter(({ schema }) => schema.type === 'enum');
    expect(enums.map(({ schema }) => schema.name)).toEqual(
      expect.arrayContaining(['InvoiceExceptionReason', 'PaymentMethod', 'SupplierStatus']),
    );
    for (const { schema } of enums) expect(schema.symbols).toContain(schema.default);
  });

  it('› keep the InvoiceExceptionReason symbols the invoice flow relies on', () => {
    const reason = avscFiles.find(({ schema }) => schema.name === 'InvoiceExceptionReason')?.schema;
    expect(reason?.symbols).toEqual(
      expect.arrayContaining([
        'PRICE_VARIANCE',
        'QUANTITY_VARIANCE',
        'NO_RECEIPT',
        'UNKNOWN_PO',
        'DUPLICATE',
        'NEAR_DUPLICATE',
        'INACTIVE_SUPPLIER',
        'CLOSED_PO',
        'CURRENCY_MISMATCH',
        'SUPPLIER_ON_HOLD',
        'INVALID_INVOICE',
      ]),
    );
  });

  it('› never hold a clear tax id or bank account number: only tokens and masked values', () => {
    const fieldNames = avscFiles.flatMap(({ schema }) => (schema.fields ?? []).map((field) => field.name));
    expect(fieldNames).not.toEqual(expect.arrayContaining(['accountNumberClear', 'iban', 'taxIdNumber', 'routingNumber']));
    const bank = avscFiles.find(({ schema }) => schema.name === 'BankAccountRef')?.schema;
    expect(bank?.fields?.map((field) => field.name)).toEqual(['token', 'maskedNumber', 'bankCountry']);
  });
});
