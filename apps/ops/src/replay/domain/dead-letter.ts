/** A dead letter as ops stored it (table dead_letter): the original bytes and every header, as text. */
export interface DeadLetterRow {
  readonly id: number;
  readonly dltTopic: string;
  readonly dltPartition: number;
  readonly dltOffset: string;
  readonly service: string;
  readonly consumerGroup: string | null;
  readonly errorCode: string;
  readonly recordKey: string | null;
  readonly value: Buffer | null;
  readonly headers: Readonly<Record<string, string>>;
  readonly status: DeadLetterStatus;
}

export const DEAD_LETTER_STATUSES = ['OPEN', 'REPLAYED', 'RESOLVED'] as const;
export type DeadLetterStatus = (typeof DEAD_LETTER_STATUSES)[number];

/** The filters of GET /v1/dead-letters, as a replay selection; absent fields do not filter. */
export interface DeadLetterFilter {
  readonly service?: string;
  readonly errorCode?: string;
  /** last failure at or after (ISO instant) */
  readonly from?: string;
  /** last failure before (ISO instant) */
  readonly to?: string;
  readonly supplierId?: string;
  readonly facilityId?: string;
  readonly businessKey?: string;
  /** Default OPEN for a replay: a filter never re-selects what was already replayed unless asked. */
  readonly status?: DeadLetterStatus;
}

export type ReplaySelection = { readonly ids: readonly number[] } | { readonly filter: DeadLetterFilter };
