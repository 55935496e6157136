import { HEADERS } from '../headers/header-names';
import { headerInt } from '../headers/headers';
import type { InboundRecord, OutboundRecord } from '../ports/records';

const FAILURE_HEADERS = new Set<string>([
  HEADERS.attempt,
  HEADERS.dueAt,
  HEADERS.errorCode,
  HEADERS.errorMessage,
  HEADERS.attempts,
  HEADERS.lastFailureAt,
]);

export type ReplayPlan =
  | { readonly ok: true; readonly record: OutboundRecord }
  | { readonly ok: false; readonly reason: string };

/**
 * A dead-lettered record, sent back to the topic it first came from: same key and value, its
 * original headers, a fresh attempt count, and who replayed it, when, and how many times. The
 * origin and first-failure headers stay, so a record that fails again still says where it began.
 */
export function planReplay(record: InboundRecord, actor: string, now: number): ReplayPlan {
  const target = record.headers[HEADERS.originalTopic];
  if (!target) return { ok: false, reason: `offset ${record.offset} has no ${HEADERS.originalTopic} header` };
  if (!/^[\w.@:-]{1,200}$/.test(actor)) return { ok: false, reason: 'the actor must be a plain user or service name (letters, digits, . _ @ : -)' };
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(record.headers)) if (!FAILURE_HEADERS.has(name)) headers[name] = value;
  headers[HEADERS.replayBy] = actor;
  headers[HEADERS.replayAt] = new Date(now).toISOString();
  headers[HEADERS.replayCount] = String(headerInt(record.headers, HEADERS.replayCount, 0) + 1);
  return { ok: true, record: { topic: target, key: record.key, value: record.value, headers } };
}
