import { DOC_TYPES, type DocType } from '../../projection/domain/projection-types';

const ALIASES: Record<string, DocType> = {
  supplier: 'SUPPLIER', suppliers: 'SUPPLIER',
  'purchase-order': 'PURCHASE_ORDER', 'purchase-orders': 'PURCHASE_ORDER', po: 'PURCHASE_ORDER',
  receipt: 'RECEIPT', receipts: 'RECEIPT', 'goods-receipt': 'RECEIPT', 'goods-receipts': 'RECEIPT',
  invoice: 'INVOICE', invoices: 'INVOICE',
  payment: 'PAYMENT', payments: 'PAYMENT',
};

/** A document type as written in a URL (`purchase-orders`, `PURCHASE_ORDER`, `invoice`…), or undefined. */
export function parseDocType(text: string): DocType | undefined {
  if ((DOC_TYPES as readonly string[]).includes(text)) return text as DocType;
  return ALIASES[text.toLowerCase()];
}
