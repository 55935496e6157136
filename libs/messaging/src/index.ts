export { ERROR_CODES, isErrorCode, type ErrorCode } from './errors/error-codes';
export { ProcessingError, invalidInput, targetUnavailable } from './errors/processing-error';
export { classify, type Classified } from './errors/classify';
export { sanitizeMessage } from './headers/sanitize';
export { HEADERS } from './headers/header-names';
export { readHeaders, type Headers, type RawHeaders } from './headers/headers';
export { failureHeaders } from './headers/failure-headers';
export {
  DEFAULT_RETRY_DELAYS_MS,
  routeFailure,
  topologyTopics,
  validateTopology,
  type RetryTopology,
  type Route,
  type TopologyTopics,
} from './retry/retry-topology';
export { runKeyOrdered } from './batching/key-ordered';
export { ACK, skip, type EventHandler, type HandlerMap, type HandlerOutcome, type InboundEvent } from './handler/handler';
export { PRODUCER_PORT, type InboundRecord, type OutboundRecord, type ProducerPort } from './ports/records';
export type { DecodedValue, RecordDecoder } from './ports/decoder';
export type { ClaimPort, ClaimState } from './ports/claims';
export { BatchProcessor, type BatchProcessorOptions, type BatchResult } from './runtime/batch-processor';
export { splitDue } from './runtime/due';
export { stderrLogger, type RuntimeLogger } from './runtime/runtime-logger';
export { planReplay, type ReplayPlan } from './replay/replay-record';
export { replayDeadLetters, type ReplayReport } from './replay/replay-dead-letters';
export { injectTraceContext, traceIdOf, withProcessSpan } from './tracing/kafka-propagation';
export { AvroRegistryDecoder } from './infra/avro-registry-decoder';
export { canonicalRegistry } from './infra/canonical-registry';
export { JsonDecoder } from './infra/json-decoder';
export { TopicRoutedDecoder } from './infra/topic-routed-decoder';
export { BatchingProducer, type BatchingProducerOptions } from './infra/kafkajs/batching-producer';
export { KafkaConsumerRuntime, type KafkaConsumerRuntimeOptions, type RuntimeTotals } from './infra/kafkajs/kafka-consumer-runtime';
export { createKafka, createProducer, type KafkaClientOptions } from './infra/kafkajs/create-client';
export { ensureTopics } from './infra/kafkajs/ensure-topics';
export { prepareServiceTopics, serviceTopicNames, type ServiceTopicsOptions } from './infra/kafkajs/prepare-service-topics';
export { readTopicToEnd } from './infra/kafkajs/read-topic';
export { MessagingModule } from './nest/messaging.module';
export { MessagingRuntime } from './nest/messaging.runtime';
export { MESSAGING_OPTIONS, type MessagingOptions } from './nest/messaging.options';
export { idempotencyClaims } from './infra/idempotency-claims';
