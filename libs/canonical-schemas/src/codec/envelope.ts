import { hash } from 'node:crypto';
import type { CanonicalEventType } from '../catalogue/topics';
import type { Envelope } from '../generated/events';

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
  const hex = hash('sha256', joined, 'hex');
  const variant = ((parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
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
