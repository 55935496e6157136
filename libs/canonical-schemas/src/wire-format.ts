/**
 * The Confluent wire format every canonical record uses on Kafka:
 *   byte 0      magic byte, always 0
 *   bytes 1..4  schema id in the registry, big-endian unsigned
 *   bytes 5..   the Avro binary encoding of the value
 */
export const MAGIC_BYTE = 0;
export const HEADER_LENGTH = 5;

export type WireFormatProblem = 'EMPTY' | 'TOO_SHORT' | 'BAD_MAGIC_BYTE';

export type WireHeader =
  | { readonly ok: true; readonly schemaId: number; readonly payload: Buffer }
  | { readonly ok: false; readonly problem: WireFormatProblem; readonly detail: string };

/** Reads the header without decoding the payload; a malformed record is described, never thrown. */
export function readWireHeader(value: Buffer | null): WireHeader {
  if (value === null || value.length === 0) {
    return { ok: false, problem: 'EMPTY', detail: 'the record has no value' };
  }
  if (value.length < HEADER_LENGTH) {
    return { ok: false, problem: 'TOO_SHORT', detail: `${value.length} bytes is shorter than the 5-byte header` };
  }
  if (value[0] !== MAGIC_BYTE) {
    return { ok: false, problem: 'BAD_MAGIC_BYTE', detail: `magic byte is ${value[0]}, expected ${MAGIC_BYTE}` };
  }
  return { ok: true, schemaId: value.readUInt32BE(1), payload: value.subarray(HEADER_LENGTH) };
}

/** Prefixes an Avro payload with the header for a schema id. */
export function writeWireHeader(schemaId: number, payload: Buffer): Buffer {
  const header = Buffer.alloc(HEADER_LENGTH);
  header.writeUInt8(MAGIC_BYTE, 0);
  header.writeUInt32BE(schemaId, 1);
  return Buffer.concat([header, payload]);
}
