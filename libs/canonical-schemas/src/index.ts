export { HEADER_LENGTH, MAGIC_BYTE, readWireHeader, writeWireHeader } from './wire-format';
export type { WireFormatProblem, WireHeader } from './wire-format';

export { Decimal } from './decimal/decimal';
export { DecimalError, type DecimalErrorCode } from './decimal/decimal-error';
export { isWithinAbsoluteTolerance, isWithinPercentTolerance, percentageDifference } from './decimal/tolerance';

export { avroLogicalTypes, type AvroLogicalTypes } from './avro/logical-types';
export { DecimalType } from './avro/decimal-type';
export { LogicalValueError, TimestampMillisType } from './avro/timestamp-millis-type';
export { CalendarDateType } from './avro/calendar-date-type';

export { CANONICAL_NAMESPACE } from './schema/avro-json';
export type { AvroFieldJson, AvroObjectJson, AvroSchemaJson, NamedSchemaJson } from './schema/avro-json';
export { SchemaError, type SchemaErrorCode } from './schema/schema-error';
export { SCHEMAS_DIR, readSchemaSources, type SchemaSources } from './schema/schema-files';
export { composeSchema } from './schema/compose';
export { parseAvroSchema } from './schema/parse';

export { CANONICAL_EVENT_TYPES, CANONICAL_TOPICS } from './catalogue/topics';
export type { CanonicalEventType, CanonicalTopic } from './catalogue/topics';
export { topicRecordNameStrategy, type SubjectNameStrategy } from './catalogue/subject';
export { buildCatalogue, catalogueEntry, type CatalogueEntry, type CatalogueOptions } from './catalogue/catalogue';
export { EventKeyError, eventKey } from './catalogue/event-key';

export { RegistryError, type RegistryErrorCode } from './registry/registry-error';
export { RegistryClient } from './registry/registry-client';
export type { CompatibilityAnswer, CompatibilityLevel, RegisteredVersion, RegistryClientOptions, RegistryCredentials } from './registry/registry-client';
export { CANONICAL_COMPATIBILITY, registerCanonicalSchemas, type RegisterOptions } from './registry/register';
export { checkCatalogueCompatibility } from './registry/check-compatibility';
export type { CheckOptions, CompatibilityResult, CompatibilityVerdict } from './registry/check-compatibility';
export { explainIncompatibility } from './registry/explain-incompatibility';

export type * from './generated/events';

export { CanonicalCodec, EventEncodingError, type EncodedEvent } from './codec/canonical-codec';
export { envelopeFor, stableEventId, type EnvelopeInput } from './codec/envelope';
