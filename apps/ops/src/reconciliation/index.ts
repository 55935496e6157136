export { ReconciliationModule } from './reconciliation.module';
export type { ReconciliationModuleOptions } from './reconciliation.options';
export { ReconciliationService } from './reconciliation.service';
export { ReconciliationQueries } from './reconciliation.queries';
export { ReconciliationScheduler } from './reconciliation.scheduler';
export { DEFAULT_RECONCILE_INTERVAL_MS, readReconcileIntervalMs } from './reconciliation-settings';
export { RECONCILIATION_CLOCK, type Clock } from './reconciliation.tokens';
export type { ReconciliationRunDetail, ReconciliationRunView } from './ports/reconciliation-ports';
export { RECONCILIATION_ROUTES } from './http/reconciliation.routes';
