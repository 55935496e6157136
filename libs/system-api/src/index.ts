// The governed HTTP system API every service uses for its /v1 endpoints: authentication with
// scopes (API keys, HS256 JWT), problem+json errors, idempotent 202 submissions, OpenAPI. See ../README.md.
export { SystemApiModule } from './nest/system-api.module';
export { DEFAULT_IDEMPOTENCY_TTL_SECONDS, RECEIPT_TTL_SECONDS, SYSTEM_API_OPTIONS, type SystemApiOptions } from './nest/system-api.options';
export { configureSystemApi, type SystemApiHttpOptions } from './nest/configure-system-api';
export { CurrentPrincipal, PublicRoute, RequireScopes, ScopesCheckedByHandler } from './nest/decorators';
export { assertScopes } from './nest/auth-problems';
export { SubmissionService, EVENT_ID_HEADER, SUBMITTED_BY_HEADER } from './nest/submission.service';
export { isReplayed } from './nest/replayed';
export { problemFor } from './nest/problem-mapping';
export {
  DEFAULT_BODY_LIMIT_BYTES,
  DEFAULT_RATE_LIMIT_PER_MINUTE,
  DEV_API_KEY,
  DEV_CLIENT_ID,
  parseSystemApiConfig,
  type SystemApiConfig,
} from './config/system-api-config';
export { SystemApiRateLimit, tooManyRequests } from './nest/rate-limit';
export { decideRate, rateLimitKey, RATE_LIMITER, type RateDecision, type RateLimiter, type WindowCount } from './domain/rate-limit';
export { SECURITY_HEADERS, STRICT_TRANSPORT_SECURITY } from './nest/security-headers';
export type { ApiKeyEntry, AuthConfig, JwtConfig, Principal } from './domain/auth-config';
export { ALL_SCOPES, DOCUMENT_TYPES, EXTRA_SCOPES, OPS_SCOPES, readScope, submitScope, type DocumentType } from './domain/scopes';
export { ApiProblem, InvalidRequest, PROBLEM_CONTENT_TYPE, type FieldProblem, type ProblemDetails } from './domain/problems';
export { canonicalJson, requestFingerprint } from './domain/canonical-json';
export type { SubmissionInput, SubmissionReceipt } from './domain/submission';
export {
  buildOpenApiDocument,
  SUBMISSION_RECEIPT_SCHEMA,
  SUBMISSION_RESPONSES,
  type ApiResponseDoc,
  type ApiRouteDoc,
  type JsonSchema,
  type OpenApiInfo,
} from './domain/openapi';
