export { OpsMetricsModule, BusinessGauges, opsPostgresCheck } from './ops-metrics.module';
export { NO_FACILITY, readBusinessPicture } from './business-picture';
