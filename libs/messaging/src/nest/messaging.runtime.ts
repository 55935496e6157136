import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Producer } from 'kafkajs';
import type { BatchingProducer } from '../infra/kafkajs/batching-producer';
import { createKafka, createProducer } from '../infra/kafkajs/create-client';
import { KafkaConsumerRuntime, type ConsumerStatus } from '../infra/kafkajs/kafka-consumer-runtime';
import type { ProducerPort } from '../ports/records';
import { BatchProcessor } from '../runtime/batch-processor';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging.options';

/**
 * The runtime as a Nest provider: connects and starts consuming once the application has
 * bootstrapped, and on shutdown finishes in-flight work, commits and disconnects within the
 * deadline. Use it instead of @nestjs/microservices' Kafka server (message at a time, no
 * dead letters, events without a handler dropped silently).
 */
@Injectable()
export class MessagingRuntime implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private consumer: KafkaConsumerRuntime | undefined;
  private producer: Producer | undefined;
  private port: BatchingProducer | undefined;

  constructor(@Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions) {}

  /** The batching producer handlers use to publish their events. */
  get publisher(): ProducerPort {
    if (!this.port) throw new Error('the messaging runtime has not started yet');
    return this.port;
  }

  /** Whether the consumer runs (readiness reads it): `down` once kafkajs reports a crash it gives up on, or a stop. */
  consumerStatus(): ConsumerStatus {
    return this.consumer?.status() ?? { state: 'starting' };
  }

  async onApplicationBootstrap(): Promise<void> {
    const service = this.options.service ?? this.options.client.clientId;
    const kafka = createKafka(this.options.client);
    const created = await createProducer(kafka, { lingerMs: this.options.producerLingerMs ?? 2, maxBatchRecords: 1000 });
    this.producer = created.producer;
    this.port = created.port;
    const processor = new BatchProcessor({
      topology: this.options.topology,
      decoder: this.options.decoder,
      handlers: this.options.handlers,
      producer: created.port,
      claims: this.options.claims,
      concurrency: this.options.keyConcurrency ?? 32,
      service,
    });
    this.consumer = new KafkaConsumerRuntime(kafka, {
      topology: this.options.topology,
      processor,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 3,
      service,
      ...(this.options.logger ? { logger: this.options.logger } : {}),
    });
    await this.consumer.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.stop(this.options.shutdownDeadlineMs ?? 10_000);
    await this.port?.drain();
    await this.producer?.disconnect();
  }
}
