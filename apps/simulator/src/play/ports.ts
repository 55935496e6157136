/** Where the simulated source systems write: Kafka source topics in the running product. */
export interface SourceWriter {
  write(record: { readonly topic: string; readonly key: string; readonly value: string }): Promise<void>;
}

/** An ERP ledger entry as GET /erp/v1/ledger returns it (the fields the simulator reads). */
export interface LedgerEntry {
  readonly sequence: number;
  readonly kind: 'VENDOR_UPSERT' | 'ENCUMBRANCE' | 'AP_INVOICE' | 'PAYMENT_STATUS';
  readonly documentNumber: string;
  readonly businessKey: string;
  readonly idempotencyKey: string;
  readonly subjectId: string;
  readonly facilityId: string | null;
  readonly currency: string | null;
  readonly amount: string | null;
  readonly direction: string | null;
  readonly acceptedAt: string;
  readonly record: Readonly<Record<string, unknown>>;
}

export interface LedgerReader {
  entries(query: Readonly<Record<string, string>>): Promise<LedgerEntry[]>;
}
