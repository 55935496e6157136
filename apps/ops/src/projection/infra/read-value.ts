import type { RecordDecoder } from '@procurelink/messaging';
import type { ReadableValue } from '../domain/dead-letter-projection';

/**
 * Reads a dead letter's bytes for people: JSON, else Confluent wire-format Avro through the
 * registry (canonical logical types made plain: decimals as strings, times as ISO), else only
 * bytes with a note saying why. Never throws.
 */
export async function readDeadLetterValue(bytes: Buffer | null, avro: RecordDecoder): Promise<ReadableValue> {
  if (bytes === null || bytes.length === 0) return { format: 'empty', note: 'the record has no value' };
  const json = tryJson(bytes);
  if (json !== undefined) return { format: 'json', value: json.value };
  if (bytes[0] !== 0 || bytes.length < 5) return { format: 'bytes', note: `not JSON or Avro (${bytes.length} bytes)` };
  try {
    const decoded = await avro.decode({ topic: '', partition: 0, offset: '0', timestamp: '0', key: null, value: bytes, headers: {} });
    return { format: 'avro', eventType: decoded.eventType, value: toPlain(decoded.value) };
  } catch (error) {
    return { format: 'bytes', note: `Avro that could not be decoded (${bytes.length} bytes): ${(error as Error).message}` };
  }
}

function tryJson(bytes: Buffer): { value: unknown } | undefined {
  const text = bytes.toString('utf8');
  if (!/^\s*[[{"]/.test(text)) return undefined;
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

/** Decoded Avro → JSON-safe data: Date → ISO string, Buffer → base64, objects with their own toString (Decimal) → string. */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return value.toString('base64');
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value) as object | null;
    if (proto !== Object.prototype && proto !== null && typeof (value as { toString?: unknown }).toString === 'function' && (value as object).toString !== Object.prototype.toString) {
      return String(value);
    }
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, inner]) => [key, toPlain(inner)]));
  }
  return value;
}
