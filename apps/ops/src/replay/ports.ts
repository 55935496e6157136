import type { DeadLetterRow, ReplaySelection } from './domain/dead-letter';
import type { ReplayCounts, ReplayItemOutcome } from './domain/replay-report';

export type ClaimState = 'done' | 'in-progress' | 'absent';

/** Read-only view of the services' event-id claims (the idempotency store): never claims, never writes. */
export interface ClaimLookup {
  /** One state per claim, in order: `done` when the consumer group already handled the event id. */
  states(claims: ReadonlyArray<{ readonly consumerGroup: string; readonly eventId: string }>): Promise<ClaimState[]>;
}
export const CLAIM_LOOKUP = Symbol('CLAIM_LOOKUP');

/** Reads the envelope event id of a Confluent wire-format Avro value (through the schema registry). */
export interface EnvelopeReader {
  eventIdOf(value: Buffer): Promise<{ eventId: string } | { why: string }>;
}
export const ENVELOPE_READER = Symbol('ENVELOPE_READER');

export interface DocumentRef {
  readonly docType: string;
  readonly docId: string;
}

export interface ReplayAuditInput {
  readonly requestedBy: string;
  readonly requestedAt: Date;
  readonly finishedAt: Date;
  readonly dryRun: boolean;
  readonly force: boolean;
  readonly selection: ReplaySelection;
  readonly outcome: readonly ReplayItemOutcome[];
  readonly counts: ReplayCounts;
  readonly error?: string | undefined;
}

export interface ReplayAuditEntry extends Omit<ReplayAuditInput, 'requestedAt' | 'finishedAt' | 'outcome'> {
  readonly id: number;
  readonly requestedAt: string;
  readonly finishedAt: string;
  /** Present when one audit row is read by id. */
  readonly outcome?: readonly ReplayItemOutcome[];
}

/** The ops database as replay needs it. */
export interface ReplayStore {
  /** The selected dead letters by id, at most `limit` of them. */
  select(selection: ReplaySelection, limit: number): Promise<DeadLetterRow[]>;
  /** The latest stage of each document found, keyed `docType|docId`. */
  documentStages(refs: readonly DocumentRef[]): Promise<Map<string, string>>;
  /** One transaction: the audit row, and (real replays) the published dead letters marked REPLAYED with their replay items. Returns the audit id. */
  recordReplay(audit: ReplayAuditInput, published: ReadonlyArray<{ id: number; verdict: string }>): Promise<number>;
  history(query: { readonly limit: number; readonly beforeId?: number | undefined }): Promise<ReplayAuditEntry[]>;
  audit(id: number): Promise<ReplayAuditEntry | null>;
}
export const REPLAY_STORE = Symbol('REPLAY_STORE');

export const documentRefKey = (ref: DocumentRef): string => `${ref.docType}|${ref.docId}`;
