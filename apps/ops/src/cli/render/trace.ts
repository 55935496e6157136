import type { JsonObject } from '../api/ops-api';
import { isObject } from '../api/response-shapes';
import { capitalised, cell, objectTable, otherSections } from './format';
import { renderKeyValues } from './table';

/** The chain's documents by type, in procure-to-pay order (GET /v1/trace/:businessKey). */
const DOCUMENT_LISTS = ['purchaseOrders', 'receipts', 'invoices', 'payments', 'suppliers', 'documents'];
const EVENT_KEYS = ['occurredAt', 'eventType', 'sourceSystem', 'traceId', 'eventId'];

function documentHeading(doc: JsonObject): string {
  const parts = [`${cell(doc['docType'])} ${cell(doc['docId'])}`, `stage ${cell(doc['stage'])}`];
  if (doc['amount'] != null) parts.push(`amount ${cell(doc['amount'])}${doc['currency'] ? ` ${cell(doc['currency'])}` : ''}`);
  const optional: Array<[string, string]> = [
    ['facility', 'facilityId'],
    ['supplier', 'supplierId'],
    ['erp', 'erpDocument'],
    ['trace', 'traceId'],
  ];
  for (const [label, key] of optional) if (doc[key] != null && doc[key] !== '') parts.push(`${label} ${cell(doc[key])}`);
  return parts.join('  ');
}

function renderDocument(doc: JsonObject): string {
  const lines = [documentHeading(doc)];
  const exception = doc['exception'];
  if (isObject(exception)) lines.push(`  exception: ${cell(exception['reason'])}${exception['detail'] ? ` — ${cell(exception['detail'])}` : ''}`);
  const events = Array.isArray(doc['events']) ? doc['events'].filter(isObject) : [];
  const shown = events.map((event) => Object.fromEntries(EVENT_KEYS.filter((key) => key in event).map((key) => [key, event[key]])));
  lines.push(events.length === 0 ? '  (no events)' : objectTable(shown, EVENT_KEYS, '  '));
  return lines.join('\n');
}

const list = (value: unknown): string => (Array.isArray(value) && value.length > 0 ? value.map(cell).join(', ') : '-');

/** `trace` for people: the chain's ids, its documents by type with their events, exceptions and dead letters. */
export function renderTrace(trace: JsonObject): string {
  const sections = [`Chain ${cell(trace['businessKey'])}`, renderKeyValues([['chain ids', list(trace['chainIds'])], ['trace ids', list(trace['traceIds'])]])];
  let documents = 0;
  for (const key of DOCUMENT_LISTS) {
    const docs = Array.isArray(trace[key]) ? (trace[key] as unknown[]).filter(isObject) : [];
    if (docs.length === 0) continue;
    documents += docs.length;
    sections.push(`${capitalised(key)} (${docs.length})\n${docs.map(renderDocument).join('\n\n')}`);
  }
  if (documents === 0) sections.push('No documents in this chain yet.');
  sections.push(...otherSections(trace, [...DOCUMENT_LISTS, 'chainIds', 'traceIds']));
  return sections.join('\n\n');
}
