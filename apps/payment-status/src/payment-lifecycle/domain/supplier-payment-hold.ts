/** Why a supplier's payments are held. A closed list. */
export type PaymentHoldReason =
  /** The bank details changed and the change has not been confirmed out of band (a fraud signal). */
  | 'BANK_DETAILS_UNCONFIRMED'
  /** The supplier master record itself is ON_HOLD. */
  | 'SUPPLIER_ON_HOLD';

/** A hold on a supplier's payments, as supplier-sync recorded it. */
export interface SupplierPaymentHold {
  readonly supplierId: string;
  readonly reason: PaymentHoldReason;
  readonly since: Date;
}
