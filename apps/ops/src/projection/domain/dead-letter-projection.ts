import { maskText } from './masking';

/** A record of a dead-letter topic as read (the DLT decoder's value): never interpreted on the way in. */
export interface RawDeadLetter {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  /** Broker timestamp, ms since the epoch. */
  readonly timestamp: string;
  readonly key: string | null;
  readonly value: Buffer | null;
  readonly headers: Readonly<Record<string, string>>;
}

/** The value of a dead letter as far as it could be read: JSON, canonical Avro, or only bytes (with why). */
export type ReadableValue =
  | { readonly format: 'json'; readonly value: unknown }
  | { readonly format: 'avro'; readonly value: unknown; readonly eventType: string }
  | { readonly format: 'bytes'; readonly note: string }
  | { readonly format: 'empty'; readonly note: string };

/** One row of dead_letter (without its serial id). */
export interface DeadLetterRow {
  readonly dltTopic: string;
  readonly dltPartition: number;
  readonly dltOffset: string;
  readonly service: string;
  readonly consumerGroup: string | null;
  readonly originalTopic: string | null;
  readonly originalPartition: number | null;
  readonly originalOffset: string | null;
  readonly originalTimestamp: Date | null;
  readonly recordKey: string | null;
  readonly businessKey: string | null;
  readonly supplierId: string | null;
  readonly facilityId: string | null;
  readonly errorCode: string;
  readonly errorMessage: string | null;
  readonly attempts: number | null;
  readonly firstFailureAt: Date | null;
  readonly lastFailureAt: Date | null;
  readonly traceId: string | null;
  readonly value: Buffer | null;
  readonly headers: Record<string, string>;
  readonly recordedAt: Date;
}

const H = {
  originalTopic: 'procurelink.original.topic',
  originalPartition: 'procurelink.original.partition',
  originalOffset: 'procurelink.original.offset',
  originalTimestamp: 'procurelink.original.timestamp',
  consumerGroup: 'procurelink.consumer-group',
  errorCode: 'procurelink.error.code',
  errorMessage: 'procurelink.error.message',
  attempts: 'procurelink.error.attempts',
  firstFailureAt: 'procurelink.error.first-failure-at',
  lastFailureAt: 'procurelink.error.last-failure-at',
  traceId: 'procurelink.trace-id',
} as const;

/** Id fields, most specific document first: the business key when the record has no key. */
const BUSINESS_KEY_FIELDS = ['invoiceId', 'paymentId', 'receiptId', 'poNumber', 'supplierId', 'invoiceNumber', 'documentId', 'id', 'po_number', 'invoice_id', 'payment_id', 'supplier_id', 'vendorId'];
const SUPPLIER_FIELDS = ['supplierId', 'supplier_id', 'vendorId', 'vendor_id'];
const FACILITY_FIELDS = ['facilityId', 'facility_id', 'shipToFacilityId', 'receivingFacilityId'];

/** The service of a consumer group `<prefix>procurelink.<service>`, else of a topic `<prefix>procurelink.<service>.dlt`. */
export function serviceOf(consumerGroup: string | undefined, dltTopic: string): string {
  const fromGroup = consumerGroup?.match(/procurelink\.([a-z0-9-]+)$/)?.[1];
  if (fromGroup) return fromGroup;
  return dltTopic.match(/procurelink\.([a-z0-9-]+)\.dlt$/)?.[1] ?? 'unknown';
}

/**
 * A dead-letter record → its dead_letter row: service from the consumer-group header, the
 * failure from the procurelink.* headers, the business key from the record key or the value's
 * id fields, supplier and facility when the value could be read. The value's bytes are kept as
 * they are, for replay; a value that could not be read is still stored.
 */
export function projectDeadLetter(raw: RawDeadLetter, readable: ReadableValue, recordedAt: Date): DeadLetterRow {
  const h = raw.headers;
  const value = readable.format === 'json' || readable.format === 'avro' ? readable.value : undefined;
  const key = raw.key !== null && raw.key.trim() !== '' ? raw.key : null;
  const headers: Record<string, string> = { ...h };
  const rawMessage = h[H.errorMessage];
  const message = rawMessage === undefined ? null : maskText(rawMessage);
  if (message !== null) headers[H.errorMessage] = message;
  const originalOffset = h[H.originalOffset];
  return {
    dltTopic: raw.topic,
    dltPartition: raw.partition,
    dltOffset: raw.offset,
    service: serviceOf(h[H.consumerGroup], raw.topic),
    consumerGroup: h[H.consumerGroup] ?? null,
    originalTopic: h[H.originalTopic] ?? null,
    originalPartition: intOrNull(h[H.originalPartition]),
    originalOffset: originalOffset !== undefined && /^\d+$/.test(originalOffset) ? originalOffset : null,
    originalTimestamp: dateOrNull(h[H.originalTimestamp]),
    recordKey: raw.key,
    businessKey: key ?? findField(value, BUSINESS_KEY_FIELDS),
    supplierId: findField(value, SUPPLIER_FIELDS),
    facilityId: findField(value, FACILITY_FIELDS),
    errorCode: h[H.errorCode] || 'UNKNOWN',
    errorMessage: message,
    attempts: intOrNull(h[H.attempts]),
    firstFailureAt: dateOrNull(h[H.firstFailureAt]),
    lastFailureAt: dateOrNull(h[H.lastFailureAt]) ?? dateOrNull(raw.timestamp),
    traceId: h[H.traceId] ?? null,
    value: raw.value,
    headers,
    recordedAt,
  };
}

/** The first string/number among `fields` at the top level, then in `envelope`, `shipTo`, `supplier`, `header`. */
export function findField(value: unknown, fields: readonly string[]): string | null {
  if (!isObject(value)) return null;
  for (const scope of [value, value['envelope'], value['shipTo'], value['supplier'], value['header']]) {
    if (!isObject(scope)) continue;
    for (const field of fields) {
      const found = scope[field];
      if ((typeof found === 'string' && found.trim() !== '') || typeof found === 'number') return String(found);
    }
  }
  return null;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function intOrNull(text: string | undefined): number | null {
  if (text === undefined || !/^-?\d+$/.test(text)) return null;
  return Number(text);
}

/** An ISO time or epoch milliseconds. */
function dateOrNull(text: string | undefined): Date | null {
  if (text === undefined || text === '') return null;
  const date = /^\d+$/.test(text) ? new Date(Number(text)) : new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}
