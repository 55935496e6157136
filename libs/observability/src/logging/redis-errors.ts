import { formatLogLine } from './log-line';
import { redactText } from './redact';
import { serviceLogger } from './service-logger';

/** What a Redis client (ioredis) offers for its connection events, matched structurally. */
export interface RedisConnectionEvents {
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'ready', listener: () => void): unknown;
}

/** How often the same connection error is written while Redis stays away. */
export const REDIS_ERROR_REPEAT_MS = 30_000;

/**
 * Decides which connection errors are written: each distinct error of an outage once per
 * `repeatMs` (errors that alternate are not written on every retry); and a line when the connection is back. Pure, for the listener.
 */
export class RedisErrorThrottle {
  /** When each error text of the current outage was last written. */
  private readonly lastWritten = new Map<string, number>();

  constructor(private readonly repeatMs = REDIS_ERROR_REPEAT_MS) {}

  /** True when this error should be written now. */
  error(message: string, now: number): boolean {
    const at = this.lastWritten.get(message);
    if (at !== undefined && now - at < this.repeatMs) return false;
    this.lastWritten.set(message, now);
    return true;
  }

  /** True when the connection came back after errors were written. */
  ready(): boolean {
    const recovered = this.lastWritten.size > 0;
    this.lastWritten.clear();
    return recovered;
  }
}

/**
 * Writes a Redis client's connection errors as structured `warn` lines (logger "redis", the
 * connection name, redacted text) instead of ioredis's "Unhandled error event" on stderr, at most
 * one per distinct error every 30 s, and an `info` line when the connection is ready again. The
 * commands that fail meanwhile report their own errors to their callers.
 */
export function logRedisErrors(client: RedisConnectionEvents, connection: string, clock: () => number = Date.now): void {
  const throttle = new RedisErrorThrottle();
  const write = (level: 'warn' | 'info', message: string): void => {
    const fields = { connection };
    const logger = serviceLogger();
    if (logger) logger.entry(level, 'redis', message, fields);
    else process.stderr.write(formatLogLine({ level, service: 'procurelink', logger: 'redis', message, fields }));
  };
  client.on('error', (error) => {
    const text = redactText(error.message);
    if (throttle.error(text, clock())) write('warn', `Redis connection ${connection}: ${text} (retrying; repeated at most every ${REDIS_ERROR_REPEAT_MS / 1000} s)`);
  });
  client.on('ready', () => {
    if (throttle.ready()) write('info', `Redis connection ${connection} is ready again`);
  });
}
