import { HEADERS, planReplay, type OutboundRecord } from '@procurelink/messaging';
import type { DeadLetterRow } from './dead-letter';
import { consumerGroupOf, originalTopicOf } from './event-identity';

export const VERDICTS = ['WOULD_REPLAY', 'ALREADY_TOOK_EFFECT', 'WOULD_FAIL_AGAIN', 'CANNOT_REPLAY', 'ALREADY_REPLAYED'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** What the outside world says about a dead letter, looked up before deciding. */
export interface ReplayFacts {
  /** The record's event-id claim in its consumer group: `unknown` when its event id cannot be read. */
  readonly claim: { readonly state: 'done' | 'in-progress' | 'absent'; readonly eventId: string } | { readonly state: 'unknown'; readonly why: string };
  /** The document's stage in ops when it is one that shows the record's effect (e.g. "invoice INV-1 is POSTED"). */
  readonly effectSeen?: string | undefined;
}

export interface ItemPlan {
  readonly id: number;
  readonly verdict: Verdict;
  readonly reason: string;
  /** True when this run sends it back (a dry run: would send it back). */
  readonly publish: boolean;
  /** The record to publish (absent for CANNOT_REPLAY). */
  readonly record?: OutboundRecord;
}

/** Codes decided from the record's bytes alone: the same bytes fail the same way. */
const DECIDED_BY_BYTES = new Set(['INVALID_INPUT', 'BAD_WIRE_FORMAT', 'UNDECODABLE_PAYLOAD']);

/** Codes that may pass on a replay once something outside the record changed. */
const NEEDS_A_CHANGE: Readonly<Record<string, string>> = {
  UNKNOWN_SCHEMA: 'it fails again unless its schema has since been registered',
  NO_HANDLER: 'it fails again unless a handler for its event type has since been deployed',
  TARGET_REJECTED: 'it fails again unless the target system now accepts it',
};

const NEVER_TWICE =
  'it goes back through the same consumer and its idempotency claims, so it takes effect at most once and can never post twice';

/**
 * The verdict on one dead letter: what a replay would do, whether this run publishes it, and the
 * record to publish (planReplay: original topic, key, value and headers, plus replay headers).
 * Precedence: CANNOT_REPLAY, ALREADY_TOOK_EFFECT, ALREADY_REPLAYED, WOULD_FAIL_AGAIN, WOULD_REPLAY.
 * `force` sends back everything that can be sent (never a CANNOT_REPLAY); the consumers' claims
 * still make a forced replay of something that took effect change nothing.
 */
export function decideReplay(row: DeadLetterRow, facts: ReplayFacts, options: { readonly actor: string; readonly now: number; readonly force: boolean }): ItemPlan {
  const { id } = row;
  const cannot = (reason: string): ItemPlan => ({ id, verdict: 'CANNOT_REPLAY', reason, publish: false });
  if (row.value === null || row.value.length === 0) return cannot('cannot replay: the record has no value');
  if (!originalTopicOf(row)) return cannot(`cannot replay: the record has no ${HEADERS.originalTopic} header, so its original topic is unknown`);
  const plan = planReplay(
    { topic: row.dltTopic, partition: row.dltPartition, offset: row.dltOffset, timestamp: '0', key: row.recordKey === null ? null : Buffer.from(row.recordKey), value: row.value, headers: { ...row.headers } },
    options.actor,
    options.now,
  );
  if (!plan.ok) return cannot(`cannot replay: ${plan.reason}`);
  const record = plan.record;
  const topic = record.topic;
  const group = consumerGroupOf(row) ?? 'its consumer group';
  const forced = options.force ? ' force=true: sent back anyway.' : ' Not sent back unless force=true.';
  const item = (verdict: Verdict, reason: string, publish: boolean): ItemPlan => ({ id, verdict, reason, publish, record });

  const tookEffect =
    facts.claim.state === 'done' ? `event ${facts.claim.eventId} is already claimed as done in ${group}` : facts.effectSeen;
  if (tookEffect !== undefined) {
    return item(
      'ALREADY_TOOK_EFFECT',
      `already took effect — would change nothing: ${tookEffect}; a replay would be skipped by the consumer's idempotency claim.${forced}`,
      options.force,
    );
  }
  if (row.status !== 'OPEN') {
    const what = row.status === 'REPLAYED' ? 'it was already replayed' : 'an operator marked it RESOLVED';
    return item('ALREADY_REPLAYED', `${what}; ${NEVER_TWICE}.${forced}`, options.force);
  }
  const message = row.headers[HEADERS.errorMessage];
  const failedWith = `${row.errorCode}${message ? ` (${message})` : ''}`;
  if (DECIDED_BY_BYTES.has(row.errorCode)) {
    return item(
      'WOULD_FAIL_AGAIN',
      `would fail again: ${failedWith} was decided from the record's bytes, which are unchanged — replaying the same bytes gives the same dead letter.${forced}`,
      options.force,
    );
  }
  const claimNote =
    facts.claim.state === 'in-progress'
      ? ' Another worker holds its claim right now: the consumer retries it until that claim is settled.'
      : facts.claim.state === 'unknown'
        ? ` Its event id is not known (${facts.claim.why}); the service's business keys still stop a second posting.`
        : '';
  const caveat = NEEDS_A_CHANGE[row.errorCode] ? ` Note: ${NEEDS_A_CHANGE[row.errorCode]}.` : '';
  return item('WOULD_REPLAY', `would replay to ${topic} (replay #${record.headers?.[HEADERS.replayCount] ?? '1'}, failed with ${failedWith}); ${NEVER_TWICE}.${claimNote}${caveat}`, true);
}
