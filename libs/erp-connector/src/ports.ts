/**
 * The ERP, one port per capability. Services depend on these interfaces only; the HTTP adapter
 * under infra/ speaks the REST contract in apps/erp-sandbox/CONTRACT.md.
 *
 * Every write carries an idempotency key (the business identity of the posting): asking twice
 * with the same key and request returns the original posting, so a retry never doubles it.
 * Money is a decimal string (never a number).
 *
 * Failures are thrown as classified errors (`code`, `retriable`, never a clear sensitive value
 * in the message):
 *   TARGET_UNAVAILABLE (retriable)   5xx, timeout, connection refused or reset
 *   INVALID_INPUT (not retriable)    400 (the message lists the problem codes and field paths)
 *   TARGET_REJECTED (not retriable)  409 idempotency key reused with a different request, other 4xx
 */

export interface ErpPosting {
  readonly sequence: number;
  /** The ERP's document number (VND-, ENC-, APV-, PMT- + sequence). */
  readonly documentNumber: string;
  readonly kind: 'VENDOR_UPSERT' | 'ENCUMBRANCE' | 'AP_INVOICE' | 'PAYMENT_STATUS';
  readonly businessKey: string;
  readonly idempotencyKey: string;
  /** ISO 8601 instant. */
  readonly acceptedAt: string;
  /** True when the ERP answered with the original posting for a key it had already accepted. */
  readonly replayed: boolean;
}

export interface VendorUpsert {
  readonly supplierId: string;
  readonly legalName: string;
  readonly tradingName?: string;
  readonly status: 'ACTIVE' | 'INACTIVE' | 'ON_HOLD';
  readonly remitTo: {
    readonly line1: string;
    readonly line2?: string;
    readonly city: string;
    readonly region?: string;
    readonly postalCode: string;
    readonly country: string;
  };
  /** A vault token and masked number only, never a clear account number. */
  readonly bankAccount?: { readonly token: string; readonly maskedNumber: string; readonly bankCountry: string } | null;
  readonly paymentTermsCode?: string;
}

export interface EncumbranceRequest {
  readonly poNumber: string;
  readonly revision: number;
  readonly lineNumber: number;
  readonly glAccount: string;
  readonly costCentre: string;
  readonly facilityId: string;
  readonly departmentId?: string;
  readonly supplierId?: string;
  readonly reason?: string;
  /** Decimal string, above zero; the direction gives the sign. */
  readonly amount: string;
  readonly currency: string;
  readonly direction: 'ENCUMBER' | 'RELIEVE' | 'RELEASE';
}

export interface ApInvoiceRequest {
  readonly invoiceId: string;
  readonly supplierId: string;
  readonly poNumber: string;
  readonly supplierInvoiceNumber?: string;
  readonly facilityId?: string;
  /** YYYY-MM-DD */
  readonly invoiceDate?: string;
  readonly dueDate?: string;
  /** Decimal string; sum of line amounts + taxAmount must equal it exactly. */
  readonly amount: string;
  readonly taxAmount?: string;
  readonly currency: string;
  readonly lines: ReadonlyArray<{
    readonly lineNumber: number;
    readonly poLineNumber?: number;
    readonly description: string;
    readonly quantity?: string;
    readonly amount: string;
    readonly glAccount?: string;
  }>;
}

export interface PaymentStatusRequest {
  readonly paymentId: string;
  readonly supplierId: string;
  readonly status: 'SCHEDULED' | 'COMPLETED' | 'FAILED' | 'VOIDED';
  /** ISO 8601 instant with a zone. */
  readonly statusAt: string;
  readonly amount?: string;
  readonly currency?: string;
  readonly invoiceIds?: readonly string[];
  readonly facilityId?: string;
  readonly reason?: string;
}

export interface ErpVendorPort {
  upsertVendor(request: VendorUpsert, idempotencyKey: string): Promise<ErpPosting>;
}

export interface ErpEncumbrancePort {
  postEncumbrance(request: EncumbranceRequest, idempotencyKey: string): Promise<ErpPosting>;
}

export interface ErpApInvoicePort {
  postApInvoice(request: ApInvoiceRequest, idempotencyKey: string): Promise<ErpPosting>;
}

export interface ErpPaymentStatusPort {
  acknowledgePaymentStatus(request: PaymentStatusRequest, idempotencyKey: string): Promise<ErpPosting>;
}

export const ERP_VENDOR_PORT = Symbol('ERP_VENDOR_PORT');
export const ERP_ENCUMBRANCE_PORT = Symbol('ERP_ENCUMBRANCE_PORT');
export const ERP_AP_INVOICE_PORT = Symbol('ERP_AP_INVOICE_PORT');
export const ERP_PAYMENT_STATUS_PORT = Symbol('ERP_PAYMENT_STATUS_PORT');
