import { ACK, type HandlerOutcome } from '@procurelink/messaging';
import type { GoodsReceived, SupplierBankDetailsChanged, SupplierSynced } from '@procurelink/canonical-schemas';
import type { InvoiceFlow, Publish } from './invoice-flow';
import type { InvoiceSyncStore } from './ports/invoice-sync-store';
import { projectPurchaseOrder, receiptOf, projectSupplierStanding, type PurchaseOrderTopicEvent } from './projection/project-canonical';

/**
 * The canonical events invoice-sync reads from the other services: PO views and receipts from
 * p2p.purchase-order.v1, supplier standing from p2p.supplier.v1. A PO event or a receipt decides
 * again, in the same handler, every invoice waiting on that PO.
 */
export class ReferenceFlow {
  constructor(
    private readonly store: InvoiceSyncStore,
    private readonly invoices: InvoiceFlow,
  ) {}

  async purchaseOrder(event: PurchaseOrderTopicEvent, publish: Publish): Promise<HandlerOutcome> {
    const current = await this.store.purchaseOrder(event.value.poNumber);
    const next = projectPurchaseOrder(current, event);
    if (next !== current) await this.store.savePurchaseOrder(next);
    await this.rematchWaitingOn(event.value.poNumber, publish);
    return ACK;
  }

  async goodsReceived(event: GoodsReceived, publish: Publish): Promise<HandlerOutcome> {
    await this.store.saveReceipt(receiptOf(event));
    await this.rematchWaitingOn(event.poNumber, publish);
    return ACK;
  }

  async bankDetailsChanged(event: SupplierBankDetailsChanged): Promise<HandlerOutcome> {
    await this.store.saveSupplier(event.supplierId, projectSupplierStanding(await this.store.supplier(event.supplierId), { eventType: 'SupplierBankDetailsChanged', value: event }));
    return ACK;
  }

  async supplierSynced(event: SupplierSynced): Promise<HandlerOutcome> {
    await this.store.saveSupplier(event.supplierId, projectSupplierStanding(await this.store.supplier(event.supplierId), { eventType: 'SupplierSynced', value: event }));
    return ACK;
  }

  private async rematchWaitingOn(poNumber: string, publish: Publish): Promise<void> {
    for (const invoiceId of await this.store.waitingOn(poNumber)) {
      await this.invoices.rematch(invoiceId, publish);
    }
  }
}
