import { Decimal } from '@procurelink/canonical-schemas';
import type { DecodedValue, RecordDecoder } from '@procurelink/messaging';
import { readDeadLetterValue, toPlain } from './read-value';

const avroThat = (answer: () => DecodedValue): RecordDecoder => ({ decode: () => answer() });
const never = avroThat(() => {
  throw new Error('should not be asked');
});

describe('reading a dead letter value', () => {
  it('JSON › parsed', async () => {
    expect(await readDeadLetterValue(Buffer.from('{"a":1}'), never)).toEqual({ format: 'json', value: { a: 1 } });
  });

  it('wire-format Avro › decoded, with decimals and times made plain', async () => {
    const avro = avroThat(() => ({ eventType: 'X', eventId: undefined, value: { amount: Decimal.parse('1.50'), at: new Date('2026-01-01T00:00:00Z') } }));
    expect(await readDeadLetterValue(Buffer.from([0, 0, 0, 0, 1, 2]), avro)).toEqual({ format: 'avro', eventType: 'X', value: { amount: '1.50', at: '2026-01-01T00:00:00.000Z' } });
  });

  it('Avro that fails, broken JSON, or nothing › bytes or empty with a note, never a throw', async () => {
    const failing = avroThat(() => {
      throw new Error('schema id 9 is not in the registry');
    });
    expect(await readDeadLetterValue(Buffer.from([0, 0, 0, 0, 9, 1]), failing)).toEqual({ format: 'bytes', note: expect.stringContaining('schema id 9') });
    expect(await readDeadLetterValue(Buffer.from('{"broken'), never)).toMatchObject({ format: 'bytes' });
    expect(await readDeadLetterValue(null, never)).toMatchObject({ format: 'empty' });
  });

  it('toPlain keeps plain objects and arrays', () => {
    expect(toPlain({ a: [1, { b: 'c' }], d: null })).toEqual({ a: [1, { b: 'c' }], d: null });
  });
});
