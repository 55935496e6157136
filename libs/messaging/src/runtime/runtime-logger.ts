import { serviceLogger } from '@procurelink/observability';
import { sanitizeMessage } from '../headers/sanitize';

/** The little the runtime says about itself; apps plug in their structured logger. */
export interface RuntimeLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

type Level = keyof RuntimeLogger;

/** Without a service logger: the same JSON shape on stderr, string values masked (sanitizeMessage). */
function fallbackLine(level: Level, message: string, fields?: Record<string, unknown>): string {
  const safe = Object.fromEntries(Object.entries(fields ?? {}).map(([k, v]) => [k, typeof v === 'string' ? sanitizeMessage(v) : v]));
  return `${JSON.stringify({ time: new Date().toISOString(), level, logger: 'messaging', message: sanitizeMessage(message), ...safe })}\n`;
}

function write(level: Level, message: string, fields?: Record<string, unknown>): void {
  const logger = serviceLogger();
  if (logger) logger.entry(level, 'messaging', message, fields);
  else if (level !== 'info') process.stderr.write(fallbackLine(level, message, fields));
}

/**
 * The runtime's default logger (every consumer without its own `logger` option writes here): the
 * service's structured JSON logger once the service host has installed it (installServiceLogger
 * of @procurelink/observability: its shape, trace ids, level and redaction), else JSON lines on
 * stderr, warnings and errors only, sensitive-looking values masked.
 */
export const stderrLogger: RuntimeLogger = {
  info: (message, fields) => write('info', message, fields),
  warn: (message, fields) => write('warn', message, fields),
  error: (message, fields) => write('error', message, fields),
};
