import type { HandlerMap } from '../handler/handler';
import type { ClaimPort } from '../ports/claims';
import type { RecordDecoder } from '../ports/decoder';
import type { RetryTopology } from '../retry/retry-topology';
import type { RuntimeLogger } from '../runtime/runtime-logger';
import type { KafkaClientOptions } from '../infra/kafkajs/create-client';

/** Everything a service declares to run its consumers on the runtime. */
export interface MessagingOptions {
  readonly client: KafkaClientOptions;
  readonly topology: RetryTopology;
  readonly decoder: RecordDecoder;
  readonly handlers: HandlerMap;
  readonly claims?: ClaimPort;
  readonly keyConcurrency?: number;
  readonly partitionsConsumedConcurrently?: number;
  readonly shutdownDeadlineMs?: number;
  readonly producerLingerMs?: number;
  readonly logger?: RuntimeLogger;
  /** The `service` label of the runtime metrics (default: the client id). */
  readonly service?: string;
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
