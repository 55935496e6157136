/** The document types ops follows (the `document.doc_type` column). */
export const DOC_TYPES = ['SUPPLIER', 'PURCHASE_ORDER', 'RECEIPT', 'INVOICE', 'PAYMENT'] as const;
export type DocType = (typeof DOC_TYPES)[number];

/** Where a record was read, and when ops saw it. */
export interface RecordMeta {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly traceId: string | undefined;
  readonly recordedAt: Date;
}

/**
 * What one event changes on its document. Null fields leave the stored value; `exception`
 * undefined leaves it, null clears it, a value sets it. The stage (and exception) apply only when
 * the event is not older than what the row already holds; with `keepStage` the stage is used only
 * for a new row.
 */
export interface DocumentChange {
  readonly docType: DocType;
  readonly docId: string;
  readonly chainId: string | null;
  readonly poNumber: string | null;
  readonly stage: string;
  readonly keepStage?: boolean;
  readonly facilityId: string | null;
  readonly supplierId: string | null;
  /** Exact decimal string. */
  readonly amount: string | null;
  readonly currency: string | null;
  readonly exception?: { readonly reason: string; readonly detail: string | null } | null;
  readonly erpDocument: string | null;
  readonly traceId: string | null;
  readonly occurredAt: Date;
}

/** One row of document_event. */
export interface DocumentEventRow {
  readonly eventId: string;
  readonly docType: DocType;
  readonly docId: string;
  readonly eventType: string;
  readonly occurredAt: Date;
  readonly recordedAt: Date;
  readonly sourceSystem: string | null;
  readonly traceId: string | null;
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  /** The fields people need, sensitive values masked. */
  readonly summary: Record<string, unknown>;
}

/** What one event does to ops' view: the document it changes and the event row itself. */
export interface DocumentProjection {
  readonly document: DocumentChange;
  readonly event: DocumentEventRow;
}
