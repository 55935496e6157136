import type { ErpBatchOptions, HttpErpClientOptions } from './http-erp-client';
import { MAX_BATCH_ITEMS } from './erp-batch-wire';

const MAX_LINGER_MS = 1000;

export interface ResolvedErpHttpOptions {
  /** Origin and path, without a trailing slash. */
  readonly baseUrl: string;
  readonly timeoutMs: number;
  readonly userAgent: string;
  /** maxItems 1: no batching. */
  readonly batch: ErpBatchOptions;
}

/** Checks an ERP client's options once, at construction; a mistake names the client and what to fix. */
export function resolveErpHttpOptions(client: string, options: HttpErpClientOptions): ResolvedErpHttpOptions {
  const url = URL.canParse(options.baseUrl) ? new URL(options.baseUrl) : undefined;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new Error(`${client}: baseUrl must be an http(s) URL`);
  }
  if (!Number.isSafeInteger(options.timeoutMs) || options.timeoutMs <= 0) {
    throw new Error(`${client}: timeoutMs must be a whole number of milliseconds above 0`);
  }
  const batch = options.batch ?? { maxItems: 1, lingerMs: 0 };
  if (!Number.isSafeInteger(batch.maxItems) || batch.maxItems < 1 || batch.maxItems > MAX_BATCH_ITEMS) {
    throw new Error(`${client}: batch.maxItems must be a whole number from 1 to ${MAX_BATCH_ITEMS}`);
  }
  if (!Number.isSafeInteger(batch.lingerMs) || batch.lingerMs < 0 || batch.lingerMs > MAX_LINGER_MS) {
    throw new Error(`${client}: batch.lingerMs must be a whole number of milliseconds from 0 to ${MAX_LINGER_MS}`);
  }
  return {
    batch,
    baseUrl: `${url.origin}${url.pathname.replace(/\/+$/, '')}`,
    timeoutMs: options.timeoutMs,
    userAgent: options.userAgent ?? 'procurelink-erp-connector/0.1',
  };
}
