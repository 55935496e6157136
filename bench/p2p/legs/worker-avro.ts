/** What the (b) and (c) worker processes share: their environment and one Avro decode → encode. */
import { SchemaRegistry } from '@kafkajs/confluent-schema-registry';

interface AvroType {
  fromBuffer(buffer: Buffer): unknown;
  toBuffer(value: unknown): Buffer;
}

/** A BENCH_* variable the leg was started with; missing is a mistake in the harness. */
export function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

/**
 * Decodes a Confluent-framed Avro value with its writer schema (fetched once per id from the
 * registry) and encodes it again under the same id: the work every leg does per record.
 */
export function avroReencoder(registryHost: string): (value: Buffer) => Promise<Buffer> {
  const registry = new SchemaRegistry({ host: registryHost });
  const types = new Map<number, AvroType>();
  return async (value) => {
    const id = value.readUInt32BE(1);
    let type = types.get(id);
    if (!type) {
      type = (await registry.getSchema(id)) as unknown as AvroType;
      types.set(id, type);
    }
    return Buffer.concat([value.subarray(0, 5), type.toBuffer(type.fromBuffer(value.subarray(5)))]);
  };
}
