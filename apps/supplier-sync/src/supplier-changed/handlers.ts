import type { HandlerMap } from '@procurelink/messaging';
import { ERP_VENDOR_RECORD, PURCHASING_SUPPLIER_RECORD } from '../supplier-sync.topics';
import type { SupplierChangeFlow } from './supplier-change.flow';

/** Thin: each source record type goes to the flow with the system that sent it. */
export function supplierSyncHandlers(flow: SupplierChangeFlow): HandlerMap {
  return {
    [ERP_VENDOR_RECORD]: (event) => flow.handle('erp', event),
    [PURCHASING_SUPPLIER_RECORD]: (event) => flow.handle('purchasing', event),
  };
}
