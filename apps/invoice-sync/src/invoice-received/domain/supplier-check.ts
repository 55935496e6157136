import type { InvoiceException } from './invoice-outcome';
import type { SupplierStanding } from './lookups';

/**
 * Only an ACTIVE supplier's invoices are matched: ON_HOLD → SUPPLIER_ON_HOLD; INACTIVE, a status
 * this service does not know (OTHER) or a supplier missing from the master → INACTIVE_SUPPLIER.
 * A supplier on hold only because its bank details changed is matched as active: the liability is
 * real, and its payments are what the hold stops (payment-status does).
 */
export function checkSupplier(supplierId: string, standing: SupplierStanding | null): InvoiceException | null {
  if (standing === null) {
    return { reason: 'INACTIVE_SUPPLIER', detail: `supplier ${supplierId} is not in the supplier master`, supplierStatus: null };
  }
  switch (standing.status) {
    case 'ACTIVE':
      return null;
    case 'ON_HOLD':
      if (standing.paymentsHeldOnly === true) return null;
      return { reason: 'SUPPLIER_ON_HOLD', detail: `supplier ${supplierId} is on hold`, supplierStatus: standing.status };
    default:
      return {
        reason: 'INACTIVE_SUPPLIER',
        detail: `supplier ${supplierId} is ${standing.status.toLowerCase()}, not active`,
        supplierStatus: standing.status,
      };
  }
}
