// Idempotency for Procurelink: claim / confirm / release over Redis, batch claims in one round
// trip, business-identity keys, fail-closed. See ../README.md.
export {
  DEFAULT_OUTCOME_TTL_MS,
  IDEMPOTENCY_STORE,
  type ClaimOptions,
  type ClaimResult,
  type ConfirmItem,
  type ConfirmOptions,
  type ConfirmResult,
  type HeldClaim,
  type IdempotencyStore,
  type JsonValue,
  type ReleaseResult,
} from './domain/idempotency-store.port';
export {
  IDEMPOTENCY_ERROR_CODES,
  IdempotencyCorruptRecordError,
  IdempotencyError,
  IdempotencyInvalidArgumentError,
  IdempotencyUnavailableError,
  isIdempotencyError,
  type IdempotencyErrorCode,
} from './domain/errors';
export { DEFAULT_MAX_OUTCOME_BYTES, MAX_KEY_LENGTH } from './domain/arguments';
export {
  IDEMPOTENCY_KEY_PREFIX,
  eventKey,
  hashKeyPart,
  invoiceKey,
  paymentKey,
  purchaseOrderKey,
  targetCallKey,
  type EventIdentity,
  type InvoiceIdentity,
  type PaymentIdentity,
  type PurchaseOrderIdentity,
  type TargetCallIdentity,
} from './domain/keys/business-keys';
export { normaliseCurrency, normaliseDecimal, normaliseDocumentNumber, normaliseRevision } from './domain/keys/normalise';
export {
  DEFAULT_CLAIM_TTL_MS,
  DEFAULT_COMMAND_TIMEOUT_MS,
  DEFAULT_CONNECT_TIMEOUT_MS,
  createRedisIdempotencyStore,
  type RedisIdempotencyStoreOptions,
} from './infra/create-redis-idempotency-store';
export { RedisIdempotencyStore } from './infra/redis-idempotency-store';
