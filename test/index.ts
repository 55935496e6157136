// Helpers for the integration and end-to-end tiers; imported by spec files only.
export { stackEndpoints, type StackEndpoints } from './stack-env';
export { buildAppsIfNeeded, startService, type ServiceProcess } from './service-process';
export { startErpSandbox, type ErpFaultRule, type ErpLedgerEntry, type ErpLedgerEntry as LedgerEntry, type ErpSandboxHandle } from './erp-sandbox';
