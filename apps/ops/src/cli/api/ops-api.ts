/*
 * The port the CLI talks to: the ops service's /v1 HTTP API, in the CLI's own terms. The fetch
 * adapter (infra/fetch-ops-api.ts) implements it; tests may give any other implementation.
 */

export const DEAD_LETTER_STATUSES = ['OPEN', 'REPLAYED', 'RESOLVED'] as const;
export type DeadLetterStatus = (typeof DEAD_LETTER_STATUSES)[number];

/** The filters of GET /v1/dead-letters (also a replay selection); absent fields do not filter. */
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
  readonly status?: DeadLetterStatus;
}

export interface DeadLetterQuery extends DeadLetterFilter {
  readonly limit?: number;
  readonly after?: string;
}

export type JsonObject = Record<string, unknown>;

/** One page of GET /v1/dead-letters. */
export interface DeadLetterPage {
  readonly items: readonly JsonObject[];
  /** the `after` cursor of the next page, when there is one */
  readonly next?: string;
}

export type ReplaySelection = { readonly ids: readonly number[] } | { readonly filter: DeadLetterFilter };
export type ReplayRequest = ReplaySelection & { readonly dryRun: boolean; readonly force?: boolean };

/** One dead letter's verdict in a replay report. */
export interface ReplayVerdict {
  readonly id: number;
  readonly verdict: string;
  readonly reason?: string;
  /** sent back by this run (a dry run: would be) */
  readonly publish?: boolean;
}

export interface ReplayReport {
  readonly replayId?: number | string;
  readonly dryRun: boolean;
  readonly items: readonly ReplayVerdict[];
  readonly counts: Readonly<Record<string, number>>;
  /** set when the publish failed part-way */
  readonly error?: string;
}

export interface ReconciliationRequest {
  readonly day?: string;
  readonly facilityId?: string;
}

export interface OpsApi {
  listDeadLetters(query: DeadLetterQuery): Promise<DeadLetterPage>;
  getDeadLetter(id: number): Promise<JsonObject>;
  replay(request: ReplayRequest): Promise<ReplayReport>;
  runReconciliation(request: ReconciliationRequest): Promise<JsonObject>;
  trace(businessKey: string): Promise<JsonObject>;
}

/** An RFC 9457 problem as the API answered it (or as the CLI describes a transport failure). */
export interface Problem {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly type?: string;
  readonly problems?: ReadonlyArray<{ readonly path?: string; readonly code?: string; readonly message?: string }>;
  /** a replay that failed part-way answers 503 with the report of what went out */
  readonly report?: unknown;
}

/** The API refused or could not be reached; `problem.status` is 0 when no HTTP answer came. */
export class OpsApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
    this.name = 'OpsApiError';
  }
}
