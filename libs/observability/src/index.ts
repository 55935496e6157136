export * from './metrics';
export { startTelemetry, type StartTelemetryOptions, type Telemetry } from './telemetry';
export {
  parseTelemetrySettings,
  readTelemetrySettings,
  TelemetryConfigError,
  type SamplerName,
  type TelemetryEnv,
  type TelemetrySettings,
  type TraceExporterSetting,
} from './telemetry-settings';
export * from './tracing';
export * from './logging';
