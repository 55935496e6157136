/** The little the runtime says about itself; apps plug in their structured logger. */
export interface RuntimeLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

function line(level: string, message: string, fields?: Record<string, unknown>): string {
  return `${JSON.stringify({ level, time: new Date().toISOString(), logger: 'messaging', message, ...fields })}\n`;
}

/** JSON lines on stderr: warnings and errors only. */
export const stderrLogger: RuntimeLogger = {
  info: () => undefined,
  warn: (message, fields) => process.stderr.write(line('warn', message, fields)),
  error: (message, fields) => process.stderr.write(line('error', message, fields)),
};
