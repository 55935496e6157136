/** One dependency check of readiness: a name (`kafka`, `registry`, `redis`, `postgres`) and a probe that rejects when it is down. */
export interface ReadinessCheck {
  readonly name: string;
  readonly probe: () => Promise<void>;
}

export interface ReadinessReport {
  readonly status: 'ready' | 'not-ready';
  readonly service: string;
  readonly checks: Record<string, 'up' | 'down'>;
  /** Why each down check is down, in a few words (host:port at most, never a credential). */
  readonly reasons?: Record<string, string>;
}

const MAX_REASON = 160;

/**
 * An error's message cut down for an unauthenticated endpoint: credentials in URLs masked,
 * query strings dropped, one line, bounded length.
 */
export function shortReason(error: unknown): string {
  const text = error instanceof Error ? error.message || error.name : String(error);
  const cleaned = text
    .replace(/\/\/[^/\s@]*@/g, '//***@')
    .replace(/(https?:\/\/[^\s?#]*)[?#]\S*/g, '$1')
    .replace(/(password|secret|token)=\S+/gi, '$1=***')
    .replace(/\s+/g, ' ')
    .trim();
  return cleaned.length > MAX_REASON ? `${cleaned.slice(0, MAX_REASON - 1)}…` : cleaned || 'failed';
}

/** Runs `promise` against a deadline; the deadline rejects with "timed out after N ms". */
export function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
    timer.unref();
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** Runs every check at once, each within `timeoutMs`, and folds them into the readiness report. */
export async function evaluateReadiness(service: string, checks: readonly ReadinessCheck[], timeoutMs: number): Promise<ReadinessReport> {
  const outcomes = await Promise.all(
    checks.map(async (check) => {
      try {
        await withTimeout(Promise.resolve().then(check.probe), timeoutMs);
        return { name: check.name, up: true as const };
      } catch (error) {
        return { name: check.name, up: false as const, reason: shortReason(error) };
      }
    }),
  );
  const report: Record<string, 'up' | 'down'> = {};
  const reasons: Record<string, string> = {};
  for (const outcome of outcomes) {
    report[outcome.name] = outcome.up ? 'up' : 'down';
    if (!outcome.up) reasons[outcome.name] = outcome.reason;
  }
  const ready = outcomes.every((o) => o.up);
  return { status: ready ? 'ready' : 'not-ready', service, checks: report, ...(ready ? {} : { reasons }) };
}
