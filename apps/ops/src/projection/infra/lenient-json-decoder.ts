import { HEADERS, type DecodedValue, type InboundRecord, type RecordDecoder } from '@procurelink/messaging';

/** The value of a record whose payload was not JSON: the handler records or skips it, never fails. */
export interface UnreadablePayload {
  readonly unreadable: true;
  readonly note: string;
}

/**
 * JSON for ops' own inputs (ops.payment-alert.v1): the event type from the procurelink.event-type
 * header when it is one of `knownTypes` (else `fallbackType`); a payload that is not JSON decodes as UnreadablePayload instead of
 * failing, so ops never dead-letters its input because of it.
 */
export class LenientJsonDecoder implements RecordDecoder {
  constructor(
    private readonly fallbackType: string,
    private readonly knownTypes: readonly string[] = [],
  ) {}

  decode(record: InboundRecord): DecodedValue {
    const declared = record.headers[HEADERS.eventType];
    const eventType = declared !== undefined && this.knownTypes.includes(declared) ? declared : this.fallbackType;
    const eventId = record.headers[HEADERS.eventId] || undefined;
    try {
      return { eventType, eventId, value: JSON.parse(record.value?.toString('utf8') ?? '') as unknown };
    } catch {
      const note = `payload is not JSON (${record.value?.length ?? 0} bytes)`;
      return { eventType, eventId, value: { unreadable: true, note } satisfies UnreadablePayload };
    }
  }
}
