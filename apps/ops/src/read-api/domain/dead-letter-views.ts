/** A dead letter in a list (no value). */
export interface DeadLetterSummary {
  id: string;
  service: string;
  errorCode: string;
  errorMessage: string | null;
  businessKey: string | null;
  supplierId: string | null;
  facilityId: string | null;
  status: string;
  attempts: number | null;
  firstFailureAt: string | null;
  lastFailureAt: string | null;
  originalTopic: string | null;
  dltTopic: string;
  dltPartition: number;
  dltOffset: string;
  traceId: string | null;
  recordedAt: string;
}

/** A stored dead letter with everything, for GET /v1/dead-letters/:id and replay. */
export interface DeadLetterRecord extends DeadLetterSummary {
  consumerGroup: string | null;
  originalPartition: number | null;
  originalOffset: string | null;
  originalTimestamp: string | null;
  recordKey: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
}
