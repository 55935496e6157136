import type { HttpErpClientOptions } from './http-erp-client';

export interface ResolvedErpHttpOptions {
  /** Origin and path, without a trailing slash. */
  readonly baseUrl: string;
  readonly timeoutMs: number;
  readonly userAgent: string;
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
  return {
    baseUrl: `${url.origin}${url.pathname.replace(/\/+$/, '')}`,
    timeoutMs: options.timeoutMs,
    userAgent: options.userAgent ?? 'procurelink-erp-connector/0.1',
  };
}
