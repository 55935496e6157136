/** Providers of the ops module, by token (the database pool is OPS_DB, from ./db). */
export const OPS_CONFIG = Symbol('OPS_CONFIG');
/** A RecordDecoder for canonical Avro through the registry (reads dead-letter values; replay may reuse it). */
export const OPS_AVRO_DECODER = Symbol('OPS_AVRO_DECODER');
