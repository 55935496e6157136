import type { NamedSchemaJson } from './avro-json';
import { composeSchema } from './compose';
import { parseAvroSchema } from './parse';

const ns = 'io.example.v1';
const money: NamedSchemaJson = {
  type: 'record',
  name: 'Money',
  namespace: ns,
  fields: [
    { name: 'amount', type: { type: 'bytes', logicalType: 'decimal', precision: 18, scale: 4 } },
    { name: 'currency', type: 'string' },
  ],
};
const line: NamedSchemaJson = {
  type: 'record',
  name: 'Line',
  namespace: ns,
  fields: [
    { name: 'price', type: 'Money' },
    { name: 'status', type: 'Status' },
  ],
};
const status: NamedSchemaJson = { type: 'enum', name: 'Status', namespace: ns, symbols: ['OPEN', 'OTHER'], default: 'OTHER' };
const types = new Map([money, line, status].map((schema) => [`${ns}.${schema.name}`, schema]));

const event: NamedSchemaJson = {
  type: 'record',
  name: 'ThingHappened',
  namespace: ns,
  fields: [
    { name: 'total', type: 'Money' },
    { name: 'lines', type: { type: 'array', items: 'Line' } },
    { name: 'discount', type: ['null', 'io.example.v1.Money'], default: null },
  ],
};

describe('composing an event schema from shared named types', () => {
  const composed = composeSchema(event, types);
  const fields = (composed as NamedSchemaJson).fields ?? [];

  it('when a shared type is first used › inlines its definition there', () => {
    expect(fields[0]).toEqual({ name: 'total', type: money });
  });

  it('when a shared type is used again › refers to it by name', () => {
    expect(fields[1]?.type).toEqual({
      type: 'array',
      items: { ...line, fields: [{ name: 'price', type: 'Money' }, { name: 'status', type: status }] },
    });
    expect(fields[2]?.type).toEqual(['null', 'io.example.v1.Money']);
  });

  it('› yields a self-contained schema that avsc parses', () => {
    const type = parseAvroSchema(composed, 'ThingHappened');
    expect(type.name).toBe('io.example.v1.ThingHappened');
  });

  it('› leaves its inputs untouched', () => {
    expect(event.fields?.[0]?.type).toBe('Money');
  });

  it('when a type is not defined by any file › fails naming the event and the missing type', () => {
    const broken: NamedSchemaJson = { ...event, fields: [{ name: 'x', type: 'Nowhere' }] };
    expect(() => composeSchema(broken, types)).toThrow(
      expect.objectContaining({ code: 'UNDEFINED_TYPE', message: expect.stringContaining('ThingHappened refers to io.example.v1.Nowhere') }),
    );
  });

  it('when a composed schema is not valid Avro › parsing fails with a SchemaError naming it', () => {
    expect(() => parseAvroSchema({ type: 'record', name: 'Bad', fields: [{ name: 'x', type: 'float32' }] }, 'Bad.avsc')).toThrow(
      expect.objectContaining({ code: 'INVALID_AVRO', message: expect.stringContaining('Bad.avsc is not a valid Avro schema') }),
    );
  });
});
