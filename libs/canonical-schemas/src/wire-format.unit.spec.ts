import { readWireHeader, writeWireHeader } from './wire-format';

describe('the Confluent wire format', () => {
  it('when a header is written and read back › yields the same schema id and payload', () => {
    const framed = writeWireHeader(4_000_000_001, Buffer.from([1, 2, 3]));
    const header = readWireHeader(framed);
    expect(header).toEqual({ ok: true, schemaId: 4_000_000_001, payload: Buffer.from([1, 2, 3]) });
  });

  it('when the record has no value › reports EMPTY', () => {
    expect(readWireHeader(null)).toMatchObject({ ok: false, problem: 'EMPTY' });
    expect(readWireHeader(Buffer.alloc(0))).toMatchObject({ ok: false, problem: 'EMPTY' });
  });

  it('when the value is shorter than the header › reports TOO_SHORT with the length', () => {
    expect(readWireHeader(Buffer.from([0, 0, 1]))).toEqual({
      ok: false,
      problem: 'TOO_SHORT',
      detail: '3 bytes is shorter than the 5-byte header',
    });
  });

  it('when the first byte is not 0 › reports BAD_MAGIC_BYTE (e.g. plain JSON on an Avro topic)', () => {
    expect(readWireHeader(Buffer.from('{"po":"1"}'))).toMatchObject({ ok: false, problem: 'BAD_MAGIC_BYTE' });
  });
});
