import { context, isSpanContextValid, trace } from '@opentelemetry/api';
import { redactText, redactValue } from './redact';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'fatal';

export const LEVEL_RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, fatal: 50 };

/** The fields every line starts with; extra fields follow and never replace them. */
const RESERVED = new Set(['time', 'level', 'service', 'logger', 'message', 'trace_id', 'span_id']);

export interface LogEntry {
  readonly level: LogLevel;
  readonly service: string;
  readonly logger: string;
  readonly message: string;
  readonly fields?: Readonly<Record<string, unknown>>;
  /** ms since the epoch (default: now). */
  readonly time?: number;
}

/**
 * One JSON object and a newline: time, level, service, logger, message, trace_id and span_id of
 * the active span (when there is one), then the extra fields. The message and every field are
 * redacted first; an extra field that would shadow a reserved one is kept as `field.<name>`.
 */
export function formatLogLine(entry: LogEntry): string {
  const span = trace.getSpanContext(context.active());
  const line: Record<string, unknown> = {
    time: new Date(entry.time ?? Date.now()).toISOString(),
    level: entry.level,
    service: entry.service,
    logger: entry.logger,
    message: redactText(entry.message),
    ...(span && isSpanContextValid(span) ? { trace_id: span.traceId, span_id: span.spanId } : {}),
  };
  const fields = entry.fields ? (redactValue(entry.fields) as Record<string, unknown>) : {};
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) line[RESERVED.has(key) ? `field.${key}` : key] = value;
  }
  return `${JSON.stringify(line)}\n`;
}
