import { hash } from 'node:crypto';
import type { CanonicalEventType } from '../catalogue/topics';
import type { Envelope } from '../generated/events';

const HEX_DIGITS = Buffer.from('0123456789abcdef', 'latin1');
/** The id's 36 characters are written here, then read out as one string (no call can interleave). */
const scratch = Buffer.alloc(36);

/**
 * A stable event id (UUID shape, version 8 "custom") from the parts that identify the event:
 * the same source record handled twice (a redelivery, a replay, a retry) yields the same id, so
 * consumers and analytics can drop the copy. Parts are joined unambiguously before hashing.
 */
export function stableEventId(...parts: ReadonlyArray<string | number>): string {
  let joined = '';
  for (let i = 0; i < parts.length; i += 1) {
    const part = String(parts[i]);
    joined += `${i === 0 ? '' : '|'}${part.length}:${part}`;
  }
  const digest = hash('sha256', joined, 'buffer');
  digest[6] = ((digest[6] as number) & 0x0f) | 0x80; // version 8
  digest[8] = ((digest[8] as number) & 0x3f) | 0x80; // RFC 9562 variant
  let at = 0;
  for (let i = 0; i < 16; i += 1) {
    if (i === 4 || i === 6 || i === 8 || i === 10) scratch[at++] = 0x2d; // '-'
    const byte = digest[i] as number;
    scratch[at++] = HEX_DIGITS[byte >> 4] as number;
    scratch[at++] = HEX_DIGITS[byte & 0x0f] as number;
  }
  return scratch.toString('latin1', 0, 36);
}

export interface EnvelopeInput {
  readonly eventType: CanonicalEventType;
  /** The parts that make this event unique, e.g. [sourceSystem, sourceRecordId, eventType, step]. */
  readonly idParts: ReadonlyArray<string | number>;
  readonly occurredAt: Date;
  readonly sourceSystem: string;
  readonly sourceRecordId: string;
  readonly correlationId: string;
  readonly causationId?: string | null;
  readonly facilityId: string;
  readonly tenant: string;
}

/** The envelope every canonical event carries, with a stable event id. */
export function envelopeFor(input: EnvelopeInput): Envelope {
  return {
    eventId: stableEventId(input.eventType, ...input.idParts),
    eventType: input.eventType,
    occurredAt: input.occurredAt,
    sourceSystem: input.sourceSystem,
    sourceRecordId: input.sourceRecordId,
    correlationId: input.correlationId,
    causationId: input.causationId ?? null,
    facilityId: input.facilityId,
    tenant: input.tenant,
  };
}
