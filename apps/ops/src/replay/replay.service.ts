import { Inject, Injectable } from '@nestjs/common';
import { PRODUCER_PORT, type OutboundRecord, type ProducerPort } from '@procurelink/messaging';
import type { DeadLetterRow, ReplaySelection } from './domain/dead-letter';
import { documentEffectOf } from './domain/document-effect';
import { consumerGroupOf, eventIdSourceOf } from './domain/event-identity';
import { ReplayLookupFailed, SelectionTooLarge } from './domain/replay-errors';
import { countOutcomes, outcomeOf, type ReplayItemOutcome, type ReplayReport } from './domain/replay-report';
import { MAX_REPLAY_SELECTION } from './domain/replay-request';
import { decideReplay, type ItemPlan, type ReplayFacts } from './domain/verdict';
import { CLAIM_LOOKUP, documentRefKey, ENVELOPE_READER, REPLAY_STORE, type ClaimLookup, type EnvelopeReader, type ReplayAuditEntry, type ReplayStore } from './ports';

export interface ReplayCommand {
  readonly selection: ReplaySelection;
  readonly dryRun: boolean;
  readonly force?: boolean;
  /** Who asks (the authenticated client); goes into procurelink.replay.by and the audit. */
  readonly actor: string;
  /** Called after each chunk of dead letters is decided (and, for a real replay, published). */
  readonly onProgress?: (done: number, total: number) => void;
}

export const REPLAY_CLOCK = Symbol('REPLAY_CLOCK');
const CHUNK = 200;

/**
 * Dry runs and replays of dead letters. Each dead letter gets a verdict; a real replay publishes
 * what its verdicts allow through the producer, and once the broker acknowledged it, marks those
 * dead letters REPLAYED and writes the audit row in one transaction. A dry run writes its audit row
 * and changes nothing else.
 */
@Injectable()
export class ReplayService {
  constructor(
    @Inject(REPLAY_STORE) private readonly store: ReplayStore,
    @Inject(CLAIM_LOOKUP) private readonly claims: ClaimLookup,
    @Inject(ENVELOPE_READER) private readonly envelopes: EnvelopeReader,
    @Inject(PRODUCER_PORT) private readonly producer: ProducerPort,
    @Inject(REPLAY_CLOCK) private readonly clock: () => number,
  ) {}

  async replay(command: ReplayCommand): Promise<ReplayReport> {
    const requestedAt = this.clock();
    const force = command.force === true;
    const rows = await this.lookup('the ops database', () => this.store.select(command.selection, MAX_REPLAY_SELECTION + 1));
    if (rows.length > MAX_REPLAY_SELECTION) throw new SelectionTooLarge(MAX_REPLAY_SELECTION);
    const outcomes: ReplayItemOutcome[] = missingIds(command.selection, rows).map((id) => ({
      id,
      verdict: 'CANNOT_REPLAY',
      reason: 'cannot replay: there is no dead letter with this id',
      publish: false,
    }));
    const published: Array<{ id: number; verdict: string }> = [];
    let error: string | undefined;
    const total = rows.length;
    for (let start = 0; start < total; start += CHUNK) {
      const chunk = rows.slice(start, start + CHUNK);
      const facts = await this.facts(chunk);
      const plans = chunk.map((row, i) => decideReplay(row, facts[i] as ReplayFacts, { actor: command.actor, now: requestedAt, force }));
      if (command.dryRun || error !== undefined) {
        outcomes.push(...plans.map((plan) => outcomeOf(plan, !command.dryRun ? false : plan.publish)));
      } else {
        const outgoing = plans.filter((plan): plan is ItemPlan & { record: OutboundRecord } => plan.publish && plan.record !== undefined);
        try {
          if (outgoing.length > 0) await this.producer.send(outgoing.map((plan) => plan.record));
          published.push(...outgoing.map((plan) => ({ id: plan.id, verdict: plan.verdict })));
          outcomes.push(...plans.map((plan) => outcomeOf(plan)));
        } catch (cause) {
          error =
            `publishing failed after ${published.length} record(s): ${(cause as Error)?.message ?? String(cause)}. ` +
            'Dead letters not marked REPLAYED stay OPEN; some of the failed batch may have been delivered — the consumers\' claims make replaying them again safe.';
          outcomes.push(...plans.map((plan) => outcomeOf(plan, false)));
        }
      }
      command.onProgress?.(Math.min(start + CHUNK, total), total);
    }
    if (total === 0) command.onProgress?.(0, 0);
    outcomes.sort((a, b) => a.id - b.id);
    const counts = countOutcomes(outcomes);
    const finishedAt = this.clock();
    const audit = {
      requestedBy: command.actor,
      requestedAt: new Date(requestedAt),
      finishedAt: new Date(finishedAt),
      dryRun: command.dryRun,
      force,
      selection: command.selection,
      outcome: outcomes,
      counts,
      error,
    };
    const auditId = await this.store.recordReplay(audit, published);
    return {
      auditId,
      dryRun: command.dryRun,
      force,
      requestedBy: command.actor,
      requestedAt: audit.requestedAt.toISOString(),
      finishedAt: audit.finishedAt.toISOString(),
      selection: command.selection,
      counts,
      items: outcomes,
      ...(error === undefined ? {} : { error }),
    };
  }

  history(query: { limit: number; beforeId?: number | undefined }): Promise<ReplayAuditEntry[]> {
    return this.store.history(query);
  }

  audit(id: number): Promise<ReplayAuditEntry | null> {
    return this.store.audit(id);
  }

  /** What the idempotency store and ops' documents say about each dead letter. */
  private async facts(rows: readonly DeadLetterRow[]): Promise<ReplayFacts[]> {
    const ids = await Promise.all(
      rows.map(async (row): Promise<{ eventId: string } | { why: string }> => {
        const source = eventIdSourceOf(row);
        if (source.kind === 'known') return { eventId: source.eventId };
        if (source.kind === 'none') return { why: source.why };
        return this.envelopes.eventIdOf(row.value as Buffer);
      }),
    );
    const wanted = rows.flatMap((row, index) => {
      const id = ids[index];
      const consumerGroup = consumerGroupOf(row);
      return id && 'eventId' in id && consumerGroup ? [{ index, consumerGroup, eventId: id.eventId }] : [];
    });
    const states = await this.lookup('the idempotency store', () => this.claims.states(wanted));
    const effects = rows.map(documentEffectOf);
    const refs = effects.flatMap((effect) => (effect ? [{ docType: effect.docType, docId: effect.docId }] : []));
    const stages = await this.lookup('the ops database', () => this.store.documentStages(refs));
    return rows.map((row, index): ReplayFacts => {
      const id = ids[index];
      const asked = wanted.findIndex((w) => w.index === index);
      const claim: ReplayFacts['claim'] =
        asked >= 0
          ? { state: states[asked] ?? 'absent', eventId: (wanted[asked] as { eventId: string }).eventId }
          : { state: 'unknown', why: id && 'why' in id ? id.why : 'the record names no consumer group' };
      const effect = effects[index];
      const stage = effect ? stages.get(documentRefKey(effect)) : undefined;
      const effectSeen = effect && stage !== undefined && effect.reachedAt.includes(stage) ? effect.describe(stage) : undefined;
      return { claim, effectSeen };
    });
  }

  private async lookup<T>(what: string, read: () => Promise<T>): Promise<T> {
    try {
      return await read();
    } catch (cause) {
      throw new ReplayLookupFailed(what, cause);
    }
  }
}

function missingIds(selection: ReplaySelection, rows: readonly DeadLetterRow[]): number[] {
  if (!('ids' in selection)) return [];
  const found = new Set(rows.map((row) => row.id));
  return selection.ids.filter((id) => !found.has(id));
}
