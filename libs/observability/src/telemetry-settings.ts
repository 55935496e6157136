/**
 * The standard OTEL_* variables, parsed once at start-up. Every problem names its variable and
 * says what is accepted; an endpoint's value is never echoed (it may carry credentials).
 * Supported: OTEL_SDK_DISABLED, OTEL_SERVICE_NAME, OTEL_RESOURCE_ATTRIBUTES, OTEL_TRACES_EXPORTER
 * (otlp, console, none), OTEL_EXPORTER_OTLP_[TRACES_]ENDPOINT and _PROTOCOL (http/json only),
 * OTEL_TRACES_SAMPLER[_ARG] and the batch span processor's OTEL_BSP_* settings.
 */
export type TelemetryEnv = Readonly<Record<string, string | undefined>>;

export type TraceExporterSetting = { readonly kind: 'otlp'; readonly url: string } | { readonly kind: 'console' };

export type SamplerName =
  | 'always_on'
  | 'always_off'
  | 'traceidratio'
  | 'parentbased_always_on'
  | 'parentbased_always_off'
  | 'parentbased_traceidratio';

export interface TelemetrySettings {
  /** OTEL_SDK_DISABLED=true: nothing is recorded; trace context still passes through. */
  readonly disabled: boolean;
  readonly serviceName: string;
  readonly resourceAttributes: Readonly<Record<string, string>>;
  /** Empty when no exporter is configured: spans are still made (trace ids reach the logs) but go nowhere. */
  readonly exporters: readonly TraceExporterSetting[];
  readonly sampler: { readonly name: SamplerName; readonly ratio: number };
  readonly batch: {
    readonly scheduledDelayMillis: number;
    readonly exportTimeoutMillis: number;
    readonly maxQueueSize: number;
    readonly maxExportBatchSize: number;
  };
}

export class TelemetryConfigError extends Error {
  constructor(
    service: string,
    readonly problems: readonly string[],
  ) {
    super(`${service}: invalid telemetry configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'TelemetryConfigError';
  }
}

const SAMPLERS: readonly SamplerName[] = [
  'always_on',
  'always_off',
  'traceidratio',
  'parentbased_always_on',
  'parentbased_always_off',
  'parentbased_traceidratio',
];
const EXPORTERS = ['otlp', 'console', 'none'] as const;
/** The OTLP/HTTP default when OTEL_TRACES_EXPORTER=otlp names no endpoint. */
const DEFAULT_OTLP_TRACES_URL = 'http://localhost:4318/v1/traces';

/** Reads the settings, collecting every problem; `settings` is only usable when `problems` is empty. */
export function readTelemetrySettings(service: string, env: TelemetryEnv): { settings: TelemetrySettings; problems: string[] } {
  const problems: string[] = [];
  const text = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const disabled = readBoolean(problems, 'OTEL_SDK_DISABLED', text('OTEL_SDK_DISABLED'));
  const serviceName = text('OTEL_SERVICE_NAME') ?? service;
  const resourceAttributes = readResourceAttributes(problems, text('OTEL_RESOURCE_ATTRIBUTES'));
  const exporters = readExporters(problems, text);
  const sampler = readSampler(problems, text('OTEL_TRACES_SAMPLER'), text('OTEL_TRACES_SAMPLER_ARG'));
  const int = (name: string, fallback: number, min: number): number => readInt(problems, name, text(name), fallback, min);
  const batch = {
    scheduledDelayMillis: int('OTEL_BSP_SCHEDULE_DELAY', 5000, 0),
    exportTimeoutMillis: int('OTEL_BSP_EXPORT_TIMEOUT', 30000, 0),
    maxQueueSize: int('OTEL_BSP_MAX_QUEUE_SIZE', 2048, 1),
    maxExportBatchSize: int('OTEL_BSP_MAX_EXPORT_BATCH_SIZE', 512, 1),
  };
  if (batch.maxExportBatchSize > batch.maxQueueSize) {
    problems.push(`OTEL_BSP_MAX_EXPORT_BATCH_SIZE=${batch.maxExportBatchSize}: must not exceed OTEL_BSP_MAX_QUEUE_SIZE (${batch.maxQueueSize})`);
  }
  return { settings: { disabled, serviceName, resourceAttributes, exporters, sampler, batch }, problems };
}

/** The settings, or a TelemetryConfigError listing every problem. */
export function parseTelemetrySettings(service: string, env: TelemetryEnv): TelemetrySettings {
  const { settings, problems } = readTelemetrySettings(service, env);
  if (problems.length > 0) throw new TelemetryConfigError(service, problems);
  return settings;
}

function readBoolean(problems: string[], name: string, raw: string | undefined): boolean {
  if (raw === undefined) return false;
  const lower = raw.toLowerCase();
  if (lower === 'true') return true;
  if (lower !== 'false') problems.push(`${name}=${raw}: must be true or false`);
  return false;
}

function readInt(problems: string[], name: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min) {
    problems.push(`${name}=${raw}: must be a whole number of at least ${min}`);
    return fallback;
  }
  return value;
}

/** `key1=value1,key2=value2`, values percent-encoded (W3C baggage octets). */
function readResourceAttributes(problems: string[], raw: string | undefined): Record<string, string> {
  const attributes: Record<string, string> = {};
  if (raw === undefined) return attributes;
  raw.split(',').forEach((entry, index) => {
    const at = entry.indexOf('=');
    const key = at < 0 ? '' : entry.slice(0, at).trim();
    if (key === '') {
      problems.push(`OTEL_RESOURCE_ATTRIBUTES: entry ${index + 1} must be key=value`);
      return;
    }
    try {
      attributes[key] = decodeURIComponent(entry.slice(at + 1).trim());
    } catch {
      problems.push(`OTEL_RESOURCE_ATTRIBUTES: the value of ${key} is not valid percent-encoding`);
    }
  });
  return attributes;
}

function readExporters(problems: string[], text: (name: string) => string | undefined): TraceExporterSetting[] {
  const tracesEndpoint = readEndpoint(problems, 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', text('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'));
  const endpoint = readEndpoint(problems, 'OTEL_EXPORTER_OTLP_ENDPOINT', text('OTEL_EXPORTER_OTLP_ENDPOINT'));
  for (const name of ['OTEL_EXPORTER_OTLP_TRACES_PROTOCOL', 'OTEL_EXPORTER_OTLP_PROTOCOL']) {
    const protocol = text(name);
    if (protocol !== undefined && protocol !== 'http/json') problems.push(`${name}=${protocol}: only http/json is supported`);
  }
  const url = tracesEndpoint ?? (endpoint === undefined ? undefined : `${endpoint.replace(/\/+$/, '')}/v1/traces`);
  const raw = text('OTEL_TRACES_EXPORTER');
  const names = raw === undefined ? (url === undefined ? [] : ['otlp']) : raw.split(',').map((n) => n.trim().toLowerCase());
  const unknown = names.filter((n) => !(EXPORTERS as readonly string[]).includes(n));
  if (unknown.length > 0) {
    problems.push(`OTEL_TRACES_EXPORTER=${raw}: must be one or more of ${EXPORTERS.join(', ')}`);
    return [];
  }
  if (names.includes('none')) return [];
  return [...new Set(names)].map((n) => (n === 'console' ? { kind: 'console' } : { kind: 'otlp', url: url ?? DEFAULT_OTLP_TRACES_URL }));
}

function readEndpoint(problems: string[], name: string, raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const url = URL.canParse(raw) ? new URL(raw) : undefined;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    problems.push(`${name}: must be an http or https URL`);
    return undefined;
  }
  return raw;
}

function readSampler(problems: string[], rawName: string | undefined, rawArg: string | undefined): TelemetrySettings['sampler'] {
  const name = (rawName?.toLowerCase() ?? 'parentbased_always_on') as SamplerName;
  if (!SAMPLERS.includes(name)) {
    problems.push(`OTEL_TRACES_SAMPLER=${rawName}: must be one of ${SAMPLERS.join(', ')}`);
    return { name: 'parentbased_always_on', ratio: 1 };
  }
  if (rawArg === undefined || !name.endsWith('traceidratio')) return { name, ratio: 1 };
  const ratio = Number(rawArg);
  if (!Number.isFinite(ratio) || ratio < 0 || ratio > 1) {
    problems.push(`OTEL_TRACES_SAMPLER_ARG=${rawArg}: must be a number from 0 to 1`);
    return { name, ratio: 1 };
  }
  return { name, ratio };
}
