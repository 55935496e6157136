import type { AvroFieldJson, AvroSchemaJson } from '../schema/avro-json';
import { explainIncompatibility } from './explain-incompatibility';

const record = (fields: AvroFieldJson[]): AvroSchemaJson => ({ type: 'record', name: 'Paid', namespace: 'io.x', fields });
const envelope = (fields: AvroFieldJson[]): AvroFieldJson => ({ name: 'envelope', type: { type: 'record', name: 'Envelope', fields } });
const base: AvroFieldJson[] = [envelope([{ name: 'eventId', type: 'string' }, { name: 'tenant', type: 'string' }]), { name: 'paymentId', type: 'string' }];

describe('explaining why a schema change is incompatible', () => {
  it('when nothing relevant changed › finds no reason', () => {
    expect(explainIncompatibility(record(base), record(base))).toEqual([]);
  });

  it('when a required field is removed › names it, even nested', () => {
    const proposed = record([envelope([{ name: 'eventId', type: 'string' }]), { name: 'paymentId', type: 'string' }]);
    expect(explainIncompatibility(record(base), proposed)).toEqual([expect.stringMatching(/^required field envelope\.tenant was removed/)]);
  });

  it('when a field with a default is removed › is not a reason', () => {
    const registered = record([...base, { name: 'note', type: ['null', 'string'], default: null }]);
    expect(explainIncompatibility(registered, record(base))).toEqual([]);
  });

  it('when a field is added without a default › names it', () => {
    expect(explainIncompatibility(record(base), record([...base, { name: 'amount', type: 'string' }]))).toEqual([
      expect.stringMatching(/^field amount was added without a default/),
    ]);
  });

  it('when a field changes type › names both types', () => {
    const proposed = record([...base.slice(0, 1), { name: 'paymentId', type: 'long' }]);
    expect(explainIncompatibility(record(base), proposed)).toEqual(['paymentId changed type from string to long']);
  });

  it('when a decimal changes scale › shows precision and scale', () => {
    const dec = (scale: number): AvroSchemaJson => ({ type: 'bytes', logicalType: 'decimal', precision: 18, scale });
    expect(explainIncompatibility(record([{ name: 'amount', type: dec(4) }]), record([{ name: 'amount', type: dec(2) }]))).toEqual([
      'amount changed type from decimal(18,4) to decimal(18,2)',
    ]);
  });

  it('when enum symbols are added to an enum without a default › says old readers cannot read them', () => {
    const en = (symbols: string[]): AvroSchemaJson => ({ type: 'enum', name: 'Reason', symbols });
    expect(explainIncompatibility(record([{ name: 'r', type: en(['A']) }]), record([{ name: 'r', type: en(['A', 'B']) }]))).toEqual([
      'r: symbols B were added but the registered Reason has no default symbol',
    ]);
  });

  it('when a named type is referenced rather than inlined › follows the reference', () => {
    const money = { type: 'record', name: 'Money', fields: [{ name: 'amount', type: 'string' }, { name: 'currency', type: 'string' }] };
    const registered = record([{ name: 'a', type: money as AvroSchemaJson }, { name: 'b', type: 'Money' }]);
    const proposed = record([
      { name: 'a', type: { ...money, fields: [{ name: 'amount', type: 'string' }] } as AvroSchemaJson },
      { name: 'b', type: 'Money' },
    ]);
    expect(explainIncompatibility(registered, proposed)).toEqual([
      expect.stringMatching(/^required field a\.currency was removed/),
      expect.stringMatching(/^required field b\.currency was removed/),
    ]);
  });
});
