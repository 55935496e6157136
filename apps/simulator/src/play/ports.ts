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

export interface ApiAnswer {
  readonly status: number;
  readonly body: unknown;
}

/** One service's system API, authenticated. */
export interface ServiceApi {
  get(path: string): Promise<ApiAnswer>;
  post(path: string, body: unknown): Promise<ApiAnswer>;
}

export interface SystemApi {
  readonly suppliers: ServiceApi;
  readonly payments: ServiceApi;
}

/** The ERP sandbox's controls (fault injection, tampering) the simulator uses to give operations work. */
export interface ErpSandboxControls {
  setFault(rule: { readonly mode: 'fail'; readonly capability: string; readonly status: number; readonly count: number }): Promise<void>;
  tamper(change: { readonly action: 'alter'; readonly documentNumber: string; readonly amount: string }): Promise<void>;
}
