import { messagingInstruments } from '@procurelink/observability';
import type { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import type { BatchProcessor, BatchResult } from '../../runtime/batch-processor';
import { sanitizeMessage } from '../../headers/sanitize';
import { splitDue } from '../../runtime/due';
import { stderrLogger, type RuntimeLogger } from '../../runtime/runtime-logger';
import { topologyTopics, validateTopology, type RetryTopology } from '../../retry/retry-topology';
import { ensureTopics } from './ensure-topics';
import { toInboundRecord } from './inbound';

export interface KafkaConsumerRuntimeOptions {
  readonly topology: RetryTopology;
  readonly processor: BatchProcessor;
  /** Partitions processed at once by this instance. */
  readonly partitionsConsumedConcurrently?: number;
  /** How long a partition rests after a batch could not be finished (store or producer down). */
  readonly batchFailureBackoffMs?: number;
  /** Partitions for the retry and dead-letter topics the runtime creates. */
  readonly topicPartitions?: number;
  readonly fromBeginning?: boolean;
  readonly sessionTimeoutMs?: number;
  readonly logger?: RuntimeLogger;
  readonly clock?: () => number;
  /** The `service` label of the consumer-lag gauge (default: the consumer group). */
  readonly service?: string;
}

/** Whether the consumer is consuming; `down` after kafkajs reports it crashed for good or stopped. */
export type ConsumerStatus = { readonly state: 'starting' | 'running' } | { readonly state: 'down'; readonly reason: string };

export type RuntimeTotals = BatchResult & { batches: number; batchFailures: number };

/**
 * The kafkajs adapter of the runtime: one consumer group subscribed to the source topics and
 * its own retry topics, `eachBatch` handing each partition's records to the BatchProcessor,
 * offsets resolved only past finished records and committed after every batch.
 */
export class KafkaConsumerRuntime {
  private consumer: Consumer | undefined;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly logger: RuntimeLogger;
  private readonly clock: () => number;
  readonly totals: RuntimeTotals = { acked: 0, skipped: 0, retried: 0, deadLettered: 0, batches: 0, batchFailures: 0 };
  private current: ConsumerStatus = { state: 'starting' };

  constructor(
    private readonly kafka: Kafka,
    private readonly options: KafkaConsumerRuntimeOptions,
  ) {
    const problems = validateTopology(options.topology);
    if (problems.length > 0) throw new Error(`invalid retry topology: ${problems.join('; ')}`);
    this.logger = options.logger ?? stderrLogger;
    this.clock = options.clock ?? Date.now;
  }

  async start(): Promise<void> {
    const { topology } = this.options;
    const topics = topologyTopics(topology);
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await ensureTopics(admin, [...topics.retry, topics.deadLetter], this.options.topicPartitions ?? 3);
    } finally {
      await admin.disconnect();
    }
    this.consumer = this.kafka.consumer({
      groupId: topology.group,
      sessionTimeout: this.options.sessionTimeoutMs ?? 30_000,
      maxWaitTimeInMs: 100,
      retry: { retries: 10 },
    });
    this.watch(this.consumer);
    await this.consumer.connect();
    await this.consumer.subscribe({
      topics: [...topology.sourceTopics, ...topics.retry],
      fromBeginning: this.options.fromBeginning ?? true,
    });
    const retryTopics = new Set(topics.retry);
    await this.consumer.run({
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 3,
      eachBatch: (payload) => this.onBatch(payload, retryTopics.has(payload.batch.topic)),
    });
  }

  /** What readiness reports about this consumer. */
  status(): ConsumerStatus {
    return this.current;
  }

  /** Follows kafkajs' lifecycle events: a crash it will not restart from, or a stop, marks the consumer down. */
  private watch(consumer: Consumer): void {
    const { events } = consumer;
    consumer.on(events.GROUP_JOIN, () => (this.current = { state: 'running' }));
    consumer.on(events.CRASH, ({ payload }) => {
      const message = sanitizeMessage(payload.error instanceof Error ? payload.error.message : String(payload.error));
      this.current = payload.restart ? { state: 'starting' } : { state: 'down', reason: `consumer crashed: ${message}`.slice(0, 200) };
    });
    consumer.on(events.STOP, () => {
      if (this.current.state !== 'down') this.current = { state: 'down', reason: 'consumer stopped' };
    });
  }

  /** Finishes the batch in flight (its offsets are committed), leaves the group, within the deadline. */
  async stop(deadlineMs = 10_000): Promise<'clean' | 'deadline'> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    const consumer = this.consumer;
    if (!consumer) return 'clean';
    this.consumer = undefined;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'deadline'>((resolve) => (timer = setTimeout(() => resolve('deadline'), deadlineMs)));
    const outcome = await Promise.race([consumer.disconnect().then(() => 'clean' as const), deadline]);
    clearTimeout(timer);
    return outcome;
  }

  private async onBatch(payload: EachBatchPayload, fromRetryTopic: boolean): Promise<void> {
    const { batch, resolveOffset, heartbeat, pause, isRunning, isStale } = payload;
    if (!isRunning() || isStale()) return;
    const records = batch.messages.map((message) => toInboundRecord(batch.topic, batch.partition, message));
    const { due, waitUntil } = fromRetryTopic ? splitDue(records, this.clock()) : { due: records, waitUntil: undefined };
    if (due.length > 0) {
      try {
        const result = await this.options.processor.process(due);
        this.add(result);
        const last = due[due.length - 1];
        if (last) resolveOffset(last.offset);
        this.recordLag(batch.topic, batch.partition, batch.highWatermark, last?.offset ?? batch.lastOffset());
      } catch (error) {
        this.totals.batchFailures += 1;
        const backoff = this.options.batchFailureBackoffMs ?? 2_000;
        this.logger.warn('batch not finished; the partition rests and tries again', {
          topic: batch.topic,
          partition: batch.partition,
          firstOffset: batch.firstOffset(),
          backoffMs: backoff,
          error: error instanceof Error ? error.message : String(error),
        });
        this.rest(pause, backoff);
        return;
      }
    }
    if (waitUntil !== undefined) this.rest(pause, Math.max(0, waitUntil - this.clock()));
    await heartbeat();
  }

  /** Records behind the high watermark once `finished` is done (kafkajs' offsetLag counts from the batch's last record). */
  private recordLag(topic: string, partition: number, highWatermark: string, finished: string): void {
    const lag = BigInt(highWatermark) - BigInt(finished) - 1n;
    messagingInstruments().lag.record(Number(lag < 0n ? 0n : lag), {
      service: this.options.service ?? this.options.topology.group,
      topic,
      partition: String(partition),
    });
  }

  private rest(pause: () => () => void, ms: number): void {
    const resume = pause();
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      resume();
    }, ms);
    this.timers.add(timer);
  }

  private add(result: BatchResult): void {
    this.totals.batches += 1;
    this.totals.acked += result.acked;
    this.totals.skipped += result.skipped;
    this.totals.retried += result.retried;
    this.totals.deadLettered += result.deadLettered;
  }
}
