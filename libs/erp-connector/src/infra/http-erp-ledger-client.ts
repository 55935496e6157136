import { targetUnavailable } from '@procurelink/messaging';
import type { ErpLedgerEntry, ErpLedgerPage, ErpLedgerPort, ErpLedgerQuery, ErpLedgerSummary } from '../ledger-port';
import { networkErrorOf, parseJsonOrUndefined } from './erp-error-mapping';
import { ledgerErrorFromStatus, ledgerSearchParams, pageFromBody, summaryFromBody } from './erp-ledger-mapping';
import type { HttpErpClientOptions } from './http-erp-client';
import { resolveErpHttpOptions } from './erp-http-options';
import { startErpClientSpan, type ErpOperation } from './erp-telemetry';
import { HttpTransport, type HttpAnswer } from './http-transport';

const PAGE_LIMIT = 5_000;
/** A guard against a misbehaving ERP that always answers "truncated" (10 million entries). */
const MAX_PAGES = 2_000;

/**
 * ErpLedgerPort over GET /erp/v1/ledger and /erp/v1/ledger/summary (apps/erp-sandbox/CONTRACT.md),
 * over node:http(s) with a keep-alive agent of its own; `close()` (or onModuleDestroy) drops its sockets.
 */
export class HttpErpLedgerClient implements ErpLedgerPort {
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly userAgent: string;
  private readonly transport: HttpTransport;

  constructor(options: HttpErpClientOptions) {
    ({ baseUrl: this.baseUrl, timeoutMs: this.timeoutMs, userAgent: this.userAgent } = resolveErpHttpOptions('HttpErpLedgerClient', options));
    this.transport = new HttpTransport(new URL(this.baseUrl).protocol);
  }

  /** Closes the kept-alive connections to the ERP; calls still in flight fail as unreachable. */
  close(): void {
    this.transport.close();
  }

  onModuleDestroy(): void {
    this.close();
  }

  async ledgerPage(query: ErpLedgerQuery = {}): Promise<ErpLedgerPage> {
    const what = 'ERP ledger GET /erp/v1/ledger';
    const outcome = pageFromBody(what, await this.get('ledgerPage', what, `/erp/v1/ledger?${ledgerSearchParams(query).toString()}`));
    if (outcome instanceof Error) throw outcome;
    return outcome;
  }

  async ledger(query: Omit<ErpLedgerQuery, 'afterSequence'> = {}): Promise<readonly ErpLedgerEntry[]> {
    const entries: ErpLedgerEntry[] = [];
    let afterSequence: number | undefined;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const answer = await this.ledgerPage({ limit: PAGE_LIMIT, ...query, ...(afterSequence === undefined ? {} : { afterSequence }) });
      entries.push(...answer.entries);
      const last = answer.entries.at(-1);
      if (!answer.truncated || last === undefined) return entries;
      afterSequence = last.sequence;
    }
    throw targetUnavailable(`ERP ledger GET /erp/v1/ledger was still truncated after ${MAX_PAGES} pages`);
  }

  async summary(query: Omit<ErpLedgerQuery, 'afterSequence' | 'limit'> = {}): Promise<ErpLedgerSummary> {
    const what = 'ERP ledger GET /erp/v1/ledger/summary';
    const outcome = summaryFromBody(what, await this.get('ledgerSummary', what, `/erp/v1/ledger/summary?${ledgerSearchParams(query).toString()}`));
    if (outcome instanceof Error) throw outcome;
    return outcome;
  }

  /** One GET as a CLIENT span (traceparent sent along), counted in the ERP call metrics. */
  private async get(operation: ErpOperation, what: string, path: string): Promise<unknown> {
    const template = path.slice(0, path.indexOf('?'));
    const span = startErpClientSpan({ operation, method: 'GET', template, url: `${this.baseUrl}${path}` });
    try {
      const body = await this.getJson(what, path, span.headers, span.answered);
      span.end();
      return body;
    } catch (error) {
      span.end(error);
      throw error;
    }
  }

  private async getJson(what: string, path: string, trace: Record<string, string>, answered: (status: number) => void): Promise<unknown> {
    let answer: HttpAnswer;
    try {
      answer = await this.transport.exchange({
        method: 'GET',
        url: `${this.baseUrl}${path}`,
        headers: { ...trace, accept: 'application/json', 'user-agent': this.userAgent },
        timeoutMs: this.timeoutMs,
        answered,
      });
    } catch (error) {
      throw networkErrorOf(what, error, this.timeoutMs);
    }
    const body = parseJsonOrUndefined(answer.text);
    if (answer.status !== 200) throw ledgerErrorFromStatus(what, answer.status, body);
    return body;
  }
}

