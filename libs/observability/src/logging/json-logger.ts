import type { LoggerService } from '@nestjs/common';
import { formatLogLine, LEVEL_RANK, type LogLevel } from './log-line';

export interface JsonLoggerOptions {
  readonly service: string;
  /** The lowest level written (default info). */
  readonly level?: Exclude<LogLevel, 'fatal'>;
  /** Where lines go (default stdout). */
  readonly write?: (line: string) => void;
}

/** What libs/messaging's runtime expects of a logger (RuntimeLogger), matched structurally. */
export interface StructuredLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Nest passes `level` names of its own; ours are the usual five. */
const FROM_NEST: Record<string, LogLevel> = { log: 'info', verbose: 'debug', debug: 'debug', warn: 'warn', error: 'error', fatal: 'fatal' };

/**
 * Nest's LoggerService writing one redacted JSON object per line (see formatLogLine). Nest calls
 * `log(message, context)` and `error(message, stack, context)`; an object among the parameters
 * becomes extra fields, an Error becomes `error: { name, message, stack }`.
 */
export class JsonLogger implements LoggerService {
  private threshold: number;
  private readonly write: (line: string) => void;

  constructor(private readonly options: JsonLoggerOptions) {
    this.threshold = LEVEL_RANK[options.level ?? 'info'];
    this.write = options.write ?? ((line) => void process.stdout.write(line));
  }

  log(message: unknown, ...optional: unknown[]): void {
    this.emit('info', message, optional);
  }
  error(message: unknown, ...optional: unknown[]): void {
    this.emit('error', message, optional, true);
  }
  warn(message: unknown, ...optional: unknown[]): void {
    this.emit('warn', message, optional);
  }
  debug(message: unknown, ...optional: unknown[]): void {
    this.emit('debug', message, optional);
  }
  verbose(message: unknown, ...optional: unknown[]): void {
    this.emit('debug', message, optional);
  }
  fatal(message: unknown, ...optional: unknown[]): void {
    this.emit('fatal', message, optional, true);
  }

  /** Nest hands over the levels it wants; the lowest of them becomes the threshold. */
  setLogLevels(levels: string[]): void {
    const ranks = levels.map((l) => FROM_NEST[l]).filter((l): l is LogLevel => l !== undefined).map((l) => LEVEL_RANK[l]);
    this.threshold = ranks.length > 0 ? Math.min(...ranks) : LEVEL_RANK.fatal + 1;
  }

  /** Writes one entry as the named logger (what the messaging runtime and apps use for structured fields). */
  entry(level: LogLevel, logger: string, message: string, fields?: Record<string, unknown>): void {
    if (LEVEL_RANK[level] < this.threshold) return;
    this.write(formatLogLine({ level, service: this.options.service, logger, message, ...(fields ? { fields } : {}) }));
  }

  /** A logger for one component with structured fields, e.g. the messaging runtime's. */
  child(logger: string): StructuredLogger {
    return {
      info: (message, fields) => this.entry('info', logger, message, fields),
      warn: (message, fields) => this.entry('warn', logger, message, fields),
      error: (message, fields) => this.entry('error', logger, message, fields),
    };
  }

  private emit(level: LogLevel, message: unknown, optional: unknown[], mayHaveStack = false): void {
    if (LEVEL_RANK[level] < this.threshold) return;
    const params = [...optional];
    // Nest's convention: the last string parameter is the context (the logger's name).
    const logger = params.length > 0 && typeof params[params.length - 1] === 'string' ? (params.pop() as string) : 'app';
    const fields: Record<string, unknown> = {};
    for (const param of params) {
      if (param instanceof Error) fields['error'] = param;
      else if (typeof param === 'string' && mayHaveStack) fields['stack'] = param;
      else if (param && typeof param === 'object') Object.assign(fields, param);
      else if (param !== undefined) fields['detail'] = param;
    }
    let text: string;
    if (typeof message === 'string') text = message;
    else if (message instanceof Error) {
      text = message.message;
      fields['error'] = message;
    } else if (message && typeof message === 'object') {
      const { message: inner, ...rest } = message as Record<string, unknown>;
      text = typeof inner === 'string' ? inner : '';
      Object.assign(fields, rest);
    } else text = String(message);
    this.entry(level, logger, text, Object.keys(fields).length > 0 ? fields : undefined);
  }
}
