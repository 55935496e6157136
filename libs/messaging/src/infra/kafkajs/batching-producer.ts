import type { Message, Producer } from 'kafkajs';
import type { OutboundRecord, ProducerPort } from '../../ports/records';
import { startProducerSpans } from '../../tracing/producer-span';

interface Pending {
  readonly records: readonly OutboundRecord[];
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

export interface BatchingProducerOptions {
  /** How long the first record of a batch waits for company (kafkajs has no linger of its own). */
  readonly lingerMs: number;
  /** A batch is sent at once when it holds this many records. */
  readonly maxBatchRecords: number;
}

/**
 * Coalesces concurrent sends into one `sendBatch` with acks=all on an idempotent producer.
 * Each caller's promise settles when the batch holding its records is acknowledged. Every record
 * gets a PRODUCER span in the caller's trace, its traceparent header, ended at that moment.
 */
export class BatchingProducer implements ProducerPort {
  /** startProducerSpans (in send, in the caller's context) writes each record's traceparent. */
  readonly tracesRecords = true;
  private pending: Pending[] = [];
  private pendingCount = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly producer: Producer,
    private readonly options: BatchingProducerOptions = { lingerMs: 2, maxBatchRecords: 1000 },
  ) {}

  send(records: readonly OutboundRecord[]): Promise<void> {
    if (records.length === 0) return Promise.resolve();
    const traced = startProducerSpans(records);
    return new Promise<void>((resolve, reject) => {
      this.pending.push({
        records: traced.records,
        resolve: () => {
          traced.end();
          resolve();
        },
        reject: (error) => {
          traced.end(error);
          reject(error);
        },
      });
      this.pendingCount += records.length;
      if (this.pendingCount >= this.options.maxBatchRecords) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.options.lingerMs);
    });
  }

  /** Sends what is waiting now; resolves when every batch in flight is acknowledged. */
  async drain(): Promise<void> {
    this.flush();
    await Promise.allSettled([...this.inFlight]);
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.pendingCount = 0;
    const byTopic = new Map<string, Message[]>();
    for (const { records } of batch) {
      for (const record of records) {
        const messages = byTopic.get(record.topic) ?? [];
        messages.push({ key: record.key, value: record.value, headers: record.headers ?? {} });
        byTopic.set(record.topic, messages);
      }
    }
    const sent = this.producer
      .sendBatch({ acks: -1, topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })) })
      .then(
        () => batch.forEach((p) => p.resolve()),
        (error: unknown) => batch.forEach((p) => p.reject(error)),
      );
    this.inFlight.add(sent);
    void sent.finally(() => this.inFlight.delete(sent));
  }
}
