import { messagingInstruments } from '@procurelink/observability';
import { sanitizeMessage } from '../headers/sanitize';
import { stderrLogger, type RuntimeLogger } from './runtime-logger';
import { runKeyOrdered } from '../batching/key-ordered';
import { classify, type Classified } from '../errors/classify';
import { ProcessingError } from '../errors/processing-error';
import { failureHeaders } from '../headers/failure-headers';
import { HEADERS } from '../headers/header-names';
import { headerInt } from '../headers/headers';
import type { HandlerMap, InboundEvent } from '../handler/handler';
import type { ClaimPort, ClaimState } from '../ports/claims';
import type { DecodedValue, RecordDecoder } from '../ports/decoder';
import type { InboundRecord, ProducerPort } from '../ports/records';
import { routeFailure, type RetryTopology } from '../retry/retry-topology';
import { injectTraceContext, traceIdOf, withProcessSpan } from '../tracing/kafka-propagation';

export interface BatchProcessorOptions {
  readonly topology: RetryTopology;
  readonly decoder: RecordDecoder;
  readonly handlers: HandlerMap;
  readonly producer: ProducerPort;
  /** Event-id idempotency: claimed for the whole batch in one round trip. Optional. */
  readonly claims?: ClaimPort | undefined;
  /** How many keys of one batch run at once; records of one key always run in order. */
  readonly concurrency: number;
  readonly clock?: () => number;
  /** The `service` label of the runtime metrics (default: the consumer group). */
  readonly service?: string;
  /** Where a retried or dead-lettered record is reported (default: the service's JSON logger). */
  readonly logger?: RuntimeLogger;
}

export interface BatchResult {
  acked: number;
  skipped: number;
  retried: number;
  deadLettered: number;
}

type Decoded = { ok: true; value: DecodedValue } | { ok: false; failure: Classified };
type Fate = 'acked' | 'skipped' | 'retried' | 'deadLettered';
/** How one record ended, for the counters: the error code of a retry or dead letter, a duplicate claim. */
interface Ending {
  readonly fate: Fate;
  readonly code?: string;
  readonly duplicate?: boolean;
}

/** The messaging counters a batch adds to, one add per label set. */
type CountedOutcome = 'processed' | 'retried' | 'deadLettered' | 'duplicateSkipped';

const OUTCOME_LABEL: Record<Fate, string> = { acked: 'ack', skipped: 'skip', retried: 'retry', deadLettered: 'dead_letter' };

function orderingKey(record: InboundRecord): string {
  return record.key === null ? `\u0000${record.offset}` : record.key.toString('latin1');
}

/**
 * The heart of the runtime, free of any Kafka client: decode a batch, claim it, run handlers
 * in order per key, and send every failure on to its retry or dead-letter topic. When it
 * resolves, every record of the batch is finished and its offset may be committed. It rejects
 * only when the batch cannot be finished at all (the idempotency store or the producer is
 * down); the caller then retries the batch without committing.
 */
export class BatchProcessor {
  private readonly clock: () => number;

  constructor(private readonly options: BatchProcessorOptions) {
    this.clock = options.clock ?? Date.now;
  }

  async process(records: readonly InboundRecord[]): Promise<BatchResult> {
    const started = this.clock();
    const decoding = records.map((record) => this.decode(record));
    const decoded = decoding.some((d) => d instanceof Promise) ? await Promise.all(decoding) : (decoding as Decoded[]);
    const claims = await this.claim(decoded);
    const confirm: Array<{ key: string; token: string }> = [];
    const release: Array<{ key: string; token: string }> = [];
    const publishes: Array<Promise<void>> = [];
    const endedAt: number[] = new Array(records.length);
    const fates = await runKeyOrdered(
      records.map((record, index) => ({ record, index })),
      ({ record }) => orderingKey(record),
      this.options.concurrency,
      async ({ record, index }): Promise<Ending> => {
        try {
          return await this.finish(record, decoded[index] as Decoded, claims[index], { confirm, release, publishes });
        } finally {
          endedAt[index] = this.clock();
        }
      },
    );
    const published = await Promise.allSettled(publishes);
    const failedPublish = published.find((p): p is PromiseRejectedResult => p.status === 'rejected');
    if (failedPublish) {
      // Nothing of this batch may count as done: release every claim, so the re-run redoes it.
      await this.settleClaims([], [...confirm, ...release]);
      throw failedPublish.reason;
    }
    await this.settleClaims(confirm, release);
    const result: BatchResult = { acked: 0, skipped: 0, retried: 0, deadLettered: 0 };
    for (const fate of fates) {
      if (!fate.ok) throw fate.error;
      result[fate.value.fate] += 1;
    }
    this.count(records, fates as Array<{ ok: true; value: Ending }>, started, endedAt);
    return result;
  }

  /** One record: decoded (or failed to), claimed (or a duplicate), handled, or routed on. */
  private async finish(
    record: InboundRecord,
    decodedRecord: Decoded,
    claim: { key: string; state: ClaimState } | undefined,
    batch: { confirm: Array<{ key: string; token: string }>; release: Array<{ key: string; token: string }>; publishes: Array<Promise<void>> },
  ): Promise<Ending> {
    const { confirm, release, publishes } = batch;
    if (!decodedRecord.ok) return this.route(record, decodedRecord.failure);
    if (claim?.state.status === 'done') return { fate: 'skipped', duplicate: true };
    if (claim?.state.status === 'in-progress') {
      return this.route(record, classify(new ProcessingError('CLAIMED_ELSEWHERE', 'another worker holds the claim')));
    }
    const held = claim?.state.status === 'claimed' ? { key: claim.key, token: claim.state.token } : undefined;
    try {
      const outcome = await this.handle(record, decodedRecord.value, publishes);
      if (held) confirm.push(held);
      return { fate: outcome };
    } catch (error) {
      if (held) release.push(held);
      return this.route(record, classify(error));
    }
  }

  /**
   * Counts a finished batch (never one that will run again): outcomes, codes, duplicates, latency.
   * Counters are added once per topic and label set of the batch (each add hashes its labels); durations per record.
   */
  private count(records: readonly InboundRecord[], endings: ReadonlyArray<{ ok: true; value: Ending }>, started: number, endedAt: readonly number[]): void {
    const m = messagingInstruments();
    const service = this.options.service ?? this.options.topology.group;
    const tally = new Map<string, { counter: CountedOutcome; labels: Record<string, string>; n: number }>();
    const add = (counter: CountedOutcome, topic: string, label: string, labels: () => Record<string, string>): void => {
      const key = `${counter}\u0000${topic}\u0000${label}`;
      const entry = tally.get(key);
      if (entry) entry.n += 1;
      else tally.set(key, { counter, labels: labels(), n: 1 });
    };
    const durationLabels = new Map<string, { service: string; topic: string }>();
    endings.forEach(({ value: ending }, index) => {
      const topic = (records[index] as InboundRecord).topic;
      const outcome = OUTCOME_LABEL[ending.fate];
      add('processed', topic, outcome, () => ({ service, topic, outcome }));
      if (ending.fate === 'retried' || ending.fate === 'deadLettered') {
        const code = ending.code ?? 'UNKNOWN';
        add(ending.fate, topic, code, () => ({ service, topic, code }));
      }
      if (ending.duplicate) add('duplicateSkipped', topic, '', () => ({ service, topic }));
      let labels = durationLabels.get(topic);
      if (labels === undefined) durationLabels.set(topic, (labels = { service, topic }));
      m.duration.record(Math.max(0, ((endedAt[index] ?? started) - started) / 1000), labels);
    });
    for (const { counter, labels, n } of tally.values()) m[counter].add(n, labels);
  }

  private decode(record: InboundRecord): Decoded | Promise<Decoded> {
    try {
      const value = this.options.decoder.decode(record);
      if (value instanceof Promise) {
        return value.then(
          (resolved): Decoded => ({ ok: true, value: resolved }),
          (error: unknown): Decoded => ({ ok: false, failure: classify(error) }),
        );
      }
      return { ok: true, value };
    } catch (error) {
      return { ok: false, failure: classify(error) };
    }
  }

  private async claim(decoded: readonly Decoded[]): Promise<Array<{ key: string; state: ClaimState } | undefined>> {
    const { claims, topology } = this.options;
    const slots: Array<{ key: string; state: ClaimState } | undefined> = decoded.map(() => undefined);
    if (!claims) return slots;
    const wanted = decoded
      .map((d, index) => (d.ok && d.value.eventId ? { index, key: `${topology.group}:${d.value.eventId}` } : undefined))
      .filter((w): w is { index: number; key: string } => w !== undefined);
    if (wanted.length === 0) return slots;
    const states = await claims.claimMany(wanted.map((w) => w.key));
    wanted.forEach((w, i) => (slots[w.index] = { key: w.key, state: states[i] as ClaimState }));
    return slots;
  }

  private async handle(record: InboundRecord, decoded: DecodedValue, publishes: Array<Promise<void>>): Promise<Fate> {
    // Own properties only: an event type such as "toString" must not find Object.prototype's.
    const handler = Object.hasOwn(this.options.handlers, decoded.eventType) ? this.options.handlers[decoded.eventType] : undefined;
    if (!handler) {
      throw new ProcessingError('NO_HANDLER', `no handler for event type ${decoded.eventType}`);
    }
    const event: InboundEvent = {
      eventType: decoded.eventType,
      eventId: decoded.eventId,
      key: record.key?.toString() ?? '',
      value: decoded.value,
      headers: record.headers,
      topic: record.headers[HEADERS.originalTopic] ?? record.topic,
      partition: record.partition,
      offset: record.offset,
      attempt: headerInt(record.headers, HEADERS.attempt, 1),
      publish: (outbound) => {
        const { producer } = this.options;
        const sent = producer.send(producer.tracesRecords === true ? outbound : outbound.map((o) => ({ ...o, headers: injectTraceContext({ ...(o.headers ?? {}) }) })));
        sent.catch(() => undefined); // the batch waits for every publish; a handler may also await it
        publishes.push(sent);
        return sent;
      },
    };
    const outcome = await withProcessSpan(record, this.options.topology.group, () => handler(event));
    return outcome?.kind === 'skip' ? 'skipped' : 'acked';
  }

  private async route(record: InboundRecord, failure: Classified): Promise<Ending> {
    const now = this.clock();
    const attempt = headerInt(record.headers, HEADERS.attempt, 1);
    const route = routeFailure(this.options.topology, attempt, failure, now);
    const headers = failureHeaders({
      headers: record.headers,
      origin: { topic: record.topic, partition: record.partition, offset: record.offset, timestamp: record.timestamp },
      group: this.options.topology.group,
      failure,
      attempts: attempt,
      now,
      traceId: traceIdOf(record.headers),
      ...(route.kind === 'retry' ? { dueAt: route.dueAt } : {}),
    });
    await this.options.producer.send([{ topic: route.topic, key: record.key, value: record.value, headers }]);
    const logger = this.options.logger ?? stderrLogger;
    const fields = { topic: record.topic, partition: record.partition, offset: record.offset, to: route.topic, code: failure.code, attempt, error: sanitizeMessage(failure.message) };
    if (route.kind === 'retry') logger.warn('record sent to retry', fields);
    else logger.error('record dead-lettered', fields);
    return { fate: route.kind === 'retry' ? 'retried' : 'deadLettered', code: failure.code };
  }

  private async settleClaims(
    confirm: Array<{ key: string; token: string }>,
    release: Array<{ key: string; token: string }>,
  ): Promise<void> {
    const { claims } = this.options;
    if (!claims) return;
    // The work is done either way; a store that fails here leaves claims to expire (the
    // target-side idempotency key still stops a second posting), so the batch still commits.
    await Promise.allSettled([
      confirm.length > 0 ? claims.confirmMany(confirm) : Promise.resolve(),
      release.length > 0 ? claims.releaseMany(release) : Promise.resolve(),
    ]);
  }
}
