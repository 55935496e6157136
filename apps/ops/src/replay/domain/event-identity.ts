import { stableEventId } from '@procurelink/canonical-schemas';
import { HEADERS } from '@procurelink/messaging';
import { createHash } from 'node:crypto';
import type { DeadLetterRow } from './dead-letter';

/*
 * The event id under which a service's runtime claimed a record (`<group>:<eventId>` in the
 * idempotency store). The runtime takes it from the decoder: the procurelink.event-id header
 * (records submitted through a system API), the envelope of a canonical Avro event, or a
 * service's own rule over a source system's JSON record. The rules below MIRROR those of the
 * services (ops may not import apps):
 *   source.ap.invoice.v1               apps/invoice-sync/src/invoice-received/mapping/source-identity.ts rawApInvoiceEventId
 *   source.purchasing.purchase-order.v1 apps/po-sync/src/purchase-order/mapping/source-identity.ts rawPoEventId
 *   source.inventory.goods-receipt.v1  apps/po-sync/src/purchase-order/mapping/source-identity.ts rawReceiptEventId
 *   source.erp.payment.v1              apps/payment-status/src/payment-lifecycle/source/erp-payment-record.ts erpPaymentEventId
 *   source.erp.vendor.v1, source.purchasing.supplier.v1  apps/supplier-sync/src/supplier-changed/source/source-event-id.ts
 * A rule that drifts only loses the "already took effect" hint: the consumer's own claim still
 * stops a second effect.
 */

type JsonObject = Record<string, unknown>;
type Rule = (value: JsonObject) => string | undefined;

const text = (value: JsonObject, name: string): string | undefined => {
  const found = value[name];
  return typeof found === 'string' ? found : undefined;
};

const supplierRule =
  (source: 'erp' | 'purchasing'): Rule =>
  (value) => {
    const id = text(value, source === 'erp' ? 'VENDOR_ID' : 'supplierId')?.trim();
    if (!id) return undefined;
    const changedAt = text(value, source === 'erp' ? 'LAST_CHANGED' : 'updatedAt')?.trim() ?? '';
    const digest = createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 32);
    return stableEventId(source, id, changedAt, digest);
  };

/** By the original topic's name without its environment prefix. */
const SOURCE_RULES: ReadonlyArray<readonly [string, Rule]> = [
  [
    'source.ap.invoice.v1',
    (v) => {
      const invoiceId = text(v, 'invoiceId');
      return invoiceId === undefined ? undefined : stableEventId('ap-automation', invoiceId.trim(), JSON.stringify(v));
    },
  ],
  [
    'source.purchasing.purchase-order.v1',
    (v) => {
      const poNumber = text(v, 'poNumber');
      const action = text(v, 'action');
      const revision = v['revision'];
      if (poNumber === undefined || action === undefined || typeof revision !== 'number') return undefined;
      return stableEventId('purchasing', 'purchase-order', poNumber.trim(), revision, action.trim());
    },
  ],
  [
    'source.inventory.goods-receipt.v1',
    (v) => {
      const receiptId = text(v, 'receiptId');
      return receiptId === undefined ? undefined : stableEventId('inventory', 'goods-receipt', receiptId.trim());
    },
  ],
  [
    'source.erp.payment.v1',
    (v) => {
      const [paymentId, status, statusAt] = [text(v, 'paymentId'), text(v, 'status'), text(v, 'statusAt')];
      if (paymentId === undefined || status === undefined || statusAt === undefined) return undefined;
      const at = Date.parse(statusAt);
      return Number.isNaN(at) ? undefined : stableEventId('erp', 'payment', paymentId, status, new Date(at).toISOString());
    },
  ],
  ['source.erp.vendor.v1', supplierRule('erp')],
  ['source.purchasing.supplier.v1', supplierRule('purchasing')],
];

/** Confluent wire format: magic byte 0, a 4-byte schema id, then the Avro payload. */
export function isConfluentAvro(value: Buffer | null): boolean {
  return value !== null && value.length > 5 && value[0] === 0;
}

/** The JSON object the value holds, or undefined (not JSON, not an object, Avro). */
export function jsonObjectOf(value: Buffer | null): JsonObject | undefined {
  if (value === null || value.length === 0 || isConfluentAvro(value)) return undefined;
  try {
    const parsed: unknown = JSON.parse(value.toString('utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as JsonObject) : undefined;
  } catch {
    return undefined;
  }
}

export const originalTopicOf = (row: DeadLetterRow): string | undefined => row.headers[HEADERS.originalTopic] || undefined;
export const consumerGroupOf = (row: DeadLetterRow): string | undefined => row.headers[HEADERS.consumerGroup] || row.consumerGroup || undefined;

/** The rule's topic name when the original topic is that source topic (with any prefix). */
export function sourceTopicOf(originalTopic: string | undefined): string | undefined {
  if (!originalTopic) return undefined;
  return SOURCE_RULES.find(([name]) => originalTopic.endsWith(name))?.[0];
}

export type EventIdSource =
  | { readonly kind: 'known'; readonly eventId: string; readonly from: 'header' | 'source-rule' | 'envelope' }
  | { readonly kind: 'envelope' } // Avro: read the envelope's event id through the registry
  | { readonly kind: 'none'; readonly why: string };

/** Where the record's event id comes from, decided from the row alone. */
export function eventIdSourceOf(row: DeadLetterRow): EventIdSource {
  const header = row.headers[HEADERS.eventId];
  if (header) return { kind: 'known', eventId: header, from: 'header' };
  if (isConfluentAvro(row.value)) return { kind: 'envelope' };
  const json = jsonObjectOf(row.value);
  if (json === undefined) return { kind: 'none', why: 'the value is not a JSON object, so it has no event id' };
  const topic = sourceTopicOf(originalTopicOf(row));
  const rule = SOURCE_RULES.find(([name]) => name === topic)?.[1];
  if (!rule) return { kind: 'none', why: `no event-id rule is known for topic ${originalTopicOf(row) ?? '(none)'}` };
  const eventId = rule(json);
  return eventId === undefined ? { kind: 'none', why: 'the record lacks the fields its event id is made of' } : { kind: 'known', eventId, from: 'source-rule' };
}
