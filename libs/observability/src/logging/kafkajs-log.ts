import { formatLogLine, type LogLevel } from './log-line';
import { serviceLogger } from './service-logger';

/** What kafkajs hands a log creator's logger (matched structurally; this library does not depend on kafkajs). */
export interface KafkaLogEntry {
  readonly namespace: string;
  readonly level: number;
  readonly label: string;
  readonly log: { readonly message: string; readonly timestamp?: string; readonly [field: string]: unknown };
}

/** kafkajs' levels: ERROR 1, WARN 2, INFO 4, DEBUG 5. */
const LEVELS: Record<number, LogLevel> = { 1: 'error', 2: 'warn', 4: 'info', 5: 'debug' };

/**
 * A kafkajs `logCreator` writing through the service logger (installServiceLogger): the shared
 * JSON shape with `logger: "kafkajs"`, the namespace as a field, trace ids and redaction (a broker
 * error can echo SASL or connection details). Without a service logger, the same shape on stderr.
 * Use it as `new Kafka({ ..., logCreator: kafkaLogCreator })`.
 */
export function kafkaLogCreator(): (entry: KafkaLogEntry) => void {
  return ({ namespace, level, log }) => {
    const { message, timestamp: _timestamp, ...fields } = log;
    const mapped = LEVELS[level] ?? 'info';
    const withNamespace = { namespace, ...fields };
    const logger = serviceLogger();
    if (logger) logger.entry(mapped, 'kafkajs', message, withNamespace);
    else if (mapped === 'error' || mapped === 'warn') process.stderr.write(formatLogLine({ level: mapped, service: 'procurelink', logger: 'kafkajs', message, fields: withNamespace }));
  };
}
