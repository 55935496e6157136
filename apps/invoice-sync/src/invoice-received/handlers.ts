import type { GoodsReceived, SupplierBankDetailsChanged, SupplierSynced } from '@procurelink/canonical-schemas';
import type { HandlerMap } from '@procurelink/messaging';
import type { InvoiceFlow } from './invoice-flow';
import type { PurchaseOrderTopicEvent } from './projection/project-canonical';
import type { ReferenceFlow } from './reference-flow';

/** The event type the JSON decoder gives AP automation's invoices (from their topic). */
export const AP_INVOICE_EVENT_TYPE = 'ApInvoiceCaptured';

/** Event types → flows. Thin: the decoder has done its work; build the command and pass it on. */
export function invoiceSyncHandlers(invoices: InvoiceFlow, references: ReferenceFlow): HandlerMap {
  const po =
    (eventType: PurchaseOrderTopicEvent['eventType']): HandlerMap[string] =>
    (event) =>
      references.purchaseOrder({ eventType, value: event.value } as PurchaseOrderTopicEvent, (records) => event.publish(records));
  return {
    [AP_INVOICE_EVENT_TYPE]: (event) => invoices.receive(event.value, (records) => event.publish(records)),
    PurchaseOrderApproved: po('PurchaseOrderApproved'),
    PurchaseOrderChanged: po('PurchaseOrderChanged'),
    PurchaseOrderCancelled: po('PurchaseOrderCancelled'),
    GoodsReceived: (event) => references.goodsReceived(event.value as GoodsReceived, (records) => event.publish(records)),
    SupplierSynced: (event) => references.supplierSynced(event.value as SupplierSynced),
    SupplierBankDetailsChanged: (event) => references.bankDetailsChanged(event.value as SupplierBankDetailsChanged),
  };
}
