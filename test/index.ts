// Helpers for the integration and end-to-end tiers; imported by spec files only.
export { serviceEnv, stackEndpoints, type StackEndpoints } from './stack-env';
export { buildAppsIfNeeded, startService, type ServiceProcess } from './service-process';
export { startErpSandbox, type ErpFaultRule, type ErpLedgerEntry, type ErpLedgerEntry as LedgerEntry, type ErpSandboxHandle } from './erp-sandbox';
export { eventually, type EventuallyOptions } from './eventually';
export { canonicalDecoder, produceCanonical, produceJson, produceJsonRecords, readCanonicalEvents, readDeadLetters, readRecordsWithKey, type DeadLetter } from './kafka-records';
export { deletePrefixedTopics, deleteRedisKeys, scanRedisKeys, uniquePrefix } from './test-run';
export { apiKeyEntry, startHttpApp, type HttpApp } from './http-app';
export { apiCall, documentedScopes, expectInvalidRequest, expectProblem, expectUnauthenticated } from './system-api-checks';
export { noClearValueCheck } from './clear-values';
export { CHROMIUM_PATH, launchChromium } from './browser';
