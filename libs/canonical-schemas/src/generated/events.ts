// Generated from libs/canonical-schemas/schemas by `npm run schemas:generate`. Do not edit:
// a unit test fails when this file and the .avsc files disagree.
import type { Decimal } from '../decimal/decimal';

/** An Avro `date`: a calendar date "YYYY-MM-DD" with no time zone. */
export type CalendarDate = string;

/** A postal address. */
export interface Address {
  readonly line1: string;
  readonly line2: string | null;
  readonly city: string;
  /** State, province or county. */
  readonly region: string | null;
  readonly postalCode: string;
  /** ISO 3166-1 alpha-2 code, e.g. US. */
  readonly country: string;
}

/** A bank account by reference: the clear account number never leaves the vault. */
export interface BankAccountRef {
  /** Vault token that stands for the account. */
  readonly token: string;
  /** Display form showing the last four digits only, e.g. ****1234. */
  readonly maskedNumber: string;
  /** ISO 3166-1 alpha-2 country of the bank. */
  readonly bankCountry: string;
}

/** A financial dimension of the ledger that spend is charged to. */
export interface CostCentre {
  readonly code: string;
  readonly name: string;
}

/** A clinical or administrative department of a facility. */
export interface Department {
  readonly departmentId: string;
  readonly name: string;
  readonly facilityId: string;
}

/** Carried by every canonical event: who said what, when, and in which procure-to-pay chain. */
export interface Envelope {
  /** Unique id of this event (UUID); the same id on a redelivery. */
  readonly eventId: string;
  /** The past-tense event type, equal to the record name, e.g. PurchaseOrderApproved. */
  readonly eventType: string;
  /** When the change happened in the source system (UTC). */
  readonly occurredAt: Date;
  /** The system the change came from, e.g. erp, purchasing, ap-automation, inventory. */
  readonly sourceSystem: string;
  /** The record's id in the source system. */
  readonly sourceRecordId: string;
  /** One id per procure-to-pay chain, shared by the PO, its receipts, invoices and payments. */
  readonly correlationId: string;
  /** The eventId of the event that caused this one, if any. */
  readonly causationId: string | null;
  /** The hospital or clinic the event belongs to. */
  readonly facilityId: string;
  /** The health network (tenant) the event belongs to. */
  readonly tenant: string;
}

/** A hospital, clinic or warehouse of the network. */
export interface Facility {
  readonly facilityId: string;
  readonly name: string;
  /** The ledger entity (company code) the facility books to. */
  readonly legalEntity: string;
  readonly address: Address;
}

/** A general-ledger account, e.g. medical supplies expense. */
export interface GlAccount {
  readonly accountNumber: string;
  readonly name: string;
}

/** Goods were received against a purchase order. Shares the purchase order topic so receipts stay ordered after their order. */
export interface GoodsReceived {
  readonly envelope: Envelope;
  /** The purchase order received against; the Kafka key. */
  readonly poNumber: string;
  readonly receiptId: string;
  readonly receivedAt: Date;
  /** Dock or stockroom, when known. */
  readonly receivingLocation: string | null;
  readonly lines: readonly ReceiptLine[];
}

/** An invoice could not be matched or posted and waits for a person. */
export interface InvoiceException {
  readonly envelope: Envelope;
  /** The canonical invoice id; the Kafka key. */
  readonly invoiceId: string;
  readonly supplierId: string;
  readonly poNumber: string | null;
  readonly reason: InvoiceExceptionReason;
  /** What was found, for the person resolving it. */
  readonly detail: string;
  /** For DUPLICATE and NEAR_DUPLICATE: the invoice it repeats. */
  readonly duplicateOfInvoiceId: string | null;
  /** For PRICE_VARIANCE and QUANTITY_VARIANCE: invoiced minus expected. */
  readonly varianceAmount: Money | null;
  readonly variancePercent: Decimal | null;
}

/** Why an invoice could not be matched or posted. Readers map symbols they do not know to OTHER, so new reasons can be added. */
export type InvoiceExceptionReason =
  | 'PRICE_VARIANCE'
  | 'QUANTITY_VARIANCE'
  | 'NO_RECEIPT'
  | 'UNKNOWN_PO'
  | 'DUPLICATE'
  | 'NEAR_DUPLICATE'
  | 'INACTIVE_SUPPLIER'
  | 'CLOSED_PO'
  | 'CURRENCY_MISMATCH'
  | 'SUPPLIER_ON_HOLD'
  | 'INVALID_INVOICE'
  | 'OTHER';

/** One line of a supplier invoice. */
export interface InvoiceLine {
  readonly lineNumber: number;
  /** The purchase order line it bills, if any (freight and fees have none). */
  readonly poLineNumber: number | null;
  readonly description: string;
  readonly item: Item | null;
  readonly quantity: Decimal;
  readonly unitPrice: Money;
  readonly lineAmount: Money;
  readonly taxAmount: Money | null;
}

/** An invoice matched its purchase order, and its receipts for a three-way match, within tolerance. */
export interface InvoiceMatched {
  readonly envelope: Envelope;
  /** The canonical invoice id; the Kafka key. */
  readonly invoiceId: string;
  readonly supplierId: string;
  readonly poNumber: string;
  /** Receipts matched; empty for a two-way match. */
  readonly receiptIds: readonly string[];
  readonly matchedAmount: Money;
  readonly matchedAt: Date;
}

/** An invoice was posted to accounts payable in the ERP. */
export interface InvoicePosted {
  readonly envelope: Envelope;
  /** The canonical invoice id; the Kafka key. */
  readonly invoiceId: string;
  readonly supplierId: string;
  readonly erpDocumentNumber: string;
  readonly postingDate: CalendarDate;
  readonly postedAt: Date;
  readonly totalAmount: Money;
}

/** A supplier invoice was captured by AP automation. */
export interface InvoiceReceived {
  readonly envelope: Envelope;
  /** The canonical invoice id; the Kafka key. */
  readonly invoiceId: string;
  readonly supplierId: string;
  /** The number printed on the invoice by the supplier. */
  readonly supplierInvoiceNumber: string;
  readonly poNumber: string | null;
  readonly invoiceDate: CalendarDate;
  readonly dueDate: CalendarDate | null;
  readonly lines: readonly InvoiceLine[];
  readonly subtotal: Money;
  readonly taxAmount: Money;
  readonly totalAmount: Money;
}

/** What is bought: identified by GTIN where the supplier provides one, classified by UNSPSC. */
export interface Item {
  /** The item master id, when the item is catalogued. */
  readonly itemId: string | null;
  readonly description: string;
  /** GS1 Global Trade Item Number (8, 12, 13 or 14 digits). */
  readonly gtin: string | null;
  /** UNSPSC commodity code (8 digits). */
  readonly unspsc: string | null;
  readonly manufacturerName: string | null;
  readonly manufacturerPartNumber: string | null;
  readonly supplierPartNumber: string | null;
  /** UN/ECE Recommendation 20 code, e.g. EA, BX, CS. */
  readonly unitOfMeasure: string;
}

/** An exact amount in one currency. Never a float. */
export interface Money {
  /** The amount; negative for credits. */
  readonly amount: Decimal;
  /** ISO 4217 alphabetic code, e.g. USD. */
  readonly currency: string;
}

/** A payment left the bank and was confirmed. */
export interface PaymentCompleted {
  readonly envelope: Envelope;
  /** The ERP payment id; the Kafka key. */
  readonly paymentId: string;
  readonly supplierId: string;
  readonly amount: Money;
  readonly paidAt: Date;
  readonly bankReference: string | null;
}

/** A payment was rejected by the bank or the ERP. */
export interface PaymentFailed {
  readonly envelope: Envelope;
  /** The ERP payment id; the Kafka key. */
  readonly paymentId: string;
  readonly supplierId: string;
  /** The bank or ERP code, e.g. R03. */
  readonly failureCode: string;
  readonly failureReason: string;
  readonly failedAt: Date;
}

/** How a payment is made. Readers map symbols they do not know to OTHER. */
export type PaymentMethod =
  | 'ACH'
  | 'WIRE'
  | 'CHECK'
  | 'VIRTUAL_CARD'
  | 'OTHER';

/** The ERP scheduled a payment to a supplier. */
export interface PaymentScheduled {
  readonly envelope: Envelope;
  /** The ERP payment id; the Kafka key. */
  readonly paymentId: string;
  readonly supplierId: string;
  readonly invoiceIds: readonly string[];
  readonly amount: Money;
  readonly method: PaymentMethod;
  readonly scheduledDate: CalendarDate;
  /** Where the money goes; null for a check. */
  readonly bankAccount: BankAccountRef | null;
}

/** When a supplier expects to be paid, and any early-payment discount. */
export interface PaymentTerms {
  /** The terms code, e.g. NET30 or 2/10NET30. */
  readonly code: string;
  /** Days from invoice date until payment is due. */
  readonly netDays: number;
  /** Early-payment discount in percent, e.g. 2.0000. */
  readonly discountPercent: Decimal | null;
  /** Days within which the discount applies. */
  readonly discountDays: number | null;
}

/** A scheduled or completed payment was voided. */
export interface PaymentVoided {
  readonly envelope: Envelope;
  /** The ERP payment id; the Kafka key. */
  readonly paymentId: string;
  readonly supplierId: string;
  readonly reason: string;
  readonly voidedAt: Date;
}

/** A purchase order was approved in the purchasing system and may be encumbered. */
export interface PurchaseOrderApproved {
  readonly envelope: Envelope;
  /** The purchase order number; the Kafka key. */
  readonly poNumber: string;
  /** Revision of the order, starting at 0. */
  readonly revision: number;
  readonly supplierId: string;
  readonly orderDate: CalendarDate;
  readonly approvedAt: Date;
  readonly shipTo: Facility;
  readonly lines: readonly PurchaseOrderLine[];
  readonly totalAmount: Money;
}

/** A purchase order was cancelled; its open encumbrance is released. */
export interface PurchaseOrderCancelled {
  readonly envelope: Envelope;
  /** The purchase order number; the Kafka key. */
  readonly poNumber: string;
  readonly revision: number;
  readonly reason: string;
  readonly cancelledAt: Date;
}

/** An approved purchase order was revised; lines carry the complete new state. */
export interface PurchaseOrderChanged {
  readonly envelope: Envelope;
  /** The purchase order number; the Kafka key. */
  readonly poNumber: string;
  /** The new revision, greater than the previous one. */
  readonly revision: number;
  readonly supplierId: string;
  readonly changeReason: string | null;
  readonly shipTo: Facility;
  readonly lines: readonly PurchaseOrderLine[];
  readonly totalAmount: Money;
}

/** One line of a purchase order with its financial coding. */
export interface PurchaseOrderLine {
  readonly lineNumber: number;
  readonly item: Item;
  /** Ordered quantity in the item's unit of measure. */
  readonly quantity: Decimal;
  readonly unitPrice: Money;
  /** quantity × unitPrice, as the purchasing system computed it. */
  readonly lineAmount: Money;
  readonly department: Department;
  readonly costCentre: CostCentre;
  readonly glAccount: GlAccount;
  readonly requestedDeliveryDate: CalendarDate | null;
}

/** What arrived against one purchase order line, with the traceability a recall needs. */
export interface ReceiptLine {
  readonly receiptLineNumber: number;
  readonly poLineNumber: number;
  readonly item: Item;
  /** Accepted quantity in the item's unit of measure; negative for a return. */
  readonly quantity: Decimal;
  readonly lotNumber: string | null;
  readonly expiryDate: CalendarDate | null;
  readonly serialNumber: string | null;
  /** FDA Unique Device Identifier as scanned (device and production identifiers). */
  readonly udi: string | null;
}

/** The supplier master record after matching and merging the source systems. Holds no clear tax id or bank account. */
export interface Supplier {
  readonly legalName: string;
  readonly tradingName: string | null;
  readonly taxId: TaxIdRef;
  /** Nine-digit D-U-N-S number. */
  readonly dunsNumber: string | null;
  readonly status: SupplierStatus;
  /** Ordering and business addresses. */
  readonly addresses: readonly Address[];
  /** Where payments and remittance advice go. */
  readonly remitTo: Address;
  readonly paymentTerms: PaymentTerms;
  readonly bankAccount: BankAccountRef | null;
}

/** The bank account of a supplier changed. A fraud signal: payments to the supplier are held until the change is confirmed. */
export interface SupplierBankDetailsChanged {
  readonly envelope: Envelope;
  /** The canonical supplier id; the Kafka key. */
  readonly supplierId: string;
  readonly previousBankAccount: BankAccountRef | null;
  readonly newBankAccount: BankAccountRef;
  /** True while payments wait for the change to be confirmed out of band. */
  readonly paymentsHeld: boolean;
}

/** Whether a supplier may be ordered from and paid. Readers map symbols they do not know to OTHER. */
export type SupplierStatus =
  | 'ACTIVE'
  | 'INACTIVE'
  | 'ON_HOLD'
  | 'OTHER';

/** A supplier master record was created or changed after matching and merging the source systems. */
export interface SupplierSynced {
  readonly envelope: Envelope;
  /** The canonical supplier id; the Kafka key. */
  readonly supplierId: string;
  readonly supplier: Supplier;
}

/** A tax id by reference: the clear value never leaves the vault. */
export interface TaxIdRef {
  /** Vault token that stands for the tax id. */
  readonly token: string;
  /** Display form showing the last four characters only, e.g. *****6789. */
  readonly maskedValue: string;
  /** ISO 3166-1 alpha-2 country that issued the tax id. */
  readonly issuingCountry: string;
}

/** Every canonical event interface by its event type. */
export interface CanonicalEventMap {
  readonly SupplierSynced: SupplierSynced;
  readonly SupplierBankDetailsChanged: SupplierBankDetailsChanged;
  readonly PurchaseOrderApproved: PurchaseOrderApproved;
  readonly PurchaseOrderChanged: PurchaseOrderChanged;
  readonly PurchaseOrderCancelled: PurchaseOrderCancelled;
  readonly GoodsReceived: GoodsReceived;
  readonly InvoiceReceived: InvoiceReceived;
  readonly InvoiceMatched: InvoiceMatched;
  readonly InvoiceException: InvoiceException;
  readonly InvoicePosted: InvoicePosted;
  readonly PaymentScheduled: PaymentScheduled;
  readonly PaymentCompleted: PaymentCompleted;
  readonly PaymentFailed: PaymentFailed;
  readonly PaymentVoided: PaymentVoided;
}

/** Any canonical event. */
export type CanonicalEvent = CanonicalEventMap[keyof CanonicalEventMap];
