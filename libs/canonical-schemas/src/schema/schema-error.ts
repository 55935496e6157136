export type SchemaErrorCode = 'UNREADABLE_FILE' | 'NOT_JSON' | 'MISNAMED_FILE' | 'UNDEFINED_TYPE' | 'DUPLICATE_TYPE' | 'INVALID_AVRO';

/** A canonical .avsc file that cannot be loaded or composed: a build-time defect, never retriable. */
export class SchemaError extends Error {
  readonly retriable = false;

  constructor(
    readonly code: SchemaErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SchemaError';
  }
}
