import type { ReadableValue } from '../../projection/domain/dead-letter-projection';
import { maskSensitive, maskText } from '../../projection/domain/masking';
import type { DeadLetterRecord, DeadLetterSummary } from './dead-letter-views';

export interface DeadLetterDetail extends DeadLetterSummary {
  key: string | null;
  value: { format: ReadableValue['format']; eventType?: string; decoded?: unknown; pretty?: string; base64?: string; note?: string };
  failure: {
    consumerGroup: string | null;
    originalTopic: string | null;
    originalPartition: number | null;
    originalOffset: string | null;
    originalTimestamp: string | null;
    errorCode: string;
    errorMessage: string | null;
    attempts: number | null;
    firstFailureAt: string | null;
    lastFailureAt: string | null;
    replays: { by: string | null; at: string | null; count: number };
  };
  headers: Record<string, string>;
}

/**
 * A stored dead letter for people: the value decoded (JSON pretty-printed, or Avro) with sensitive
 * fields masked, or — when it cannot be read — its bytes in base64 with a note; the failure history
 * from the headers. Header values other than ids and times are masked too.
 */
export function deadLetterDetail(record: DeadLetterRecord, readable: ReadableValue): DeadLetterDetail {
  const { value: bytes, headers, consumerGroup, originalPartition, originalOffset, originalTimestamp, recordKey, ...summary } = record;
  const decoded = readable.format === 'json' || readable.format === 'avro' ? maskSensitive(readable.value) : undefined;
  const value: DeadLetterDetail['value'] =
    decoded !== undefined
      ? { format: readable.format, ...(readable.format === 'avro' ? { eventType: readable.eventType } : {}), decoded, pretty: JSON.stringify(decoded, null, 2) }
      : { format: readable.format, note: (readable as { note: string }).note, ...(bytes && bytes.length > 0 ? { base64: bytes.toString('base64') } : {}) };
  const errorMessage = summary.errorMessage === null ? null : maskText(summary.errorMessage);
  return {
    ...summary,
    errorMessage,
    key: recordKey,
    value,
    failure: {
      consumerGroup, originalTopic: summary.originalTopic, originalPartition, originalOffset, originalTimestamp,
      errorCode: summary.errorCode, errorMessage,
      attempts: summary.attempts, firstFailureAt: summary.firstFailureAt, lastFailureAt: summary.lastFailureAt,
      replays: { by: headers['procurelink.replay.by'] ?? null, at: headers['procurelink.replay.at'] ?? null, count: Number(headers['procurelink.replay.count'] ?? 0) || 0 },
    },
    headers: Object.fromEntries(Object.entries(headers).map(([name, text]) => [name, shownHeader(name, text)])),
  };
}

/**
 * The runtime's own headers are structured (topics, offsets, times, groups, ids) and carry no
 * payload data, so they are shown as they are; the free-text error message is masked again;
 * any other header (a source system's own) is hidden.
 */
function shownHeader(name: string, text: string): string {
  if (name === 'procurelink.error.message') return maskText(text);
  if (name.startsWith('procurelink.') || name === 'traceparent' || name === 'tracestate') return text;
  return '****';
}
