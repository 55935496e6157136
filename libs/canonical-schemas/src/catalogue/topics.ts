/**
 * The canonical topics: the one place that says which event goes to which topic under which key.
 * Events of one aggregate share a topic keyed by the aggregate id, so Kafka keeps them in order.
 * TOPICS.md and asyncapi.json are generated from this list.
 */
export const CANONICAL_TOPICS = [
  {
    topic: 'p2p.supplier.v1',
    aggregate: 'supplier',
    keyField: 'supplierId',
    keyDescription: 'The canonical supplier id.',
    description: 'The supplier master after matching and merging, and bank-detail changes (a fraud signal).',
    eventTypes: ['SupplierSynced', 'SupplierBankDetailsChanged'],
  },
  {
    topic: 'p2p.purchase-order.v1',
    aggregate: 'purchase order',
    keyField: 'poNumber',
    keyDescription: 'The purchase order number.',
    description:
      'The purchase order lifecycle and the goods received against it; receipts share the topic so they stay ordered after their order.',
    eventTypes: ['PurchaseOrderApproved', 'PurchaseOrderChanged', 'PurchaseOrderCancelled', 'GoodsReceived'],
  },
  {
    topic: 'p2p.invoice.v1',
    aggregate: 'invoice',
    keyField: 'invoiceId',
    keyDescription: 'The canonical invoice id.',
    description: 'Supplier invoices from capture through matching (or exception) to posting in accounts payable.',
    eventTypes: ['InvoiceReceived', 'InvoiceMatched', 'InvoiceException', 'InvoicePosted'],
  },
  {
    topic: 'p2p.payment.v1',
    aggregate: 'payment',
    keyField: 'paymentId',
    keyDescription: 'The ERP payment id.',
    description: 'The payment lifecycle reported by the ERP: scheduled, then completed, failed or voided.',
    eventTypes: ['PaymentScheduled', 'PaymentCompleted', 'PaymentFailed', 'PaymentVoided'],
  },
] as const;

export type CanonicalTopic = (typeof CANONICAL_TOPICS)[number];

/** Every canonical event type: explicit past-tense names that never change (the Avro record name). */
export type CanonicalEventType = CanonicalTopic['eventTypes'][number];

export const CANONICAL_EVENT_TYPES: readonly CanonicalEventType[] = CANONICAL_TOPICS.flatMap((t) => t.eventTypes);
