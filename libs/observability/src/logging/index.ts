export { JsonLogger, type JsonLoggerOptions, type StructuredLogger } from './json-logger';
export { formatLogLine, type LogEntry, type LogLevel } from './log-line';
export { isSensitiveKey, redactText, redactValue, REDACTED } from './redact';
export { installServiceLogger, serviceLogger } from './service-logger';
export { kafkaLogCreator, type KafkaLogEntry } from './kafkajs-log';
export { logRedisErrors, type RedisConnectionEvents } from './redis-errors';
