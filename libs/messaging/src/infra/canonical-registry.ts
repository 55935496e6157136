import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import { avroLogicalTypes, type RegistryCredentials } from '@procurelink/canonical-schemas';

/**
 * A registry client that reads canonical events with their logical types: money as exact
 * Decimal, timestamps as Date, dates as "YYYY-MM-DD". Give it to AvroRegistryDecoder.
 */
export function canonicalRegistry(registryUrl: string, auth?: RegistryCredentials): SchemaRegistry {
  return new SchemaRegistry(
    { host: registryUrl, ...(auth !== undefined ? { auth: { username: auth.username, password: auth.password } } : {}) },
    { [SchemaType.AVRO]: { logicalTypes: avroLogicalTypes } },
  );
}
