import type { JsonLogger } from './json-logger';

let installed: JsonLogger | undefined;

/**
 * Makes `logger` the process's service logger: libraries that log on their own (the messaging
 * runtime) write through it, so every line of a service has one shape, trace ids and redaction.
 * The service host installs it at start-up; undefined uninstalls it.
 */
export function installServiceLogger(logger: JsonLogger | undefined): void {
  installed = logger;
}

/** The logger installed with installServiceLogger, if any. */
export function serviceLogger(): JsonLogger | undefined {
  return installed;
}
