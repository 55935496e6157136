import { ConfigError } from './config-error';

/** Exit code for configuration that cannot be used (sysexits EX_CONFIG). */
export const EXIT_CONFIG = 78;

type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * Builds what a service needs from its configuration, or stops the process: a ConfigError (or
 * one of `alsoConfigErrors`, e.g. a bad reference file) prints its message and exits 78.
 */
export function configOrExit<T>(build: () => T, alsoConfigErrors: readonly ErrorClass[] = []): T {
  try {
    return build();
  } catch (error) {
    if (error instanceof ConfigError || alsoConfigErrors.some((type) => error instanceof type)) {
      process.stderr.write(`${(error as Error).message}\n`);
      process.exit(EXIT_CONFIG);
    }
    throw error;
  }
}

/**
 * Runs a one-shot command (e.g. a rebuild): any failure prints its message and exits 78 for a
 * ConfigError, 1 otherwise.
 */
export function runCommand(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(error instanceof ConfigError ? EXIT_CONFIG : 1);
  });
}
