import { apInvoiceRecord } from '../../apps/simulator/src/day/invoice-records';
import { erpPaymentRecord } from '../../apps/simulator/src/day/payment-records';
import { goodsReceiptRecord, purchasingPoRecord } from '../../apps/simulator/src/day/po-records';
import { erpVendorRecord, purchasingSupplierRecord } from '../../apps/simulator/src/day/supplier-records';
import { chain, faultSuppliers } from './workload';

/** One valid body per documented POST route of each system API (the HTTP fuzzing breaks copies of them). */
const [supplier] = faultSuppliers(1, 1);
const sample = chain(0, faultSuppliers(3, 1), 1);
const at = new Date('2026-03-01T10:00:00Z');

export const SAMPLE_BODIES: Readonly<Record<string, unknown>> = {
  '/v1/suppliers/erp-vendor-records': supplier ? erpVendorRecord(supplier, at) : {},
  '/v1/suppliers/purchasing-records': supplier ? purchasingSupplierRecord(supplier, at) : {},
  '/v1/suppliers/{supplierId}/bank-details-confirmations': { changeId: 'chg-1' },
  '/v1/purchase-orders': purchasingPoRecord(sample.po, 'APPROVED', at),
  '/v1/goods-receipts': goodsReceiptRecord(sample.po, sample.receiptId, at),
  '/v1/invoices': apInvoiceRecord({ invoiceId: sample.invoiceId, supplierInvoiceNumber: 'SI-1', po: sample.po, invoiceDate: '2026-03-01', priceFactor: '1' }, at),
  '/v1/payments': erpPaymentRecord(sample.paymentId, { invoiceId: sample.invoiceId, supplierId: sample.po.supplier.supplierId, facilityId: sample.po.buyer.facilityId, amount: '8.95', currency: 'USD', poNumber: sample.po.poNumber }, { status: 'SCHEDULED', scheduledDate: '2026-03-31' }, at),
};
