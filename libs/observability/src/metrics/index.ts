// Metrics: the Prometheus exporter and the instruments every service shares (issue 6).
export { DURATION_BUCKETS_SECONDS, exportedSeriesNames, METRIC_NAMES, METRICS, type MetricKey, type MetricKind, type MetricSpec } from './metric-catalogue';
export { metricsRuntime, PROMETHEUS_CONTENT_TYPE, renderMetrics, startMetrics, stopMetrics, type MetricsRuntime } from './start-metrics';
export { erpInstruments, httpInstruments, messagingInstruments, type ErpInstruments, type HttpInstruments, type MessagingInstruments } from './instruments';
export { metricsHandler } from './metrics-handler';
export { httpMetricsMiddleware, routeLabel } from './http-metrics.middleware';
export { observeBusinessGauges, type BusinessPicture } from './business-gauges';
