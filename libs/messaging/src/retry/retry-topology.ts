import type { Classified } from '../errors/classify';

/**
 * The retry topology, declared as data (after Spring Kafka's retry topics):
 *   source topics → <group>.retry.1 … <group>.retry.n (each with its delay) → <group>.dlt
 * A failed record moves one level down per attempt without blocking its source partition.
 */
export interface RetryTopology {
  readonly group: string;
  readonly sourceTopics: readonly string[];
  /** Delay before each retry level; the length is the number of retries. */
  readonly delaysMs: readonly number[];
}

export interface TopologyTopics {
  readonly retry: readonly string[];
  readonly deadLetter: string;
}

export const DEFAULT_RETRY_DELAYS_MS = [1_000, 10_000, 60_000] as const;

export function topologyTopics(topology: RetryTopology): TopologyTopics {
  return {
    retry: topology.delaysMs.map((_, i) => `${topology.group}.retry.${i + 1}`),
    deadLetter: `${topology.group}.dlt`,
  };
}

export function validateTopology(topology: RetryTopology): string[] {
  const problems: string[] = [];
  if (!/^[A-Za-z0-9._-]+$/.test(topology.group)) problems.push(`group "${topology.group}" is not a valid topic prefix`);
  if (topology.sourceTopics.length === 0) problems.push('no source topics');
  topology.delaysMs.forEach((delay, i) => {
    if (!Number.isInteger(delay) || delay < 0) problems.push(`delay ${i + 1} (${delay}) must be a whole number of ms`);
    const previous = topology.delaysMs[i - 1];
    if (previous !== undefined && delay < previous) problems.push(`delay ${i + 1} is shorter than delay ${i}`);
  });
  return problems;
}

export type Route =
  | { readonly kind: 'retry'; readonly topic: string; readonly attempt: number; readonly dueAt: number }
  | { readonly kind: 'dead-letter'; readonly topic: string; readonly attempt: number };

/**
 * Where a failed record goes next. `attempt` is the attempt that just failed (1 = first try).
 * Not retriable, or retries exhausted → dead-letter; otherwise the next retry level.
 */
export function routeFailure(topology: RetryTopology, attempt: number, failure: Classified, now: number): Route {
  const topics = topologyTopics(topology);
  const delay = topology.delaysMs[attempt - 1];
  const topic = topics.retry[attempt - 1];
  if (!failure.retriable || delay === undefined || topic === undefined) {
    return { kind: 'dead-letter', topic: topics.deadLetter, attempt };
  }
  return { kind: 'retry', topic, attempt: attempt + 1, dueAt: now + delay };
}
