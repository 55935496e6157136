import type { Mismatch, ReconciliationScope, ReconciliationTotals, SourceDocument } from '../domain';

/** Reads ops' documents (the `document` and `document_event` tables) for reconciliation. */
export interface ReconciliationSourcePort {
  /** Documents of the type whose latest event falls on the scope's day (and facility). */
  documentsInScope(docType: string, scope: ReconciliationScope): Promise<SourceDocument[]>;
  /** The documents of the type among these ids, wherever they are. */
  documentsByIds(docType: string, docIds: readonly string[]): Promise<SourceDocument[]>;
}
export const RECONCILIATION_SOURCE = Symbol('RECONCILIATION_SOURCE');

export type RunTrigger = 'API' | 'SCHEDULE';
export type RunStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED';

/** A stored run, as the API shows it. Money as decimal strings. */
export interface ReconciliationRunView {
  readonly id: string;
  readonly day: string;
  readonly facilityId: string | null;
  readonly trigger: RunTrigger;
  readonly requestedBy: string | null;
  readonly status: RunStatus;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly mismatchCount: number;
  readonly error: string | null;
}

export interface ReconciliationTotalsView {
  readonly kind: string;
  readonly facilityId: string | null;
  readonly day: string;
  readonly currency: string | null;
  readonly source: { readonly count: number; readonly amount: string };
  readonly target: { readonly count: number; readonly amount: string };
  readonly mismatchCount: number;
}

export interface ReconciliationMismatchView {
  readonly kind: string;
  readonly facilityId: string | null;
  readonly day: string;
  readonly docType: string;
  readonly docId: string;
  readonly difference: string;
  readonly sourceValue: string | null;
  readonly targetValue: string | null;
  readonly detail: string;
}

export interface ReconciliationRunDetail extends ReconciliationRunView {
  readonly totals: readonly ReconciliationTotalsView[];
  readonly mismatches: readonly ReconciliationMismatchView[];
}

export interface RunListQuery {
  readonly day?: string;
  readonly facilityId?: string;
  /** Runs with a smaller id than this (paging, newest first). */
  readonly before?: string;
  readonly limit: number;
}

/** Keeps every run, its totals and mismatches (003_reconciliation.sql). */
export interface ReconciliationStorePort {
  start(scope: ReconciliationScope, trigger: RunTrigger, requestedBy: string | null, at: Date): Promise<string>;
  succeed(runId: string, totals: readonly ReconciliationTotals[], mismatches: readonly Mismatch[], at: Date): Promise<void>;
  fail(runId: string, error: string, at: Date): Promise<void>;
  get(runId: string): Promise<ReconciliationRunDetail | null>;
  list(query: RunListQuery): Promise<ReconciliationRunView[]>;
}
export const RECONCILIATION_STORE = Symbol('RECONCILIATION_STORE');
