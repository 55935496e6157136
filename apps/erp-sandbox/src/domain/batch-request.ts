import { parseApInvoice } from './ap-invoice';
import { parseEncumbrance } from './encumbrance';
import { JsonReader, type JsonObject } from './json-reader';
import { parsePaymentStatus } from './payment-status';
import type { Capability, Posting } from './posting';
import { problem, refused, parsed, type Parsed, type Problem } from './problem';
import { parseVendorUpsert } from './vendor-upsert';

/** POST /erp/v1/batch carries 1 to this many writes. */
export const MAX_BATCH_ITEMS = 500;

/** The writes a batch item may be, as `METHOD path`: the single-call endpoints, nothing else. */
export const BATCH_WRITES = ['POST /erp/v1/encumbrances', 'POST /erp/v1/ap-invoices', 'PUT /erp/v1/vendors/{supplierId}', 'PUT /erp/v1/payments/{paymentId}/status'] as const;

/** Which single call an item stands for: its capability (for faults), its body parser and its success status. */
export interface BatchRoute {
  readonly capability: Capability;
  readonly created: 200 | 201;
  readonly parse: (body: unknown) => Parsed<Posting>;
}

/** One item of a batch, decoded: a write to run exactly as the single call would, or why it cannot be one. */
export type BatchItem =
  | {
      readonly kind: 'WRITE';
      readonly route: BatchRoute;
      readonly method: string;
      /** As sent (URL-encoded): with the method and body it is the idempotency fingerprint, as for the single call. */
      readonly path: string;
      /** Stands in for the Idempotency-Key header; undefined when absent. */
      readonly idempotencyKey: string | undefined;
      readonly body: unknown;
    }
  | { readonly kind: 'INVALID'; readonly problems: readonly Problem[] }
  | { readonly kind: 'NOT_FOUND'; readonly index: number };

const ITEM_FIELDS = ['method', 'path', 'idempotencyKey', 'body'];

/**
 * Reads the envelope `{ requests: [...] }`. Envelope problems refuse the whole batch; a broken item
 * only refuses itself (INVALID, at `requests[i].…`), and an item that is none of the four writes is NOT_FOUND.
 */
export function decodeBatch(body: unknown): Parsed<readonly BatchItem[]> {
  const read = new JsonReader();
  const envelope = read.object(body, '', ['requests']);
  if (envelope === null) return refused(read.problems);
  const requests = read.list(envelope, 'requests', '', { required: true, minItems: 1, maxItems: MAX_BATCH_ITEMS });
  if (requests === null || read.problems.length > 0) return refused(read.problems);
  return parsed(
    requests.map((item, index) => decodeItem(item, index)),
    [],
  );
}

function decodeItem(item: unknown, index: number): BatchItem {
  const at = `requests[${index}]`;
  const read = new JsonReader();
  const object = read.object(item, at, ITEM_FIELDS);
  if (object === null) return { kind: 'INVALID', problems: read.problems };
  const method = own(object, 'method');
  const path = own(object, 'path');
  const key = own(object, 'idempotencyKey');
  const body = own(object, 'body');
  if (typeof method !== 'string') read.fail(`${at}.method`, method === undefined || method === null ? 'MISSING' : 'WRONG_TYPE', 'must be the text PUT or POST');
  if (typeof path !== 'string') read.fail(`${at}.path`, path === undefined || path === null ? 'MISSING' : 'WRONG_TYPE', 'must be the text of a write path');
  if (key !== undefined && key !== null && typeof key !== 'string') read.fail(`${at}.idempotencyKey`, 'WRONG_TYPE', 'must be text, as the Idempotency-Key header');
  if (body === undefined || body === null) read.fail(`${at}.body`, 'MISSING', 'is required: the body the single call takes');
  else if (typeof body !== 'object') read.fail(`${at}.body`, 'WRONG_TYPE', 'must be a JSON object: the body the single call takes');
  if (read.problems.length > 0 || typeof method !== 'string' || typeof path !== 'string') return { kind: 'INVALID', problems: read.problems };
  const route = routeWrite(method, path);
  if (route === 'MALFORMED') return { kind: 'INVALID', problems: [problem(`${at}.path`, 'MALFORMED', 'has a malformed percent-encoding')] };
  if (route === null) return { kind: 'NOT_FOUND', index };
  return { kind: 'WRITE', route, method, path, idempotencyKey: typeof key === 'string' ? key : undefined, body };
}

const VENDOR_PATH = /^\/erp\/v1\/vendors\/([^/?#]+)$/;
const PAYMENT_STATUS_PATH = /^\/erp\/v1\/payments\/([^/?#]+)\/status$/;

/** The single call `method path` stands for, null when it is none of the four writes, MALFORMED when a path segment does not decode. */
export function routeWrite(method: string, path: string): BatchRoute | null | 'MALFORMED' {
  if (method === 'POST' && path === '/erp/v1/encumbrances') return { capability: 'encumbrances', created: 201, parse: parseEncumbrance };
  if (method === 'POST' && path === '/erp/v1/ap-invoices') return { capability: 'ap-invoices', created: 201, parse: parseApInvoice };
  if (method !== 'PUT') return null;
  const vendor = segment(VENDOR_PATH, path);
  if (vendor !== null) return vendor === 'MALFORMED' ? vendor : { capability: 'vendors', created: 200, parse: (body) => parseVendorUpsert(vendor, body) };
  const payment = segment(PAYMENT_STATUS_PATH, path);
  if (payment !== null) return payment === 'MALFORMED' ? payment : { capability: 'payments', created: 200, parse: (body) => parsePaymentStatus(payment, body) };
  return null;
}

/** The path parameter, decoded as the router decodes it for the single call. */
function segment(pattern: RegExp, path: string): string | null | 'MALFORMED' {
  const raw = pattern.exec(path)?.[1];
  if (raw === undefined) return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return 'MALFORMED';
  }
}

function own(object: JsonObject, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}
