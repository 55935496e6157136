/** PostgreSQL / socket errors that mean "the database is not reachable right now". */
export function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect/i.test(String((error as Error)?.message));
  return code.startsWith('08') || ['57P01', '57P02', '57P03', '53300', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE'].includes(code);
}

/**
 * Runs `work`, retrying while the database is unreachable (backoff up to `maxDelayMs`, for at
 * most `budgetMs`), then gives up with the last error. Ops waits out a database outage in place
 * rather than sending a dead letter through its own retry topics, whose headers would overwrite
 * the failure it is meant to record.
 */
export async function withDbRetry<T>(work: () => Promise<T>, { budgetMs = 60_000, maxDelayMs = 5_000, sleep = defaultSleep } = {}): Promise<T> {
  const deadline = Date.now() + budgetMs;
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isConnectionError(error) || Date.now() >= deadline) throw error;
      await sleep(Math.min(maxDelayMs, 100 * 2 ** attempt));
    }
  }
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
