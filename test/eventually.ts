export interface EventuallyOptions {
  /** How long to keep probing before failing (default 30 s). */
  readonly timeoutMs?: number;
  /** Pause between probes (default 250 ms). */
  readonly intervalMs?: number;
  /** Extra context for the failure message, e.g. the output of the processes under test. */
  readonly context?: () => string;
}

/**
 * Probes until `done` accepts the value, then returns it; fails after the deadline with what it
 * waited for and the last value seen. Every wait in the int and e2e tiers goes through here.
 */
export async function eventually<T>(what: string, probe: () => Promise<T>, done: (value: T) => boolean, options: number | EventuallyOptions = {}): Promise<T> {
  const { timeoutMs = 30_000, intervalMs = 250, context } = typeof options === 'number' ? { timeoutMs: options } : options;
  const deadline = Date.now() + timeoutMs;
  let last = await probe();
  while (!done(last)) {
    if (Date.now() > deadline) {
      const extra = context ? `\n${context()}` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last: ${JSON.stringify(last)?.slice(0, 2000)}${extra}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
    last = await probe();
  }
  return last;
}
